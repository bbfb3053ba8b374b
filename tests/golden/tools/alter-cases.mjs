// Configurations captured against an existing database (the ALTER path). The live database is
// described in ../live/<name>.json and served by a fake PostgreSQL driver (capture-alter.mjs).
import * as P from "better-auth/plugins";

export const alterCases = {
  alter_additional_fields: () => ({
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "user" },
        age: { type: "number", defaultValue: 0 },
        flag: { type: "boolean", defaultValue: true },
        nick: { type: "string", required: false, unique: true },
        seen: { type: "date", defaultValue: () => new Date() },
        code: { type: "string", required: false, index: true },
        note: { type: "string" },
        quote: { type: "string", required: false, defaultValue: "it's \\ ok" },
      },
    },
    account: {
      additionalFields: {
        tenant: { type: "string", required: false, references: { model: "user", field: "id", onDelete: "set null" } },
        level: { type: "number" },
      },
    },
    plugins: [P.username(), P.twoFactor()],
  }),
  alter_populated_plugins: () => ({
    plugins: [P.organization({ teams: { enabled: true } }), P.deviceAuthorization(), P.admin()],
  }),
};
