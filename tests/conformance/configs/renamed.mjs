// renamed: modelName and fields renames on user/session/account/verification,
// plus additionalFields of every type the Kysely generator accepts.
import { betterAuth } from "better-auth";
import { database } from "./db.mjs";

export const auth = betterAuth({
	database: database(),
	emailAndPassword: { enabled: true },
	user: {
		modelName: "users",
		fields: {
			name: "full_name",
			email: "email_address",
			emailVerified: "email_verified",
			createdAt: "created_at",
			updatedAt: "updated_at",
		},
		additionalFields: {
			// string, required, no default
			nickname: { type: "string", required: true },
			// number with a default
			age: { type: "number", required: false, defaultValue: 18 },
			// boolean with default false
			newsletter: { type: "boolean", required: true, defaultValue: false },
			// date, optional
			birthday: { type: "date", required: false },
			// date with a function default (gets a DB default on pg/mysql)
			joinedAt: { type: "date", required: true, defaultValue: () => new Date() },
			// arrays and json
			tags: { type: "string[]", required: false },
			luckyNumbers: { type: "number[]", required: false },
			preferences: { type: "json", required: false },
			// bigint number
			loginCount: { type: "number", bigint: true, required: false },
			// unique string with its own physical name
			externalId: { type: "string", required: false, unique: true, fieldName: "external_id" },
			// indexed string
			department: { type: "string", required: false, index: true },
			// sortable string (varchar on MySQL)
			lastName: { type: "string", required: false, sortable: true },
			// enum
			plan: { type: ["free", "pro", "enterprise"], required: false, defaultValue: "free" },
		},
	},
	session: {
		modelName: "sessions",
		fields: {
			userId: "user_id",
			token: "session_token",
			expiresAt: "expires_at",
			ipAddress: "ip_address",
		},
		additionalFields: {
			deviceName: { type: "string", required: false },
			trusted: { type: "boolean", required: false, defaultValue: false },
		},
	},
	account: {
		modelName: "accounts",
		fields: {
			accountId: "account_id",
			providerId: "provider_id",
			userId: "user_id",
			password: "password_hash",
		},
		additionalFields: {
			label: { type: "string", required: false },
		},
	},
	verification: {
		modelName: "verifications",
		fields: {
			identifier: "identifier_key",
			value: "token_value",
			expiresAt: "expires_at",
		},
		additionalFields: {
			attempts: { type: "number", required: true, defaultValue: 0 },
		},
	},
});
