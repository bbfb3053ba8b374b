#!/usr/bin/env node
// Ships with authmigrate; run by `authmigrate schema export`. Loads a Better Auth app's auth config
// from the app itself, calls getAuthTables(options) from the app's own better-auth, and writes the
// tables as JSON in the format authmigrate reads ("authmigrate-schema/1", docs/schema-config.md).
//
//   node export-schema.mjs [--auth-config FILE] --output FILE|-
//
// Run in the app's folder (the process cwd). The config is found the way the Better Auth CLI finds
// it (`npx auth migrate` without --config): the same 252 candidate paths, the same export lookup
// (`auth`, `default.auth`, `default`, the module), the instance's `.options`; `.env` and `.env.local`
// are loaded first. A client module (createAuthClient, no betterAuth() call) on that list is skipped;
// when the list finds nothing, the project is searched for the one module calling betterAuth(.
// TypeScript, JSX and tsconfig `paths` are loaded with the app's jiti, else the app's tsx, else the
// jiti the authmigrate npm package depends on (found from this script's own folder); without any, a
// .ts config needs Node >= 22.6 (type stripping). AUTHMIGRATE_EXPORT_LOADER=jiti|tsx|node picks one.
// Under Bun and Deno (`authmigrate schema export --runtime`, or the app's bun.lock / deno.json) the runtime's own
// loader imports the config: it knows the app's TypeScript, paths and `bun:` modules.
// AUTHMIGRATE_SCHEMA_EXPORT=1 is set while the config loads, so an app can skip import-time work.
// `exportAuthSchema(auth, file)` is the same export for an instance the app built itself (the JS API).
//
// Nothing here connects to a database. The app's config itself may open one when it is evaluated
// (a SQLite file is created by `new Database(path)`; a pg/mysql2 pool connects lazily), and
// better-auth >= 1.7.3 starts a schema check against the database in the background when
// `betterAuth()` runs: the script takes the options and exits without waiting for it, and drops
// that check's messages.
//
// Protocol with authmigrate: lines on stderr starting with "authmigrate-export: " are ours
// ("error: ...", "hint: ...", "config: <path>", "note: ...", "better-auth: ", "runtime: ", "loader: ");
// everything else is the app's own output.
// Exit 0: written; 2: the config was not found or did not load, or better-auth is missing;
// 70: a bug in this script.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import util from "node:util";

export const FORMAT = "authmigrate-schema/1";
const PREFIX = "authmigrate-export:";

class ExportError extends Error {
	constructor(message, hint) {
		super(message);
		this.hint = hint;
	}
}

// --- what the Better Auth CLI searches (auth/src/utils/get-config.ts) ---------------------------

const BASE_NAMES = [
	"auth.ts",
	"auth.tsx",
	"auth.js",
	"auth.jsx",
	"auth.server.js",
	"auth.server.ts",
	"auth/index.ts",
	"auth/index.tsx",
	"auth/index.js",
	"auth/index.jsx",
	"auth/index.server.js",
	"auth/index.server.ts",
];
const FOLDERS = ["lib/server/", "server/auth/", "server/", "auth/", "lib/", "utils/"];

export function candidatePaths() {
	let paths = [...BASE_NAMES];
	paths = [...paths, ...FOLDERS.flatMap((folder) => BASE_NAMES.map((name) => folder + name))];
	paths = [...paths, ...paths.map((p) => `src/${p}`), ...paths.map((p) => `app/${p}`)];
	return paths;
}

const TRIED_SUMMARY =
	"auth.{ts,tsx,js,jsx}, auth.server.{js,ts}, auth/index.{ts,tsx,js,jsx} and auth/index.server.{js,ts}, " +
	"each in ./, lib/server/, server/auth/, server/, auth/, lib/ and utils/, and all of that again " +
	"under src/ and app/";

function isFile(p) {
	try {
		return fs.statSync(p).isFile();
	} catch {
		return false;
	}
}

// The server config calls betterAuth(...); the client module calls createAuthClient(...) and is not it.
const SERVER_CALL = /\bbetterAuth\s*\(/;
const CLIENT_CALL = /\bcreateAuthClient\s*\(/;

function readText(file) {
	try {
		return fs.readFileSync(file, "utf8");
	} catch {
		return "";
	}
}

function isClientModule(file) {
	const text = readText(file);
	return CLIENT_CALL.test(text) && !SERVER_CALL.test(text);
}

// Folders no app keeps its auth config in: dependencies, VCS, and what builds and frameworks generate.
const SKIPPED_DIRS = new Set([
	"node_modules",
	".git",
	".hg",
	".svn",
	"dist",
	"build",
	"out",
	"coverage",
	".next",
	".nuxt",
	".output",
	".svelte-kit",
	".vercel",
	".netlify",
	".turbo",
	".wrangler",
	".cache",
	".expo",
	"target",
]);
const SEARCHED_EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_FILE = /\.(?:test|spec)\.[^.]+$|\.d\.[cm]?ts$/;

// Modules under `root` that call betterAuth( (tests, declarations and the folders above left out).
export function searchServerConfigs(root, limit = 20000) {
	const found = [];
	const stack = [root];
	let seen = 0;
	while (stack.length && seen < limit) {
		const dir = stack.pop();
		let entries;
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries.sort((a, b) => (a.name < b.name ? 1 : -1))) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) stack.push(full);
				continue;
			}
			if (!entry.isFile() || !SEARCHED_EXT.test(entry.name) || TEST_FILE.test(entry.name)) continue;
			seen++;
			if (SERVER_CALL.test(readText(full))) found.push(full);
		}
	}
	return found.sort();
}

function relativeToCwd(cwd, file) {
	const rel = path.relative(cwd, file);
	return rel && !rel.startsWith("..") ? rel : file;
}

