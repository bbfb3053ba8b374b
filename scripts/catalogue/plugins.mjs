// The plugins the catalogue knows, as input to harvest.mjs: where each is exported, the arguments it
// needs to be constructed, and the options (snake_case, as authmigrate.toml writes them) that change
// its schema, with the JavaScript they stand for. Nothing here is schema data: the tables and fields
// are read from each release's own code by harvest.mjs.
//
// args: the options every construction gets, or a list of them to try in order (the first that
// constructs wins: a plugin's required options change between releases).
// kind: "boolean" options become variants (every combination is harvested); "integer" and "string"
// options are harvested with a sentinel value, and the places it lands in the schema are recorded, so
// the binary puts the user's value there.

const noop = () => {};
const fakeStripe = { customers: {}, subscriptions: {}, webhooks: {}, checkout: { sessions: {} } };

// Bundled plugins: better-auth's version selects their schema.
const bundled = (name, extra = {}) => ({
	name,
	package: "better-auth",
	modules: ["better-auth/plugins", `better-auth/plugins/${extra.subpath ?? ""}`].filter((m) => !m.endsWith("/")),
	exportName: name,
	args: {},
	options: [],
	...extra,
});

// Separately published plugins: the package's own version selects their schema.
const external = (name, pkg, extra = {}) => ({
	name,
	package: pkg,
	modules: [pkg],
	exportName: name,
	args: {},
	options: [],
	...extra,
});

export const PLUGINS = [
	bundled("twoFactor", {
		options: [{ name: "two_factor_table", kind: "string", js: (v) => ({ twoFactorTable: v }) }],
	}),
	bundled("username", {
		options: [
			{ name: "display_username", kind: "boolean", default: true, js: (v) => (v ? {} : { displayUsername: false }) },
		],
	}),
	bundled("anonymous"),
	bundled("phoneNumber", { args: { sendOTP: noop } }),
	bundled("emailOTP", { args: { sendVerificationOTP: noop } }),
	bundled("admin"),
	bundled("apiKey", {
		options: [
			{ name: "rate_limit_max", kind: "integer", js: (v) => ({ rateLimit: { maxRequests: v } }) },
			{ name: "rate_limit_time_window", kind: "integer", js: (v) => ({ rateLimit: { timeWindow: v } }) },
		],
	}),
	external("apiKey", "@better-auth/api-key", {
		options: [
			{ name: "rate_limit_max", kind: "integer", js: (v) => ({ rateLimit: { maxRequests: v } }) },
			{ name: "rate_limit_time_window", kind: "integer", js: (v) => ({ rateLimit: { timeWindow: v } }) },
		],
	}),
	bundled("organization", {
		additionalFieldTables: ["organization", "organizationRole", "team", "member", "invitation"],
		options: [
			{ name: "teams", kind: "boolean", js: (v) => (v ? { teams: { enabled: true } } : {}) },
			{
				name: "dynamic_access_control",
				kind: "boolean",
				js: (v) => (v ? { dynamicAccessControl: { enabled: true } } : {}),
			},
		],
	}),
	bundled("passkey", { subpath: "passkey" }),
	external("passkey", "@better-auth/passkey"),
	bundled("jwt"),
	bundled("oidcProvider", { args: { loginPage: "/login" } }),
	bundled("mcp", { args: { loginPage: "/login" } }),
	external("mcp", "@better-auth/mcp", { args: { loginPage: "/login", resource: "https://api.example.com" } }),
	external("oauthProvider", "@better-auth/oauth-provider", { args: { loginPage: "/login", consentPage: "/consent" } }),
	external("oauthDeviceAuthorization", "@better-auth/oauth-provider", {
		args: { verificationUri: "/device" },
	}),
	bundled("sso", { subpath: "sso" }),
	external("sso", "@better-auth/sso", {
		additionalFieldTables: ["ssoProvider"],
		options: [
			{
				name: "domain_verification",
				kind: "boolean",
				js: (v) => (v ? { domainVerification: { enabled: true } } : {}),
			},
		],
	}),
	external("stripe", "@better-auth/stripe", {
		args: { stripeClient: fakeStripe, stripeWebhookSecret: "whsec_x" },
		options: [
			{ name: "subscription", kind: "boolean", js: (v) => (v ? { subscription: { enabled: true, plans: [] } } : {}) },
			{ name: "organization", kind: "boolean", js: (v) => (v ? { organization: { enabled: true } } : {}) },
		],
	}),
	external("scim", "@better-auth/scim", {
		// 1.7 needs a way to authenticate; earlier releases take no argument (the first that constructs wins).
		args: [{ connections: [], authentication: { verifyBearerToken: async () => null } }, {}],
		options: [
			{
				name: "managed_connections",
				kind: "boolean",
				js: (v) => (v ? { managedConnections: { credentialHashSecret: "x".repeat(32) } } : {}),
			},
		],
	}),
	external("agentAuth", "@better-auth/agent-auth"),
	// before 1.7 its options validator wants a `schema` key
	bundled("deviceAuthorization", { args: [{}, { schema: {} }] }),
	bundled("lastLoginMethod", {
		options: [
			{ name: "store_in_database", kind: "boolean", js: (v) => (v ? { storeInDatabase: true } : {}) },
		],
	}),
	bundled("siwe", {
		args: { domain: "example.com", getNonce: async () => "n", verifyMessage: async () => true },
	}),
	// Plugins without tables: accepted so a config can list every plugin the app uses.
	bundled("multiSession"),
	bundled("magicLink", { args: { sendMagicLink: noop } }),
	bundled("bearer"),
	bundled("oneTimeToken"),
	bundled("genericOAuth", { args: { config: [] } }),
	bundled("oneTap"),
	bundled("customSession", { args: async (s) => s, positional: true }),
	bundled("openAPI"),
	bundled("haveIBeenPwned"),
	bundled("captcha", { args: { provider: "cloudflare-turnstile", secretKey: "x" } }),
	bundled("oAuthProxy"),
	external("expo", "@better-auth/expo"),
	external("cimd", "@better-auth/cimd"),
];

