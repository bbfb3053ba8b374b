// renamed: models and fields with other physical names, and a required additional field.
export default () => ({
	emailAndPassword: { enabled: true },
	user: {
		modelName: "users",
		fields: { email: "email_address", createdAt: "created_at" },
		additionalFields: { nickname: { type: "string", required: false } },
	},
	session: { modelName: "sessions", fields: { userId: "user_id" } },
});