// { file, notes }: the config, and how it was found when that is not the Better Auth CLI's way.
function findConfig(cwd, given) {
	if (given) {
		// as the CLI: the path as given if it exists, else relative to the project folder
		const file = path.resolve(fs.existsSync(given) ? given : path.join(cwd, given));
		if (!isFile(file)) {
			throw new ExportError(
				`auth config ${given} not found (looked at ${file})`,
				"pass the file that calls betterAuth({...}), e.g. --auth-config src/lib/auth.ts",
			);
		}
		if (isClientModule(file)) throw clientModuleError(cwd, file);
		return { file, notes: [] };
	}
	const candidates = candidatePaths();
	const clients = [];
	for (const rel of candidates) {
		const file = path.join(cwd, rel);
		if (!isFile(file)) continue;
		if (isClientModule(file)) {
			clients.push(rel);
			continue;
		}
		return { file, notes: skippedNotes(clients) };
	}
	const found = searchServerConfigs(cwd);
	const skipped = clients.length ? ` (skipped the client module ${clients.join(", ")}: createAuthClient, not betterAuth)` : "";
	if (found.length === 1) {
		return {
			file: found[0],
			notes: [
				...skippedNotes(clients),
				`found ${relativeToCwd(cwd, found[0])} by searching the project for betterAuth( : it is not at a path the Better Auth CLI looks`,
			],
		};
	}
	if (found.length > 1) {
		const list = found.map((f) => relativeToCwd(cwd, f));
		throw new ExportError(
			`several modules in ${cwd} call betterAuth(: ${list.join(", ")}${skipped}`,
			`pass the one to export with --auth-config, e.g. --auth-config ${list[0]}`,
		);
	}
	throw new ExportError(
		`no Better Auth config found in ${cwd}: tried the ${candidates.length} paths the Better Auth CLI ` +
			`searches (${TRIED_SUMMARY}), then searched the project for a module calling betterAuth(${skipped}`,
		"run this in the app's folder, or pass the file that calls betterAuth({...}) with --auth-config FILE",
	);
}

function skippedNotes(clients) {
	return clients.map((rel) => `skipped ${rel}: the Better Auth client (createAuthClient), not the server config`);
}

function clientModuleError(cwd, file) {
	const servers = searchServerConfigs(cwd).map((f) => relativeToCwd(cwd, f));
	return new ExportError(
		`${relativeToCwd(cwd, file)} is the Better Auth client (it calls createAuthClient), not the server config that calls betterAuth(`,
		servers.length
			? `pass the server config instead: --auth-config ${servers[0]}${servers.length > 1 ? ` (modules calling betterAuth(: ${servers.join(", ")})` : ""}`
			: "pass the server module that calls betterAuth({...}) with --auth-config FILE",
	);
}

// --- the app's package manager, for the commands in hints ----------------------------------------

const LOCK_FILES = [
	["pnpm-lock.yaml", "pnpm"],
	["bun.lock", "bun"],
	["bun.lockb", "bun"],
	["yarn.lock", "yarn"],
	["package-lock.json", "npm"],
	["npm-shrinkwrap.json", "npm"],
	["deno.lock", "deno"],
	["deno.json", "deno"],
	["deno.jsonc", "deno"],
];

// pnpm, yarn, bun, deno or npm: the nearest lock file (or deno.json) from `cwd` up, else package.json's
// packageManager.
export function packageManager(cwd) {
	for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
		for (const [name, manager] of LOCK_FILES) if (isFile(path.join(dir, name))) return manager;
		const declared = String(readJsonOrNull(path.join(dir, "package.json"))?.packageManager ?? "").split("@")[0];
		if (["pnpm", "yarn", "bun", "npm"].includes(declared)) return declared;
		if (path.dirname(dir) === dir) return "npm";
	}
}

function readJsonOrNull(file) {
	try {
		return JSON.parse(fs.readFileSync(file, "utf8"));
	} catch {
		return null;
	}
}

export function addCommand(manager, pkg, dev = false) {
	const flag = dev ? (manager === "bun" ? " -d" : " -D") : "";
	if (manager === "deno") return `deno add${flag} npm:${pkg}`;
	return manager === "npm" ? `npm install${flag} ${pkg}` : `${manager} add${flag} ${pkg}`;
}

function installCommand(manager) {
	return `${manager} install`;
}

// --- .env, as the CLI loads it (c12 dotenv: .env then .env.local; the real environment wins) ------

