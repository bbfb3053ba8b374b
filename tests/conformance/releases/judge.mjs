// The real Better Auth runtime of the release installed beside this file, as a judge:
//   node judge.mjs check   -> {"verdict":"accepts"|"refuses"|"no-check","findings":[...],"message":...}
//   node judge.mjs signup  -> {"signup":"ok"} or {"signup":"failed","message":...}
// with auth.mjs's config (AM_PLUGINS narrows it) on AM_DIALECT / AM_DB_URL.
// A sign-up goes through every plugin's hooks: haveIBeenPwned would ask its web API (no network
// here) and captcha a token. Neither has tables.
if (process.argv[2] === "signup") process.env.AM_WITHOUT = "haveIBeenPwned,captcha";
const { auth } = await import("./auth.mjs");

async function check() {
	const ctx = await auth.$context;
	if (!ctx.checkSchema) return { verdict: "no-check", findings: [] };  // before 1.7.3
	try {
		await ctx.checkSchema();
		return { verdict: "accepts", findings: [] };
	} catch (error) {
		if (error?.code !== "SCHEMA_MISMATCH") throw error;
		const findings = error.findings.map((f) => ({ kind: f.kind, table: f.table, column: f.column ?? "" }));
		return { verdict: "refuses", findings, message: error.message };
	}
}

async function signup() {
	try {
		const email = `judge-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
		await auth.api.signUpEmail({ body: { email, password: "correct-horse-battery", name: "Judge" } });
		return { signup: "ok" };
	} catch (error) {
		return { signup: "failed", message: String(error?.message ?? error) };
	}
}

const result = process.argv[2] === "signup" ? await signup() : await check();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
