// Writes tests/golden/postgres/<case>.sql for the ALTER-path cases: what `generate` writes when
// the database already holds the tables in ../live/<case>.json. A fake driver answers the
// catalog queries better-auth 1.7.25 sends on PostgreSQL from that description.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getMigrations } from "better-auth/db/migration";
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import { alterCases } from "./alter-cases.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const golden = join(here, "..");

function fakeDriver(live) {
  const answer = (sqlText) => {
    if (sqlText.includes("current_schema()")) return [{ schema: "public" }];
    if (sqlText.includes("pg_namespace") && sqlText.includes("nspname") && !sqlText.includes("pg_attribute") && !sqlText.includes("indisunique")) return [{ nspname: "public" }];
    if (sqlText.includes("pg_get_serial_sequence")) {
      return Object.entries(live.tables).flatMap(([table, t]) => t.columns.map(([column, dataType, isNullable]) => ({
        schema: "public", table, isView: false, isForeign: false, column, dataType, isNullable,
        hasDefaultValue: false, isAutoIncrementing: false })));
    }
    if (sqlText.includes("indisunique")) {
      return live.indexes.flatMap((i) => i.columns.map((columnName, p) => ({ tableName: i.table, indexName: i.name,
        columnName, isUnique: i.unique, isValid: true, isPartial: false, columnPosition: p + 1 })));
    }
    const probe = sqlText.match(/select 1 as "present" from "([^"]+)"/);
    if (probe) return live.tables[probe[1]]?.rows ? [{ present: 1 }] : [];
    throw new Error(`unexpected query: ${sqlText}`);
  };
  return {
    async init() {}, async destroy() {},
    async acquireConnection() {
      return { async executeQuery(q) { return { rows: answer(q.sql) }; }, async *streamQuery() {} };
    },
    async releaseConnection() {}, async beginTransaction() {}, async commitTransaction() {}, async rollbackTransaction() {},
  };
}

for (const [name, make] of Object.entries(alterCases)) {
  const live = JSON.parse(readFileSync(join(golden, "live", `${name}.json`), "utf8"));
  const db = new Kysely({ dialect: {
    createAdapter: () => new PostgresAdapter(), createDriver: () => fakeDriver(live),
    createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler(),
  } });
  const m = await getMigrations({ ...make(), logger: { disabled: true }, database: { db, type: "postgres" } }, { throwOnUnsafe: false });
  const code = await m.compileMigrations();
  const rule = `-- ${"-".repeat(77)}`;
  const banner = m.unsafeChanges.length
    ? [rule, "-- DO NOT RUN THIS SCRIPT AS IT IS.", "-- Applying it to a populated database corrupts the rows it touches:",
       ...m.unsafeChanges.flatMap((c) => ["--", `-- ${c}`]), rule, ""].join("\n") : "";
  writeFileSync(join(golden, "postgres", `${name}.sql`), banner + (code.trim() === ";" ? "" : code));
  writeFileSync(join(golden, "live", `${name}.summary.txt`), [
    ...[...m.toBeCreated, ...m.toBeAdded].map((t) => `-> ${Object.keys(t.fields).join(", ")} fields on ${t.table} table.`),
    ...m.toBeAddedIndexes.map(({ index, table }) => `-> ${index.columns.join(", ")} ${index.unique ? "fields in a unique index on" : "fields indexed on"} ${table} table.`),
    ...m.schemaProblems.map((p) => `problem: ${p}`),
  ].join("\n") + "\n");
  console.log(`captured ${name}`);
}