function parseDotenv(text) {
	if (typeof util.parseEnv === "function") return util.parseEnv(text);
	const out = {};
	for (const raw of text.split(/\r?\n/)) {
		const m = raw.match(/^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/);
		if (!m) continue;
		let value = (m[2] ?? "").trim();
		const q = value[0];
		if ((q === '"' || q === "'" || q === "`") && value.endsWith(q) && value.length >= 2) {
			value = value.slice(1, -1);
			if (q === '"') value = value.replace(/\\n/g, "\n");
		} else {
			value = value.replace(/\s+#.*$/, "");
		}
		out[m[1]] = value;
	}
	return out;
}

function interpolate(value, lookup) {
	return value.replace(/\\\$|\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (all, braced, fallback, bare) => {
		if (all === "\\$") return "$";
		const v = lookup(braced ?? bare);
		if (v === undefined || (v === "" && fallback !== undefined && all.includes(":-"))) return fallback ?? all;
		return v;
	});
}

function loadDotenv(cwd) {
	const fromFiles = {};
	for (const name of [".env", ".env.local"]) {
		const file = path.join(cwd, name);
		if (!isFile(file)) continue;
		try {
			Object.assign(fromFiles, parseDotenv(fs.readFileSync(file, "utf8")));
		} catch (e) {
			throw new ExportError(`cannot read ${file}: ${e?.message ?? e}`);
		}
	}
	const lookup = (key) => process.env[key] ?? fromFiles[key];
	for (const [key, value] of Object.entries(fromFiles)) {
		if (process.env[key] === undefined) process.env[key] = interpolate(String(value), lookup);
	}
}

// --- finding the app's packages ---------------------------------------------------------------

// Folders a package can be found from `start`, nearest first (the Node resolution walk).
function nodeModulesDirs(start) {
	const dirs = [];
	let dir = path.resolve(start);
	for (;;) {
		if (path.basename(dir) !== "node_modules") dirs.push(path.join(dir, "node_modules"));
		const parent = path.dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	return dirs;
}

function findPackage(name, starts) {
	for (const start of starts) {
		for (const dir of nodeModulesDirs(start)) {
			const pkgJson = path.join(dir, name, "package.json");
			if (isFile(pkgJson)) {
				const root = fs.realpathSync(path.dirname(pkgJson));
				return { root, json: JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) };
			}
		}
	}
	return null;
}

// The file a package's `exports` map gives for `subpath` ("./db") under ESM import conditions.
function resolveExport(pkg, subpath) {
	const conditions = ["import", "node", "default"];
	const pick = (target) => {
		if (typeof target === "string") return target;
		if (Array.isArray(target)) {
			for (const t of target) {
				const r = pick(t);
				if (r) return r;
			}
			return null;
		}
		if (target && typeof target === "object") {
			for (const [key, value] of Object.entries(target)) {
				if (conditions.includes(key)) {
					const r = pick(value);
					if (r) return r;
				}
			}
		}
		return null;
	};
	const exportsField = pkg.json.exports;
	let target = null;
	if (exportsField !== undefined) {
		const map =
			typeof exportsField === "object" &&
			!Array.isArray(exportsField) &&
			Object.keys(exportsField).some((k) => k.startsWith("."))
				? exportsField
				: { ".": exportsField };
		if (map[subpath] !== undefined) target = pick(map[subpath]);
	} else {
		// no exports map: a plain file path inside the package
		for (const ext of ["", ".mjs", ".js", "/index.mjs", "/index.js"]) {
			const file = path.join(pkg.root, subpath + ext);
			if (isFile(file)) return file;
		}
	}
	if (!target) return null;
	const file = path.join(pkg.root, target);
	return isFile(file) ? file : null;
}

// getAuthTables from the app's own better-auth: `better-auth/db`, else `@better-auth/core/db`.
async function loadGetAuthTables(configFile, cwd) {
	const betterAuth = findPackage("better-auth", [path.dirname(configFile), cwd]);
	if (!betterAuth) {
		throw new ExportError(
			`better-auth is not installed where ${configFile} can import it (no node_modules/better-auth ` +
				`from ${path.dirname(configFile)} up)`,
			`install the app's dependencies first (${installCommand(packageManager(cwd))}) and run this in the app's folder`,
		);
	}
	const tried = [];
	const candidates = [
		() => ({ spec: "better-auth/db", file: resolveExport(betterAuth, "./db") }),
		() => {
			const core = findPackage("@better-auth/core", [betterAuth.root, path.dirname(configFile), cwd]);
			return { spec: "@better-auth/core/db", file: core ? resolveExport(core, "./db") : null };
		},
	];
	for (const candidate of candidates) {
		const { spec, file } = candidate();
		tried.push(spec);
		if (!file) continue;
		const mod = await import(pathToFileURL(file).href);
		if (typeof mod.getAuthTables === "function") {
			return { getAuthTables: mod.getAuthTables, version: betterAuth.json.version, from: spec };
		}
	}
	throw new ExportError(
		`better-auth ${betterAuth.json.version} (${betterAuth.root}) has no getAuthTables in ${tried.join(" or ")}`,
		"authmigrate's export needs better-auth >= 1.0; use [better_auth] in authmigrate.toml instead",
	);
}

// --- tsconfig `paths` -------------------------------------------------------------------------

const TS_EXT = /\.(?:[cm]?ts)$/;
const JSX_EXT = /\.(?:tsx|jsx)$/;

function readJsonc(file) {
	const text = fs
		.readFileSync(file, "utf8")
		.replace(/\\"|"(?:\\"|[^"])*"|(\/\/.*|\/\*[\s\S]*?\*\/)/g, (m, comment) => (comment ? "" : m))
		.replace(/,(?=\s*[}\]])/g, "");
	return JSON.parse(text);
}

// The merged `paths` of a tsconfig and its `extends` chain; `missing` lists extended files that do not
// exist (a Nuxt app's .nuxt/tsconfig.json before `nuxi prepare`).
function loadTsconfig(file, seen = new Set(), missing = []) {
	if (seen.has(file) || !isFile(file)) return null;
	seen.add(file);
	let json;
	try {
		json = readJsonc(file);
	} catch {
		return null;
	}
	const dir = path.dirname(file);
	let merged = { paths: undefined, pathsDir: undefined, baseUrl: undefined, missing, file };
	const bases = json.extends === undefined ? [] : Array.isArray(json.extends) ? json.extends : [json.extends];
	for (const base of bases) {
		let baseFile = null;
		if (base.startsWith(".") || path.isAbsolute(base)) {
			baseFile = path.resolve(dir, base);
			if (!isFile(baseFile) && isFile(`${baseFile}.json`)) baseFile = `${baseFile}.json`;
			if (!isFile(baseFile)) missing.push(path.relative(dir, baseFile) || baseFile);
		} else {
			try {
				baseFile = createRequire(path.join(dir, "noop.js")).resolve(base);
			} catch {
				baseFile = null;
			}
		}
		const parent = baseFile ? loadTsconfig(baseFile, seen, missing) : null;
		if (parent) {
			const { paths, pathsDir, baseUrl } = parent;
			merged = { ...merged, ...Object.fromEntries(Object.entries({ paths, pathsDir, baseUrl }).filter(([, v]) => v !== undefined)) };
		}
	}
	const co = json.compilerOptions ?? {};
	if (co.baseUrl !== undefined) merged.baseUrl = path.resolve(dir, co.baseUrl);
	if (co.paths !== undefined) {
		merged.paths = co.paths;
		merged.pathsDir = dir;
	}
	// A solution-style tsconfig (Nuxt 4: references to .nuxt/tsconfig.{server,app}.json): the server's paths.
	if (!merged.paths && Array.isArray(json.references)) {
		const refs = json.references
			.map((r) => path.resolve(dir, r.path ?? ""))
			.map((r) => (isFile(r) ? r : path.join(r, "tsconfig.json")))
			.sort((a, b) => Number(/server/.test(b)) - Number(/server/.test(a)));
		for (const ref of refs) {
			const sub = loadTsconfig(ref, seen, missing);
			if (sub?.paths) {
				merged = { ...merged, paths: sub.paths, pathsDir: sub.pathsDir, baseUrl: sub.baseUrl };
				break;
			}
		}
	}
	return merged;
}

