// A Better Auth config for whichever release is installed beside this file (install.sh copies it
// there): core plus every plugin of that release the catalogue knows, with every option that shapes
// the schema switched on. AM_PLUGINS (a comma list) narrows the plugins; plugins the release lacks
// are left out, and so are those AM_WITHOUT names; AM_OPTIONS_OFF names options left off. The database comes from AM_DIALECT / AM_DB_URL (db.mjs).
//
//   node auth.mjs --toml   prints the authmigrate.toml twin ([better_auth] with version = the release)
//   node auth.mjs --names  prints the plugins it uses, comma-separated
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { betterAuth } from "better-auth";
import { PLUGINS, constructPlugin } from "./plugins.mjs";
import { database } from "./db.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const version = (pkg) => {
	try {
		return JSON.parse(fs.readFileSync(path.join(here, "node_modules", pkg, "package.json"), "utf8")).version;
	} catch {
		return undefined;
	}
};

async function load(spec) {
	if (!version(spec.package)) return null;
	for (const module of spec.modules) {
		try {
			const mod = await import(module);
			if (typeof mod[spec.exportName] === "function") return mod[spec.exportName];
		} catch {
			// not in this release
		}
	}
	return null;
}

// (oidcProvider and the mcp of better-auth <= 1.6 declare oauthAccessToken and oauthConsent with other
// references than oauthProvider's: together they do not even migrate on PostgreSQL.)
const REPLACED_BY = { deviceAuthorization: "oauthDeviceAuthorization", oidcProvider: "oauthProvider" };

// One entry per plugin name: the separately published package when installed, else better-auth's own.
async function choose() {
	const wanted = process.env.AM_PLUGINS ? new Set(process.env.AM_PLUGINS.split(",").filter(Boolean)) : null;
	const without = new Set((process.env.AM_WITHOUT ?? "").split(",").filter(Boolean));
	const chosen = new Map();
	for (const spec of PLUGINS) {
		if ((wanted && !wanted.has(spec.name)) || without.has(spec.name)) continue;
		const factory = await load(spec);
		if (!factory) continue;
		const off = new Set((process.env.AM_OPTIONS_OFF ?? "").split(",").filter(Boolean));
		const values = Object.fromEntries(
			spec.options.filter((o) => o.kind === "boolean" && !off.has(o.name)).map((o) => [o.name, true]),
		);
		let plugin;
		try {
			plugin = constructPlugin(spec, factory, values);
		} catch {
			continue;  // it does not construct in this release: the catalogue records that too
		}
		const previous = chosen.get(spec.name);
		if (!previous || (previous.spec.package === "better-auth" && spec.package !== "better-auth"))
			chosen.set(spec.name, { spec, plugin, values });
	}
	// Alternatives Better Auth refuses to run together: the newer one stays.
	for (const [older, newer] of Object.entries(REPLACED_BY)) if (chosen.has(newer)) chosen.delete(older);
	if (chosen.has("oauthProvider") && chosen.get("mcp")?.spec.package === "better-auth") chosen.delete("mcp");
	return [...chosen.values()];
}

const chosen = await choose();
export const release = version("better-auth");

export function options() {
	return { emailAndPassword: { enabled: true }, plugins: chosen.map((c) => c.plugin) };
}

export const auth = process.env.AM_DIALECT ? betterAuth({ ...options(), database: database() }) : undefined;
export default auth;

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
	if (process.argv.includes("--names")) {
		console.log(chosen.map((c) => c.spec.name).join(","));
	} else if (process.argv.includes("--toml")) {
		const lines = ["[better_auth]", `version = "${release}"`, `plugins = ${JSON.stringify(chosen.map((c) => c.spec.name))}`];
		for (const { spec, values } of chosen) {
			const set = Object.entries(values);
			if (set.length === 0) continue;
			lines.push("", `[better_auth.plugin.${spec.name}]`);
			for (const [name, value] of set) lines.push(`${name} = ${value}`);
		}
		console.log(lines.join("\n"));
	}
	process.exit(0);
}
