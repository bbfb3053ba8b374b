// Writes tests/golden/<dialect>/<case>.sql (the `generate` file for a fresh database) and
// tests/golden/json/<case>.json (the exported schema) from the published Better Auth packages.
// Run: npm install && node capture.mjs   (Node 20 is enough: no database is touched; Kysely's
// DummyDriver answers every introspection query with no rows, i.e. an empty database).
import { writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getMigrations } from "better-auth/db/migration";
import {
  Kysely, DummyDriver, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, PostgresAdapter,
  PostgresIntrospector, PostgresQueryCompiler, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler,
} from "kysely";
import { cases } from "./cases.mjs";
import { exportSchema } from "./export-schema.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const golden = join(here, "..");
const version = JSON.parse(readFileSync(join(here, "node_modules/better-auth/package.json"), "utf8")).version;
const dialects = {
  postgres: [PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler],
  sqlite: [SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler],
  mysql: [MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler],
};

async function freshDdl(type, options) {
  const [Adapter, Introspector, Compiler] = dialects[type];
  const db = new Kysely({ dialect: {
    createAdapter: () => new Adapter(), createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new Introspector(k), createQueryCompiler: () => new Compiler(),
  } });
  const logger = { disabled: true };
  const m = await getMigrations({ ...options, logger, database: { db, type } }, { throwOnUnsafe: false });
  return m.compileMigrations();
}

for (const [name, make] of Object.entries(cases)) {
  mkdirSync(join(golden, "json"), { recursive: true });
  writeFileSync(join(golden, "json", `${name}.json`), JSON.stringify(exportSchema(make(), version), null, 2) + "\n");
  for (const type of Object.keys(dialects)) {
    mkdirSync(join(golden, type), { recursive: true });
    writeFileSync(join(golden, type, `${name}.sql`), await freshDdl(type, make()));
  }
  console.log(`captured ${name}`);
}