// The external packages harvest.sh installs beside each better-auth release (at that release's own
// version where one was published, else the newest before it).
export const EXTERNAL_PACKAGES = [...new Set(PLUGINS.filter((p) => p.package !== "better-auth").map((p) => p.package))];

// Core options that change which core tables exist or what they hold, harvested as variants of
// getAuthTables. Each key is what authmigrate.toml's [better_auth] switches say.
const memoryStorage = { get: async () => null, set: async () => {}, delete: async () => {} };
export const CORE_VARIANTS = {
	"": {},
	rate_limit_in_database: { rateLimit: { enabled: true, storage: "database" } },
	secondary_storage: { secondaryStorage: memoryStorage },
	"secondary_storage,store_session_in_database": {
		secondaryStorage: memoryStorage,
		session: { storeSessionInDatabase: true },
	},
	"secondary_storage,store_verification_in_database": {
		secondaryStorage: memoryStorage,
		verification: { storeInDatabase: true },
	},
};

function merge(a, b) {
	const out = { ...a };
	for (const [k, v] of Object.entries(b)) {
		out[k] = v && typeof v === "object" && !Array.isArray(v) && typeof out[k] === "object" ? merge(out[k], v) : v;
	}
	return out;
}

// Calls the plugin's factory with its base arguments and the options in `values` ({name: value}),
// trying each base in turn (a plugin's required options change between releases).
export function constructPlugin(spec, factory, values) {
	const candidates = Array.isArray(spec.args) ? spec.args : [spec.args];
	let failure;
	for (const base of candidates) {
		let args = base;
		if (typeof base !== "function") {
			args = { ...base };
			for (const option of spec.options) {
				if (values[option.name] !== undefined) args = merge(args, option.js(values[option.name]));
			}
		}
		try {
			return factory(args);
		} catch (e) {
			failure ??= e;
		}
	}
	throw failure;
}

// Dependencies pinned beside some releases: better-auth 1.3.0-1.3.7 declare better-call ^1.0.13, but
// the better-call those releases were tested with is 1.0.24; later 1.0.x patches make their twoFactor
// throw at construction ("Body is not allowed with GET or HEAD methods").
export const DEPENDENCY_PINS = [{ from: "1.3.0", to: "1.3.7", specs: ["better-call@1.0.24"] }];
