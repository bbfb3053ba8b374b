// The authmigrate npm package's JS API: `exportAuthSchema(auth, file)` writes the schema JSON that
// `authmigrate schema export` writes, from a Better Auth instance the app built itself (docs/schema-export.md).
export { exportAuthSchema } from "../share/authmigrate/export-schema.mjs";
