// Serializes a Better Auth configuration's getAuthTables() as authmigrate-schema/1 JSON: the
// format documented in docs/schema-config.md. The `schema export` command's Node script must write
// the same shape; this copy exists to capture test fixtures.
import { getAuthTables } from "@better-auth/core/db";

export function exportSchema(options, betterAuthVersion) {
  const tables = {};
  for (const [key, table] of Object.entries(getAuthTables(options))) {
    const fields = {};
    for (const [fieldKey, f] of Object.entries(table.fields)) {
      const out = { type: f.type };
      for (const a of ["fieldName", "required", "unique", "index", "sortable", "bigint"]) {
        if (f[a] !== undefined) out[a] = f[a];
      }
      if (f.defaultValue !== undefined) {
        out.defaultValue = typeof f.defaultValue === "function" ? { $function: true } : f.defaultValue;
      }
      if (f.references) {
        out.references = { model: f.references.model, field: f.references.field };
        if (f.references.onDelete) out.references.onDelete = f.references.onDelete;
      }
      fields[fieldKey] = out;
    }
    const t = { modelName: table.modelName };
    if (table.order !== undefined) t.order = table.order;
    if (table.disableMigrations) t.disableMigrations = true;
    t.fields = fields;
    if (table.indexes?.length) t.indexes = table.indexes;
    tables[key] = t;
  }
  const generateId = options.advanced?.database?.generateId;
  return {
    format: "authmigrate-schema/1",
    betterAuthVersion,
    generateId: typeof generateId === "string" ? generateId : "default",
    ...(typeof options.database?.schemaName === "string" ? { schemaName: options.database.schemaName } : {}),
    tables,
  };
}
