// schema-name: database.schemaName (PostgreSQL only, better-auth 1.7.7+): every table in the "auth"
// schema; AM_PLUGINS=1 adds twoFactor and username (the ALTER path). The pg Pool sits inside a
// Kysely PostgresDialect because schemaName is an option of the { dialect, type } form.
import { betterAuth } from "better-auth";
import { twoFactor, username } from "better-auth/plugins";
import { PostgresDialect } from "kysely";
import pg from "pg";

export const auth = betterAuth({
	database: {
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.AM_DB_URL, max: 2 }) }),
		type: "postgres",
		schemaName: "auth",
	},
	emailAndPassword: { enabled: true },
	plugins: process.env.AM_PLUGINS ? [twoFactor(), username()] : [],
});
