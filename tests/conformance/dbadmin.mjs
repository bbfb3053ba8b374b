#!/usr/bin/env node
// Creates or drops a scratch database for the conformance runs.
//
//   node dbadmin.mjs <postgres|mysql> <server-url> create <name>   # drops it first if it exists; prints its URL
//   node dbadmin.mjs <postgres|mysql> <server-url> drop <name>
//
// <server-url>: postgres://user:pass@host:port[/db]  or  mysql://user:pass@host:port[/]
// Only names starting with "conf_" are accepted, so that this never touches anything else.
import pg from "pg";
import { createConnection } from "mysql2/promise";

const [dialect, server, action, name] = process.argv.slice(2);
if (!dialect || !server || !["create", "drop"].includes(action) || !name) {
	console.error("usage: node dbadmin.mjs <postgres|mysql> <server-url> <create|drop> <conf_name>");
	process.exit(64);
}
if (!/^conf_[a-z0-9_]+$/.test(name)) {
	console.error(`dbadmin.mjs: refusing database name ${JSON.stringify(name)} (must match conf_[a-z0-9_]+)`);
	process.exit(64);
}

function withDb(url, db) {
	const u = new URL(url);
	u.pathname = `/${db}`;
	return u.toString();
}

try {
	if (dialect === "postgres") {
		const c = new pg.Client({ connectionString: withDb(server, "postgres") });
		await c.connect();
		try {
			await c.query(`drop database if exists "${name}" with (force)`);
			if (action === "create") await c.query(`create database "${name}"`);
		} finally {
			await c.end();
		}
	} else if (dialect === "mysql") {
		const c = await createConnection(withDb(server, ""));
		try {
			await c.query(`drop database if exists \`${name}\``);
			if (action === "create") await c.query(`create database \`${name}\``);
		} finally {
			await c.end();
		}
	} else {
		console.error(`dbadmin.mjs: dialect must be postgres or mysql, got ${JSON.stringify(dialect)}`);
		process.exit(64);
	}
} catch (e) {
	console.error(`dbadmin.mjs: ${action} ${name}: ${e?.message ?? e}`);
	process.exit(1);
}
if (action === "create") console.log(withDb(server, name));
