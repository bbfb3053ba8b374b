// The `database` option from AM_DIALECT / AM_DB_URL, in a form every release from 1.3 on accepts:
// a pg Pool, a mysql2 pool, and for SQLite Node 22's node:sqlite, which better-auth takes itself from
// 1.5 on; before, a Kysely SqliteDialect over it (better-sqlite3 does not install here).
import fs from "node:fs";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { createPool } from "mysql2/promise";
import { SqliteDialect } from "kysely";

// The better-sqlite3 surface Kysely's SqliteDriver uses, over a node:sqlite database.
function betterSqliteShape(db) {
	return {
		prepare(sql) {
			const statement = db.prepare(sql);
			const reader = typeof statement.columns === "function"
				? statement.columns().length > 0
				: /^\s*(select|pragma|with|values)\b/i.test(sql) || /\breturning\b/i.test(sql);
			return {
				reader,
				all: (params) => statement.all(...params),
				run: (params) => {
					const r = statement.run(...params);
					return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
				},
				iterate: (params) => statement.iterate(...params),
			};
		},
		close: () => db.close(),
	};
}

function takesNodeSqlite() {
	const url = new URL("./node_modules/better-auth/package.json", import.meta.url);
	const [major, minor] = JSON.parse(fs.readFileSync(url, "utf8")).version.split(".").map(Number);
	return major > 1 || minor >= 5;
}

export function database() {
	const url = process.env.AM_DB_URL;
	switch (process.env.AM_DIALECT) {
		case "sqlite":
			if (takesNodeSqlite()) return new DatabaseSync(url);
			return { dialect: new SqliteDialect({ database: betterSqliteShape(new DatabaseSync(url)) }), type: "sqlite" };
		case "postgres":
			return new pg.Pool({ connectionString: url, max: 2 });
		case "mysql":
			return createPool(url);
	}
	throw new Error(`AM_DIALECT must be sqlite, postgres or mysql (got ${JSON.stringify(process.env.AM_DIALECT)})`);
}
