// schema-name: core in the PostgreSQL schema "auth" (database.schemaName; judge.mjs builds the
// { dialect, type, schemaName } form from $schemaName).
export default () => ({ emailAndPassword: { enabled: true }, $schemaName: "auth" });
