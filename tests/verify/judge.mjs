// The real Better Auth runtime as a judge. Loads a config from configs/ (a function returning
// betterAuth() options without `database`), connects it to AM_DIALECT / AM_DB_URL, and prints JSON:
//   node judge.mjs check  configs/core.mjs   -> {"verdict":"accepts"|"refuses","findings":[...],"message":...}
//                                               (Better Auth's own runtime schema check, ctx.checkSchema)
//   node judge.mjs signup configs/core.mjs   -> {"signup":"ok"} or {"signup":"failed","message":...}
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { createPool } from "mysql2/promise";
import { betterAuth } from "better-auth";
import { PostgresDialect } from "kysely";

// A config's `$schemaName` becomes database.schemaName, which only the { dialect, type } form takes.
function database(schemaName) {
	const url = process.env.AM_DB_URL;
	if (schemaName) {
		const pool = new pg.Pool({ connectionString: url, max: 2 });
		return { dialect: new PostgresDialect({ pool }), type: "postgres", schemaName, end: () => pool.end() };
	}
	switch (process.env.AM_DIALECT) {
		case "sqlite": return new DatabaseSync(url);
		case "postgres": return new pg.Pool({ connectionString: url, max: 2 });
		case "mysql": return createPool(url);
	}
	throw new Error(`AM_DIALECT must be sqlite, postgres or mysql (got ${JSON.stringify(process.env.AM_DIALECT)})`);
}

async function check(auth) {
	const ctx = await auth.$context;
	if (!ctx.checkSchema) throw new Error("this Better Auth has no runtime schema check");
	try {
		await ctx.checkSchema();
		return { verdict: "accepts", findings: [] };
	} catch (error) {
		if (error?.code !== "SCHEMA_MISMATCH") throw error;
		const findings = error.findings.map((f) => ({ kind: f.kind, table: f.table, column: f.column ?? "" }));
		return { verdict: "refuses", findings, message: error.message };
	}
}

async function signup(auth) {
	try {
		const email = `judge-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
		await auth.api.signUpEmail({ body: { email, password: "correct-horse-battery", name: "Judge" } });
		return { signup: "ok" };
	} catch (error) {
		return { signup: "failed", message: String(error?.message ?? error) };
	}
}

const [command, config] = process.argv.slice(2);
const { $schemaName, ...options } = (await import(pathToFileURL(resolve(config)).href)).default();
const db = database($schemaName);
const auth = betterAuth({ ...options, database: db, secret: "judge-secret-judge-secret-judge-secret", baseURL: "http://localhost:3000" });
const result = command === "signup" ? await signup(auth) : await check(auth);
process.stdout.write(JSON.stringify(result) + "\n");
if (db.end) await db.end();
if (db.close) db.close();
