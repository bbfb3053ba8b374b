// plural: usePlural = true. NOT migratable by the real CLI, and that is the golden fact.
//
// `usePlural` exists only as an option of the adapter factories (kyselyAdapter(db, {usePlural}),
// prismaAdapter, drizzleAdapter); the plain `database` forms (node:sqlite, pg Pool, mysql2 pool,
// {dialect, type}, {db, type}) have no such option, and getMigrations() hard-codes
// usePlural: false. Passing the explicit kyselyAdapter(...) makes `database` a function, which
// getMigrations() cannot turn into a Kysely instance: `auth migrate` and `auth generate` (also
// with --adapter kysely) log "Only kysely adapter is supported for migrations..." and exit 1.
// regenerate-golden.sh records that refusal in tests/golden/cli/<dialect>/plural.refused.txt.
import { betterAuth } from "better-auth";
import { createKyselyAdapter, kyselyAdapter } from "@better-auth/kysely-adapter";
import { database } from "./db.mjs";

const { kysely, databaseType } = await createKyselyAdapter({ database: database() });

export const auth = betterAuth({
	database: kyselyAdapter(kysely, { type: databaseType, usePlural: true }),
	emailAndPassword: { enabled: true },
});
