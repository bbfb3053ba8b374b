// disabled: core plus a plugin table marked disableMigration (the app manages it itself): Better Auth's
// check skips it, present or not, and so must verify.
const audit = {
	id: "audit",
	schema: {
		auditLog: {
			disableMigration: true,
			fields: { action: { type: "string", required: true }, at: { type: "date", required: true } },
		},
	},
};
export default () => ({ emailAndPassword: { enabled: true }, plugins: [audit] });