// The tsconfig.json (else jsconfig.json) nearest to `fromDir`.
function nearestTsconfig(fromDir) {
	for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
		for (const name of ["tsconfig.json", "jsconfig.json"]) if (isFile(path.join(dir, name))) return path.join(dir, name);
		if (path.dirname(dir) === dir || path.basename(dir) === "node_modules") return null;
	}
}

const tsconfigCache = new Map();
function tsconfigFor(fromDir) {
	const file = nearestTsconfig(fromDir);
	if (!file) return null;
	if (!tsconfigCache.has(file)) tsconfigCache.set(file, loadTsconfig(file));
	return tsconfigCache.get(file);
}

// The candidate files tsconfig `paths` gives for `specifier` (TypeScript's rule: an exact pattern wins,
// else the wildcard pattern with the longest prefix), and the pattern that matched.
function pathsCandidates(cfg, specifier) {
	if (!cfg?.paths) return null;
	const base = cfg.baseUrl ?? cfg.pathsDir;
	let best = null;
	for (const [pattern, targets] of Object.entries(cfg.paths)) {
		if (!Array.isArray(targets) || pattern.split("*").length > 2) continue;
		const star = pattern.indexOf("*");
		if (star < 0) {
			if (pattern === specifier) return { pattern, files: targets.map((t) => path.resolve(base, t)) };
			continue;
		}
		const prefix = pattern.slice(0, star);
		const suffix = pattern.slice(star + 1);
		if (
			specifier.length >= prefix.length + suffix.length &&
			specifier.startsWith(prefix) &&
			specifier.endsWith(suffix) &&
			(!best || prefix.length > best.prefix.length)
		) {
			best = { pattern, prefix, targets, middle: specifier.slice(prefix.length, specifier.length - suffix.length) };
		}
	}
	return best ? { pattern: best.pattern, files: best.targets.map((t) => path.resolve(base, t.replace("*", best.middle))) } : null;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const JS_TO_TS = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

// The file an import of `candidate` means: as named, `.js` naming `.ts`, an added extension, an index file.
function resolveCandidateFile(candidate) {
	if (isFile(candidate)) return candidate;
	const ext = path.extname(candidate);
	if (JS_TO_TS[ext]) {
		for (const ts of JS_TO_TS[ext]) if (isFile(candidate.slice(0, -ext.length) + ts)) return candidate.slice(0, -ext.length) + ts;
	}
	if (SOURCE_EXTENSIONS.includes(ext)) return undefined;
	for (const e of SOURCE_EXTENSIONS) if (isFile(candidate + e)) return candidate + e;
	for (const e of SOURCE_EXTENSIONS) if (isFile(path.join(candidate, `index${e}`))) return path.join(candidate, `index${e}`);
	return undefined;
}

// A Babel plugin (run by jiti) that rewrites import specifiers matching the importing file's tsconfig `paths`.
function rewritePathsPlugin(fallbackFile) {
	return ({ types: t }) => {
		const rewrite = (source, state) => {
			if (!source || typeof source.value !== "string" || source.value.startsWith(".")) return;
			// jiti names the file to Babel only as the source map's (sourceMaps: true below)
			const named = state?.file?.opts?.sourceFileName;
			const filename = named && path.isAbsolute(named) ? named : fallbackFile;
			if (filename.includes(`${path.sep}node_modules${path.sep}`)) return;
			for (const candidate of pathsCandidates(tsconfigFor(path.dirname(filename)), source.value)?.files ?? []) {
				const resolved = resolveCandidateFile(candidate);
				if (resolved) {
					source.value = resolved;
					return;
				}
			}
		};
		return {
			visitor: {
				ImportDeclaration(p, state) {
					rewrite(p.node.source, state);
				},
				ExportNamedDeclaration(p, state) {
					rewrite(p.node.source, state);
				},
				ExportAllDeclaration(p, state) {
					rewrite(p.node.source, state);
				},
				ImportExpression(p, state) {
					if (t.isStringLiteral(p.node.source)) rewrite(p.node.source, state);
				},
				CallExpression(p, state) {
					const { callee, arguments: args } = p.node;
					if (!t.isStringLiteral(args[0])) return;
					if (
						(t.isIdentifier(callee) && ["require", "import", "jitiImport"].includes(callee.name)) ||
						t.isImport(callee)
					) {
						rewrite(args[0], state);
					}
				},
			},
		};
	};
}

// Framework virtual modules a config may import (SvelteKit $env/$app, Cloudflare, Next's server-only),
// stubbed as the CLI does.
function virtualModuleAliases() {
	const stub = (body) =>
		`data:text/javascript;charset=utf-8,${encodeURIComponent(`${body}\n// jiti dirty hack: .unknown\n`)}`;
	const ident = /^[a-zA-Z_$][a-zA-Z0-9_$]*$/;
	const staticEnv = (keep) =>
		Object.keys(process.env)
			.filter((k) => ident.test(k) && keep(k))
			.map((k) => `export const ${k} = ${JSON.stringify(process.env[k])};`)
			.join("\n");
	const dynamicEnv = (pub) =>
		`export const env = new Proxy({}, { get: (_, k) => typeof k === "string" && ${pub ? "" : "!"}k.startsWith("PUBLIC_") ? process.env[k] : undefined });`;
	const environment =
		'export const browser = false; export const building = false; export const dev = false; export const version = "";';
	return {
		"$env/dynamic/private": stub(dynamicEnv(false)),
		"$env/dynamic/public": stub(dynamicEnv(true)),
		"$env/static/private": stub(staticEnv((k) => !k.startsWith("PUBLIC_"))),
		"$env/static/public": stub(staticEnv((k) => k.startsWith("PUBLIC_"))),
		"$app/environment": stub(environment),
		"$app/env": stub(environment),
		"cloudflare:workers": stub(
			"export const env = process.env; export class DurableObject {} export class WorkerEntrypoint {} export class WorkflowEntrypoint {} export default {};",
		),
		"server-only": stub("export {};"),
	};
}

// --- choosing the loader: the app's jiti, else the app's tsx, else the jiti authmigrate ships with -

const SCRIPT_DIR = path.dirname(fs.realpathSync(fileURLToPath(import.meta.url)));

// jiti from the project: its own, or the one the `auth` CLI / c12 brought.
function findJiti(starts) {
	for (const name of [
		"jiti",
		"auth/node_modules/jiti",
		"@better-auth/cli/node_modules/jiti",
		"c12/node_modules/jiti",
	]) {
		const pkg = findPackage(name, starts);
		if (pkg) return pkg;
	}
	return null;
}

function typeStrippingAvailable() {
	if (process.features?.typescript) return true;
	return process.execArgv.some((a) => a === "--experimental-strip-types" || a === "--experimental-transform-types");
}

function nodeAtLeast(major, minor) {
	const [a, b] = process.versions.node.split(".").map(Number);
	return a > major || (a === major && b >= minor);
}

export function runtimeName() {
	if (process.versions.bun) return `bun ${process.versions.bun}`;
	if (process.versions.deno) return `deno ${process.versions.deno}`;
	return `node ${process.versions.node}`;
}

const VIRTUAL_IMPORT = /["'](?:\$env\/|\$app\/|cloudflare:workers["']|server-only["'])/;

