// The `database` option from AM_DIALECT / AM_DB_URL, in a form every release from 1.3 on accepts:
// a pg Pool, a mysql2 pool, and for SQLite a Kysely SqliteDialect over Node 22's node:sqlite (the
// releases before 1.5 do not take a DatabaseSync themselves, and better-sqlite3 does not install here).
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

export function database() {
	const url = process.env.AM_DB_URL;
	switch (process.env.AM_DIALECT) {
		case "sqlite":
			return { dialect: new SqliteDialect({ database: betterSqliteShape(new DatabaseSync(url)) }), type: "sqlite" };
		case "postgres":
			return new pg.Pool({ connectionString: url, max: 2 });
		case "mysql":
			return createPool(url);
	}
	throw new Error(`AM_DIALECT must be sqlite, postgres or mysql (got ${JSON.stringify(process.env.AM_DIALECT)})`);
}
