#!/usr/bin/env node
// Merges raw harvest records (harvest.mjs) into the catalogue data compiled into authmigrate:
//   DATA/releases.json       every release harvested, per package
//   DATA/core.json           getAuthTables of each core switch, as version ranges of better-auth
//   DATA/plugins/<name>.json each plugin's schema per option variant, as version ranges of the
//                            package that ships it (better-auth for bundled plugins)
// Consecutive harvested releases with identical data collapse into one range {from, to}. Merging is
// incremental: a record replaces what was known of its release, so adding one release is one record.
//
//   node scripts/catalogue/collapse.mjs DATA raw1.json [raw2.json ...]
import fs from "node:fs";
import path from "node:path";

function parseVersion(v) {
	return v.split(".").map((n) => Number.parseInt(n, 10));
}

export function compareVersions(a, b) {
	const x = parseVersion(a);
	const y = parseVersion(b);
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
	return 0;
}

function readJson(file, fallback) {
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : fallback;
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
}

// ranges -> Map(version -> value) over the harvested releases they span.
function expand(ranges, releases) {
	const out = new Map();
	for (const range of ranges ?? []) {
		const { from, to, ...value } = range;
		for (const v of releases) {
			if (compareVersions(v, from) >= 0 && compareVersions(v, to) <= 0) out.set(v, value);
		}
	}
	return out;
}

// Map(version -> value) -> ranges; a release with no value (the plugin absent) breaks a range.
function collapse(byVersion, releases) {
	const ranges = [];
	let open = null;
	for (const v of releases) {
		const value = byVersion.get(v);
		if (value === undefined) {
			open = null;
			continue;
		}
		const text = JSON.stringify(value);
		if (open && open.text === text) {
			open.range.to = v;
		} else {
			open = { text, range: { from: v, to: v, ...value } };
			ranges.push(open.range);
		}
	}
	return ranges;
}

function sorted(list) {
	return [...new Set(list)].sort(compareVersions);
}

function mergeSeries(existing, pkg, releases, updates) {
	const byVersion = expand(existing, releases);
	for (const [version, value] of updates) {
		if (value === null) byVersion.delete(version);
		else byVersion.set(version, value);
	}
	return collapse(byVersion, releases);
}

// getAuthTables of every core switch, stored once: each table's definition, and which tables each
// switch combination keeps. A switch that changed a table's fields (none has so far) is an error here,
// to be modelled before it is merged.
function coreRecord(raw) {
	const tables = {};
	const variants = {};
	for (const [key, variant] of Object.entries(raw.core)) {
		variants[key] = Object.keys(variant);
		for (const [name, table] of Object.entries(variant)) {
			if (!(name in tables)) tables[name] = table;
			else if (JSON.stringify(tables[name]) !== JSON.stringify(table))
				throw new Error(`better-auth ${raw.betterAuth}: core switch "${key}" changes table ${name}`);
		}
	}
	return { tables, variants };
}

function main() {
	const [dataDir, ...rawFiles] = process.argv.slice(2);
	if (!dataDir || rawFiles.length === 0) {
		process.stderr.write("usage: node collapse.mjs DATA_DIR raw.json...\n");
		process.exit(2);
	}
	const raws = rawFiles.map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
	const releasesFile = path.join(dataDir, "releases.json");
	const releases = readJson(releasesFile, {});
	for (const raw of raws) {
		for (const [pkg, v] of Object.entries(raw.packages)) releases[pkg] = sorted([...(releases[pkg] ?? []), v]);
	}
	for (const pkg of Object.keys(releases)) releases[pkg] = sorted(releases[pkg]);

	// core: one series over better-auth's releases
	const coreFile = path.join(dataDir, "core.json");
	const core = readJson(coreFile, { ranges: [] });
	core.ranges = mergeSeries(
		core.ranges,
		"better-auth",
		releases["better-auth"],
		raws.map((r) => [r.betterAuth, coreRecord(r)]),
	);
	writeJson(coreFile, core);

	// plugins: per name, one series per package that has shipped it
	const names = new Set(raws.flatMap((r) => r.plugins.map((p) => p.name)));
	for (const name of names) {
		const file = path.join(dataDir, "plugins", `${name}.json`);
		const doc = readJson(file, { name, series: [] });
		const packages = new Set(raws.flatMap((r) => r.plugins.filter((p) => p.name === name).map((p) => p.package)));
		for (const pkg of packages) {
			let series = doc.series.find((s) => s.package === pkg);
			if (!series) {
				series = { package: pkg, ranges: [] };
				doc.series.push(series);
			}
			const updates = [];
			for (const raw of raws) {
				const version = raw.packages[pkg];
				if (!version) continue;
				const p = raw.plugins.find((x) => x.name === name && x.package === pkg);
				if (!p) {
					// the package is installed but no longer (or not yet) exports the plugin
					if (pkg === "better-auth") updates.push([version, null]);
					continue;
				}
				const { name: _n, package: _p, version: _v, module: _m, ...value } = p;
				updates.push([version, value]);
			}
			series.ranges = mergeSeries(series.ranges, pkg, releases[pkg], updates);
		}
		doc.series.sort((a, b) => (a.package === "better-auth" ? -1 : b.package === "better-auth" ? 1 : 0));
		writeJson(file, doc);
	}
	writeJson(releasesFile, releases);
	writeJson(path.join(dataDir, "index.json"), buildIndex(dataDir, releases));
}

// What a config may name, over every release: each plugin's options, tables and their fields, and the
// core tables' fields. The binary checks authmigrate.toml against this before it knows the release.
function buildIndex(dataDir, releases) {
	const union = (into, key, fields) => {
		into[key] ??= [];
		for (const f of fields) if (!into[key].includes(f)) into[key].push(f);
	};
	const core = {};
	for (const range of readJson(path.join(dataDir, "core.json"), { ranges: [] }).ranges) {
		for (const [key, table] of Object.entries(range.tables)) union(core, key, Object.keys(table.fields));
	}
	const plugins = {};
	const dir = path.join(dataDir, "plugins");
	for (const file of fs.readdirSync(dir).sort()) {
		const doc = readJson(path.join(dir, file));
		const entry = { packages: [], options: [], tables: {}, additionalFieldTables: [] };
		for (const series of doc.series) {
			entry.packages.push(series.package);
			for (const range of series.ranges) {
				for (const o of range.options ?? []) if (!entry.options.some((x) => x.name === o.name)) entry.options.push(o);
				for (const t of range.additionalFieldTables ?? [])
					if (!entry.additionalFieldTables.includes(t)) entry.additionalFieldTables.push(t);
				for (const tables of Object.values(range.variants ?? {}))
					for (const [key, table] of Object.entries(tables)) union(entry.tables, key, Object.keys(table.fields));
			}
		}
		plugins[doc.name] = entry;
	}
	const newest = releases["better-auth"].at(-1);
	return { newest, oldest: releases["better-auth"][0], core, plugins };
}

main();