// { kind: "jiti" | "tsx" | "node" | "native", pkg, label }. AUTHMIGRATE_EXPORT_LOADER=jiti|tsx|node picks one
// ("node": the runtime's own import(), as "native" is under Bun and Deno).
function chooseLoader(configFile, cwd) {
	const starts = [path.dirname(configFile), cwd];
	const own = findPackage("jiti", [SCRIPT_DIR]);
	const appJiti = findJiti(starts);
	const appTsx = findPackage("tsx", starts);
	const usableTsx = appTsx && Number(String(appTsx.json.version).split(".")[0]) >= 4 ? appTsx : null;
	// npm hoists authmigrate's jiti into the app's node_modules: it is the app's only when the app lists it
	const appLists = (name) => {
		const json = readJsonOrNull(path.join(cwd, "package.json")) ?? {};
		return Boolean(json.dependencies?.[name] ?? json.devDependencies?.[name]);
	};
	const jitiLabel = (pkg) =>
		`jiti ${pkg.json.version} (${own && own.root === pkg.root && !appLists("jiti") ? "authmigrate's" : "the app's"})`;
	const options = {
		jiti: appJiti ?? own,
		tsx: usableTsx,
	};
	const forced = process.env.AUTHMIGRATE_EXPORT_LOADER;
	if (forced) {
		if (forced === "node") return { kind: "node", label: `${runtimeName().split(" ")[0]}'s own loader` };
		if (!options[forced]) {
			throw new ExportError(
				`AUTHMIGRATE_EXPORT_LOADER=${forced}, but ${forced === "jiti" || forced === "tsx" ? `no ${forced} is installed where ${configFile} is` : "that is not a loader (jiti, tsx or node)"}`,
				"unset AUTHMIGRATE_EXPORT_LOADER to let authmigrate choose",
			);
		}
		return forced === "tsx"
			? { kind: "tsx", pkg: usableTsx, label: `tsx ${usableTsx.json.version} (the app's)` }
			: { kind: "jiti", pkg: options.jiti, label: jitiLabel(options.jiti) };
	}
	// Bun loads TypeScript, JSX, tsconfig paths and `bun:` modules itself; Deno TypeScript and deno.json imports
	if (process.versions.bun || process.versions.deno) {
		const name = process.versions.bun ? "bun" : "deno";
		return { kind: "native", label: `${name}'s own loader` };
	}
	if (appJiti) return { kind: "jiti", pkg: appJiti, label: jitiLabel(appJiti) };
	// tsx has no stand-ins for framework virtual modules; jiti gets them from virtualModuleAliases()
	if (usableTsx && !(own && VIRTUAL_IMPORT.test(readText(configFile)))) return { kind: "tsx", pkg: usableTsx, label: `tsx ${usableTsx.json.version} (the app's)` };
	if (own) return { kind: "jiti", pkg: own, label: jitiLabel(own) };
	return { kind: "node", label: "node's own loader" };
}

async function importWithJiti(pkg, configFile) {
	const major = Number(String(pkg.json.version).split(".")[0]);
	if (major >= 2) {
		const entry = resolveExport(pkg, ".");
		const { createJiti } = await import(pathToFileURL(entry).href);
		const jiti = createJiti(configFile, {
			interopDefault: true,
			jsx: true,
			fsCache: false,
			sourceMaps: true,
			extensions: SOURCE_EXTENSIONS,
			alias: virtualModuleAliases(),
			transformOptions: { babel: { plugins: [rewritePathsPlugin(configFile)] } },
		});
		return jiti.import(configFile);
	}
	// jiti 1: synchronous require of the transpiled module
	const req = createRequire(path.join(pkg.root, "package.json"));
	const factory = req(pkg.root);
	const jiti = (factory.default ?? factory)(configFile, { interopDefault: true, esmResolve: true, cache: false });
	return jiti(configFile);
}

async function importWithTsx(pkg, configFile) {
	const { tsImport } = await import(pathToFileURL(resolveExport(pkg, "./esm/api")).href);
	const tsconfig = nearestTsconfig(path.dirname(configFile));
	const mod = await tsImport(pathToFileURL(configFile).href, {
		parentURL: import.meta.url,
		...(tsconfig && path.basename(tsconfig) === "tsconfig.json" ? { tsconfig } : {}),
	});
	// tsx hands a CommonJS module's exports over as `default` (and again under `module.exports`)
	return mod?.default && !mod.auth && typeof mod.default === "object" && mod.default.auth ? mod.default : mod;
}

