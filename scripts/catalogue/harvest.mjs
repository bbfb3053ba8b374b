#!/usr/bin/env node
// Reads the schema of one installed better-auth release and of the plugin packages beside it, from
// their own code: getAuthTables(options) for the core switches, and each plugin's `schema` for every
// combination of its schema-changing options. Prints one JSON document (the "raw" record of that
// install) on stdout; collapse.mjs turns the records of many releases into the catalogue data.
//
//   cd <a folder where better-auth@X and its plugin packages are installed>
//   node scripts/catalogue/harvest.mjs > raw.json
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

import { toSchemaJson } from "../../share/authmigrate/export-schema.mjs";
import { CORE_VARIANTS, PLUGINS, constructPlugin } from "./plugins.mjs";

const cwd = process.cwd();
const require = createRequire(path.join(cwd, "noop.js"));

function installedVersion(pkg) {
	try {
		const file = path.join(cwd, "node_modules", pkg, "package.json");
		return JSON.parse(fs.readFileSync(file, "utf8")).version;
	} catch {
		return undefined;
	}
}

async function importFromApp(spec) {
	let resolved;
	try {
		resolved = require.resolve(spec);
	} catch {
		// ESM-only export maps: let Node resolve from a file inside the install folder.
		resolved = null;
	}
	if (resolved) return import(pathToFileURL(resolved).href);
	const shim = path.join(cwd, "__am_harvest_import.mjs");
	fs.writeFileSync(shim, `export * from ${JSON.stringify(spec)};\n`);
	try {
		return await import(`${pathToFileURL(shim).href}?${Date.now()}`);
	} finally {
		fs.rmSync(shim, { force: true });
	}
}

async function findExport(modules, name) {
	for (const spec of modules) {
		try {
			const mod = await importFromApp(spec);
			if (typeof mod[name] === "function") return { fn: mod[name], from: spec };
		} catch {
			// not in this release
		}
	}
	return null;
}

// The tables as authmigrate-schema/1 writes them (toSchemaJson), keys in their declared order.
function tablesJson(tables) {
	return toSchemaJson(tables ?? {}, {}, "").tables;
}

// Every combination of the boolean options, keyed by the names set to true (manifest order).
function booleanVariants(spec) {
	const booleans = spec.options.filter((o) => o.kind === "boolean");
	const variants = [];
	for (let mask = 0; mask < 1 << booleans.length; mask++) {
		const values = {};
		booleans.forEach((o, i) => {
			values[o.name] = Boolean(mask & (1 << i));
		});
		const key = booleans.filter((o) => values[o.name]).map((o) => o.name).join(",");
		variants.push({ key, values });
	}
	return variants;
}

function sentinelFor(option, index) {
	return option.kind === "integer" ? 7000001 + index : `__am_option_${option.name}__`;
}

// The JSON paths (table key, then property names) at which a value equals `needle`.
function pathsOf(node, needle, prefix = [], out = []) {
	if (node === needle) out.push(prefix);
	else if (node && typeof node === "object") {
		for (const [k, v] of Object.entries(node)) pathsOf(v, needle, [...prefix, k], out);
	}
	return out;
}

async function harvestPlugin(spec) {
	const version = installedVersion(spec.package);
	if (!version) return null;
	const found = await findExport(spec.modules, spec.exportName);
	if (!found) return null;
	const record = {
		name: spec.name,
		package: spec.package,
		version,
		module: found.from,
		options: spec.options.map(({ name, kind, default: d }) => ({ name, kind, ...(d === undefined ? {} : { default: d }) })),
		additionalFieldTables: spec.additionalFieldTables ?? [],
		variants: {},
		placements: {},
	};
	const construct = (values) => constructPlugin(spec, found.fn, values);
	try {
		for (const { key, values } of booleanVariants(spec)) {
			record.variants[key] = tablesJson(construct(values)?.schema);
		}
		const sentinels = spec.options.filter((o) => o.kind !== "boolean");
		sentinels.forEach((option, i) => {
			const needle = sentinelFor(option, i);
			const defaults = Object.fromEntries(
				spec.options.filter((o) => o.kind === "boolean").map((o) => [o.name, o.default ?? false]),
			);
			const tables = tablesJson(construct({ ...defaults, [option.name]: needle })?.schema);
			record.placements[option.name] = pathsOf(tables, needle);
		});
	} catch (e) {
		record.error = String(e?.message ?? e).replace(/\s+/g, " ").trim().slice(0, 300);
	}
	return record;
}

async function harvestCore() {
	const found = await findExport(["better-auth/db", "@better-auth/core/db"], "getAuthTables");
	if (!found) throw new Error("this better-auth has no getAuthTables");
	const core = {};
	for (const [key, options] of Object.entries(CORE_VARIANTS)) {
		core[key] = tablesJson(found.fn(options));
	}
	return core;
}

async function main() {
	const betterAuth = installedVersion("better-auth");
	if (!betterAuth) throw new Error(`no better-auth installed in ${cwd}`);
	const packages = {};
	for (const spec of PLUGINS) {
		const v = installedVersion(spec.package);
		if (v) packages[spec.package] = v;
	}
	const plugins = [];
	for (const spec of PLUGINS) {
		const record = await harvestPlugin(spec);
		if (record) plugins.push(record);
	}
	if (!plugins.some((p) => p.package === "better-auth")) {
		// better-auth/plugins itself did not load: a missing dependency, not a release without plugins
		await importFromApp("better-auth/plugins");
		throw new Error("better-auth/plugins loaded but no known plugin was found in it");
	}
	const out = { format: "authmigrate-catalogue-raw/1", betterAuth, packages, core: await harvestCore(), plugins };
	process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}

// Plugins may start timers or log; the record is all that matters.
const log = console.log;
console.log = console.info = console.warn = console.debug = () => {};
try {
	await main();
	process.exit(0);
} catch (e) {
	log.call(console, "");
	process.stderr.write(`harvest: ${e?.stack ?? e}\n`);
	process.exit(1);
}
