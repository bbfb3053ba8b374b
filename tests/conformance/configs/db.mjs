// Builds the `database` option of betterAuth() from the environment, so that one
// config runs against any of the three dialects:
//   AM_DIALECT = sqlite | postgres | mysql
//   AM_DB_URL  = sqlite: a file path; postgres: postgres://...; mysql: mysql://...
// These are exactly the plain `database` forms that the built-in Kysely path of
// `auth migrate` / `auth generate` accepts (node:sqlite DatabaseSync, pg Pool,
// mysql2 pool).
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { createPool } from "mysql2/promise";

export function dialect() {
	const d = process.env.AM_DIALECT;
	if (d !== "sqlite" && d !== "postgres" && d !== "mysql") {
		throw new Error(`AM_DIALECT must be sqlite, postgres or mysql (got ${JSON.stringify(d)})`);
	}
	return d;
}

export function database() {
	const d = dialect();
	const url = process.env.AM_DB_URL;
	if (!url) throw new Error("AM_DB_URL is not set");
	switch (d) {
		case "sqlite":
			return new DatabaseSync(url);
		case "postgres":
			return new pg.Pool({ connectionString: url, max: 2 });
		case "mysql":
			return createPool(url);
	}
}