async function importConfig(configFile, cwd, loader) {
	if (loader.kind === "jiti") return { mod: await importWithJiti(loader.pkg, configFile) };
	if (loader.kind === "tsx") return { mod: await importWithTsx(loader.pkg, configFile) };
	if (loader.kind === "native") return { mod: await import(pathToFileURL(configFile).href) };
	const manager = packageManager(cwd);
	if (JSX_EXT.test(configFile)) {
		throw new ExportError(
			`${configFile} is JSX/TSX and no TypeScript loader is installed`,
			`install authmigrate from npm (${addCommand(manager, "authmigrate", true)}: it brings jiti), or add jiti: ${addCommand(manager, "jiti", true)}`,
		);
	}
	if (TS_EXT.test(configFile) && !typeStrippingAvailable()) {
		if (!nodeAtLeast(22, 6)) {
			throw new ExportError(
				`${configFile} is TypeScript: loading it needs jiti or tsx, or Node >= 22.6 (this is Node ${process.versions.node})`,
				`install authmigrate from npm (${addCommand(manager, "authmigrate", true)}: it brings jiti), or add jiti: ${addCommand(manager, "jiti", true)}`,
			);
		}
		return { reexec: true };
	}
	return { mod: await import(pathToFileURL(configFile).href) };
}

// --- why a config did not load ----------------------------------------------------------------

const RUNTIME_ONLY = [
	[/^bun:/, "exists only in Bun", "export under Bun: `authmigrate schema export --runtime bun` (a bun.lock or bun.lockb in the project chooses Bun by itself), or write the schema from inside the app with exportAuthSchema(auth, file) (docs/schema-export.md)"],
	[/^cloudflare:/, "exists only in Cloudflare Workers", "authmigrate's jiti stubs cloudflare:workers (env from the environment): AUTHMIGRATE_EXPORT_LOADER=jiti; or write the schema from inside the Worker with exportAuthSchema(auth, file) (docs/schema-export.md)"],
	[/^\$(?:env|app)\//, "is a SvelteKit virtual module, which exists only inside Vite", "authmigrate's jiti stubs $env/* from the environment; with tsx or node, set AUTHMIGRATE_EXPORT_LOADER=jiti, or use exportAuthSchema(auth, file) (docs/schema-export.md)"],
	[/^server-only$/, "throws outside a React Server Component", "authmigrate's jiti stubs it; with tsx or node, set AUTHMIGRATE_EXPORT_LOADER=jiti, or move `import \"server-only\"` out of the auth config"],
];

// The import that failed, and who imported it, from the messages Node, tsx and jiti throw.
function failedImport(e) {
	const text = String(e?.message ?? e);
	let m = text.match(/Cannot find (?:package|module) '([^']+)' imported from (\S+)/);
	if (m) return { specifier: m[1], importer: withoutQuery(m[2].startsWith("file:") ? fileURLToPath(m[2]) : m[2]) };
	// Bun: "Cannot find package 'x' from '/app/auth.ts'"
	m = text.match(/Cannot find (?:package|module) '([^']+)' from '([^']+)'/);
	if (m) return { specifier: m[1], importer: m[2] };
	// Deno: 'Import "x" not a dependency', the importer first in the stack ("at file:///app/auth.ts:2:17")
	m = text.match(/(?:Import|Relative import path) "([^"]+)" not (?:a dependency|prefixed)/);
	if (m) {
		const at = String(e?.stack ?? "").match(/at (file:\/\/\S+?):\d+:\d+/);
		return { specifier: m[1], importer: at ? fileURLToPath(at[1]) : undefined };
	}
	m = text.match(/Received protocol '([a-z]+:)'/);
	if (m) return { specifier: m[1], importer: undefined };
	m = text.match(/Cannot find module '([^']+)'(?:[\s\S]*?Require stack:\s*\n-\s*(\S+))?/);
	if (m) return { specifier: m[1], importer: m[2] && withoutQuery(m[2]) };
	return null;
}

// tsx names an importer `a.ts?namespace=...`
function withoutQuery(file) {
	return file.replace(/\?.*$/, "");
}

// The whole specifier an importer wrote that Node reported by its package name ('~' for '~/lib/db').
function writtenSpecifier(importer, reported) {
	if (!importer || !isFile(importer) || path.isAbsolute(reported)) return reported;
	const escaped = reported.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	const rest = reported.endsWith(":") ? `[^"']*` : `(?:/[^"']*)?`;
	const m = readText(importer).match(new RegExp(`["'](${escaped}${rest})["']`));
	return m ? m[1] : reported;
}

const ALIAS_LIKE = /^(?:[~#$]|@\/|@@\/)/;

// An ExportError naming why `e` stopped the config from loading, when it is a failed import we understand.
function explainLoadError(e, configFile, cwd, loader) {
	const manager = packageManager(cwd);
	if (String(e?.message ?? "").includes("This module cannot be imported from a Client Component module")) {
		const [, reason, hint] = RUNTIME_ONLY[3];
		return new ExportError(`could not load ${configFile}: it imports server-only, which ${reason}`, hint);
	}
	const failed = failedImport(e);
	if (!failed) return null;
	const importer = failed.importer ?? configFile;
	const at = `imported from ${relativeToCwd(cwd, importer)}`;
	const spec = writtenSpecifier(importer, failed.specifier);
	const prefix = `could not load ${configFile}:`;
	for (const [pattern, reason, hint] of RUNTIME_ONLY) {
		if (pattern.test(spec)) return new ExportError(`${prefix} it imports ${spec} (${at}), which ${reason}`, hint);
	}
	const target = path.isAbsolute(spec) ? spec : spec.startsWith(".") ? path.resolve(path.dirname(importer), spec) : null;
	const otherLoader = loader.kind === "jiti" ? "" : "; authmigrate's jiti resolves these: AUTHMIGRATE_EXPORT_LOADER=jiti";
	if (target) {
		const ext = path.extname(target);
		const meant = resolveCandidateFile(target);
		const shown = path.isAbsolute(spec) ? relativeToCwd(cwd, spec) : spec;
		if (meant && JS_TO_TS[ext]) {
			return new ExportError(
				`${prefix} ${shown} (${at}) names ${relativeToCwd(cwd, meant)}: a \`.js\` import of a \`.ts\` file (TypeScript's NodeNext convention), which ${loader.label} does not map`,
				`load it with jiti or tsx, which map .js to .ts${otherLoader}`,
			);
		}
		if (meant) {
			return new ExportError(
				`${prefix} ${shown} (${at}) has no file extension (the file is ${relativeToCwd(cwd, meant)}), and ${loader.label} needs one`,
				`load it with jiti or tsx, which add the extension${otherLoader}; or write the import as "${spec}${path.extname(meant) === ".ts" ? ".js" : path.extname(meant)}"`,
			);
		}
		return new ExportError(`${prefix} ${shown} (${at}) does not exist`, "fix the import path in the app");
	}
	const cfg = tsconfigFor(path.dirname(importer));
	const mapped = pathsCandidates(cfg, spec);
	const found = mapped?.files.map(resolveCandidateFile).find(Boolean);
	if (found) {
		return new ExportError(
			`${prefix} the alias ${spec} (${at}) names ${relativeToCwd(cwd, found)} through \`${mapped.pattern}\` in ${relativeToCwd(cwd, cfg.file)}, and ${loader.label} did not resolve it`,
			loader.kind === "jiti" ? "AUTHMIGRATE_DEBUG=1 shows the stack; please report it" : "authmigrate's jiti resolves tsconfig `paths`: AUTHMIGRATE_EXPORT_LOADER=jiti",
		);
	}
	if (mapped) {
		return new ExportError(
			`${prefix} the alias ${spec} (${at}) matches \`${mapped.pattern}\` in ${relativeToCwd(cwd, cfg.file)}, but none of ${mapped.files.map((f) => relativeToCwd(cwd, f)).join(", ")} exists`,
			"fix the alias's target in tsconfig `paths`, or the import",
		);
	}
	const pkgName = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
	if (ALIAS_LIKE.test(spec) || !findPackage(pkgName, [path.dirname(importer), cwd]) && ALIAS_LIKE.test(pkgName)) {
		const where = cfg ? `no \`paths\` entry in ${relativeToCwd(cwd, cfg.file)} maps it` : "there is no tsconfig.json or jsconfig.json to map it";
		const missing = cfg?.missing?.length ? `; it extends ${cfg.missing.join(", ")}, which does not exist` : "";
		const nuxt = cfg?.missing?.some((m) => m.includes(".nuxt"))
			? `generate it first: ${manager === "npm" ? "npx" : manager === "bun" ? "bunx" : manager} nuxi prepare`
			: `map it in tsconfig.json: "compilerOptions": { "paths": { "${spec.split("/")[0]}/*": ["./${spec.startsWith("@") ? "src/" : ""}*"] } }`;
		return new ExportError(
			`${prefix} the alias ${spec} (${at}) is not resolved: ${where}${missing}`,
			nuxt,
		);
	}
	return new ExportError(
		`${prefix} the package ${pkgName} (${at}) is not installed`,
		`install it: ${addCommand(manager, pkgName)} (or ${installCommand(manager)} when it is already in package.json)`,
	);
}

// --- the export -------------------------------------------------------------------------------

// getAuthTables(options) as authmigrate-schema/1 (keys in their original order: the DDL's order).
// database.schemaName (PostgreSQL, better-auth 1.7.7+), when the config sets one.
function schemaNameOf(options) {
	const name = options.database?.schemaName;
	return typeof name === "string" && name.length > 0 ? { schemaName: name } : {};
}

export function toSchemaJson(tables, options, betterAuthVersion) {
	const out = {};
	for (const [key, table] of Object.entries(tables)) {
		const fields = {};
		for (const [fieldKey, f] of Object.entries(table.fields ?? {})) {
			const field = { type: f.type };
			for (const a of ["fieldName", "required", "unique", "index", "sortable", "bigint"]) {
				if (f[a] !== undefined) field[a] = f[a];
			}
			if (f.defaultValue !== undefined) {
				field.defaultValue = typeof f.defaultValue === "function" ? { $function: true } : f.defaultValue;
			}
			if (f.references) {
				field.references = { model: f.references.model, field: f.references.field };
				if (f.references.onDelete) field.references.onDelete = f.references.onDelete;
			}
			fields[fieldKey] = field;
		}
		const t = { modelName: table.modelName };
		if (table.order !== undefined) t.order = table.order;
		if (table.disableMigrations) t.disableMigrations = true;
		t.fields = fields;
		if (table.indexes?.length) t.indexes = table.indexes;
		out[key] = t;
	}
	const generateId = options.advanced?.database?.generateId;
	return {
		format: FORMAT,
		betterAuthVersion,
		generateId: generateId === "uuid" || generateId === "serial" ? generateId : "default",
		...schemaNameOf(options),
		tables: out,
	};
}

// better-auth's background schema check (1.7.3+) and its "no check for this adapter" note.
const SCHEMA_CHECK_NOISE = /schema mismatch|Could not validate the database schema|Schema validation is not available/;

function captureConsole() {
	const lines = [];
	const original = {};
	for (const level of ["log", "info", "warn", "error", "debug", "trace"]) {
		original[level] = console[level];
		console[level] = (...args) => lines.push(util.format(...args));
	}
	return {
		flush(all) {
			for (const line of lines) {
				if (all || !SCHEMA_CHECK_NOISE.test(line)) process.stderr.write(`${line}\n`);
			}
			lines.length = 0;
		},
	};
}

function parseArgs(argv) {
	const args = { authConfig: undefined, output: undefined };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) throw new ExportError(`${a} needs a value`);
			return argv[++i];
		};
		if (a === "--auth-config" || a === "--config") args.authConfig = value();
		else if (a.startsWith("--auth-config=")) args.authConfig = a.slice("--auth-config=".length);
		else if (a === "--output" || a === "-o") args.output = value();
		else if (a.startsWith("--output=")) args.output = a.slice("--output=".length);
		else if (a === "--help" || a === "-h") args.help = true;
		else
			throw new ExportError(
				`unknown argument ${a}`,
				"usage: node export-schema.mjs [--auth-config FILE] --output FILE|-",
			);
	}
	return args;
}

function errorText(e) {
	if (e?.message) return e.message.split("\n")[0];
	return String(e);
}

// The instance a config module exports, as the CLI looks it up: `auth`, `default.auth`, `default`, the module.
function instanceOf(mod) {
	return mod?.auth ?? mod?.default?.auth ?? mod?.default ?? mod;
}

function schemaText(options, getAuthTables, version, what) {
	let tables;
	try {
		tables = getAuthTables(options);
	} catch (e) {
		throw new ExportError(`getAuthTables failed on the options of ${what}: ${errorText(e)}`);
	}
	return `${JSON.stringify(toSchemaJson(tables, options, version), null, 2)}\n`;
}

function writeSchema(output, json) {
	if (output === "-") process.stdout.write(json);
	else fs.writeFileSync(output, json, { mode: 0o644 });
}

// The JS API (the `authmigrate` npm package re-exports it): the app builds its Better Auth instance as it
// always does, in its own runtime, and writes the same JSON `authmigrate schema export` writes.
//   import { exportAuthSchema } from "authmigrate";
//   await exportAuthSchema(auth, "auth-schema.json");
// `auth` is the instance (or its options); `file` defaults to auth-schema.json, "-" is stdout. The
// better-auth that describes the tables is the app's: the one `cwd` (default: process.cwd()) resolves.
export async function exportAuthSchema(auth, file = "auth-schema.json", { cwd = process.cwd() } = {}) {
	const options = auth?.options && typeof auth.options === "object" ? auth.options : auth;
	if (!options || typeof options !== "object") {
		throw new TypeError("exportAuthSchema(auth, file): auth is not a Better Auth instance (betterAuth({...})) or its options");
	}
	const { getAuthTables, version } = await loadGetAuthTables(path.join(cwd, "package.json"), cwd);
	const json = schemaText(options, getAuthTables, version, "the instance");
	writeSchema(file, json);
	return JSON.parse(json);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write("usage: node export-schema.mjs [--auth-config FILE] --output FILE|-\n");
		return 0;
	}
	if (!args.output) throw new ExportError("--output is required", "pass --output auth-schema.json (or - for stdout)");
	// What an app tests to skip import-time side effects (opening databases, running its ORM's migrations).
	process.env.AUTHMIGRATE_SCHEMA_EXPORT = "1";
	const cwd = process.cwd();
	loadDotenv(cwd);
	const { file: configFile, notes } = findConfig(cwd, args.authConfig);
	process.stderr.write(`${PREFIX} config: ${configFile}\n`);
	for (const note of notes) process.stderr.write(`${PREFIX} note: ${note}\n`);
	const { getAuthTables, version } = await loadGetAuthTables(configFile, cwd);
	const loader = chooseLoader(configFile, cwd);

	const captured = captureConsole();
	let loaded;
	try {
		loaded = await importConfig(configFile, cwd, loader);
	} catch (e) {
		captured.flush(true);
		if (e instanceof ExportError) throw e;
		const detail = process.env.AUTHMIGRATE_DEBUG ? `\n${e?.stack ?? e}` : "";
		const explained = explainLoadError(e, configFile, cwd, loader);
		if (explained) {
			explained.message += ` (${runtimeName()}, ${loader.label})${detail}`;
			throw explained;
		}
		throw new ExportError(
			`could not load ${configFile}: ${errorText(e)} (${runtimeName()}, ${loader.label})${detail}`,
			"the config must load outside the app's server: fix the error above (AUTHMIGRATE_DEBUG=1 shows the stack); " +
				"an app can skip import-time work when AUTHMIGRATE_SCHEMA_EXPORT=1, or write the schema itself with exportAuthSchema(auth, file) (docs/schema-export.md)",
		);
	}
	if (loaded.reexec) {
		if (process.env.AUTHMIGRATE_EXPORT_REEXEC)
			throw new ExportError(
				`Node ${process.versions.node} did not enable type stripping for ${configFile}`,
				`install authmigrate from npm, which brings jiti (${addCommand(packageManager(cwd), "authmigrate", true)})`,
			);
		// TypeScript without jiti on Node 22.6-23.5: run again with type stripping on.
		captured.flush(true);
		const r = spawnSync(
			process.execPath,
			[
				"--experimental-strip-types",
				"--disable-warning=ExperimentalWarning",
				...process.execArgv,
				process.argv[1],
				...process.argv.slice(2),
			],
			{ stdio: "inherit", env: { ...process.env, AUTHMIGRATE_EXPORT_REEXEC: "1" } },
		);
		return r.status ?? 70;
	}
	const options = instanceOf(loaded.mod)?.options;
	if (!options || typeof options !== "object") {
		captured.flush(true);
		const factory = Object.entries(loaded.mod ?? {}).find(([, v]) => typeof v === "function")?.[0];
		throw new ExportError(
			`${configFile} exports no Better Auth instance (found no \`auth\` export and no default export with .options)`,
			(factory ? `it exports ${factory}(): a factory cannot be called here, ` : "") +
				"export the instance (`export const auth = betterAuth({...})` or `export default auth`), or write the schema " +
				"from where the app builds it: `await exportAuthSchema(auth, \"auth-schema.json\")` from the authmigrate npm package (docs/schema-export.md)",
		);
	}
	let json;
	try {
		json = schemaText(options, getAuthTables, version, configFile);
	} finally {
		captured.flush(!json);
	}
	writeSchema(args.output, json);
	process.stderr.write(`${PREFIX} better-auth: ${version}\n`);
	process.stderr.write(`${PREFIX} runtime: ${runtimeName()}\n`);
	process.stderr.write(`${PREFIX} loader: ${loader.label}\n`);
	return 0;
}

function isMainScript() {
	try {
		return Boolean(process.argv[1]) && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
	} catch {
		return false;
	}
}

// Run only as a script (tests may import toSchemaJson / candidatePaths).
if (isMainScript()) {
	let code;
	try {
		code = await main();
	} catch (e) {
		if (e instanceof ExportError) {
			process.stderr.write(`${PREFIX} error: ${e.message}\n`);
			if (e.hint) process.stderr.write(`${PREFIX} hint: ${e.hint}\n`);
			code = 2;
		} else {
			process.stderr.write(`${PREFIX} error: internal error in export-schema.mjs: ${e?.stack ?? e}\n`);
			code = 70;
		}
	}
	// Exit now: an app's config may leave pools, timers or better-auth's schema check running.
	process.exit(code);
}
