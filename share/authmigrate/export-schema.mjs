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
// are loaded first. TypeScript and JSX are loaded with the app's jiti when it has one (the `auth`
// CLI, c12 and most frameworks bring it), tsconfig/jsconfig `paths` included; without jiti, a
// .ts/.mts/.cts config needs Node >= 22.6 (type stripping).
//
// Nothing here connects to a database. The app's config itself may open one when it is evaluated
// (a SQLite file is created by `new Database(path)`; a pg/mysql2 pool connects lazily), and
// better-auth >= 1.7.3 starts a schema check against the database in the background when
// `betterAuth()` runs: the script takes the options and exits without waiting for it, and drops
// that check's messages.
//
// Protocol with authmigrate: lines on stderr starting with "authmigrate-export: " are ours
// ("error: ...", "hint: ...", "config: <path>"); everything else is the app's own output.
// Exit 0: written; 2: the config was not found or did not load, or better-auth is missing;
// 70: a bug in this script.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
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
		return file;
	}
	const candidates = candidatePaths();
	for (const rel of candidates) {
		const file = path.join(cwd, rel);
		if (isFile(file)) return file;
	}
	throw new ExportError(
		`no Better Auth config found in ${cwd}: tried the ${candidates.length} paths the Better Auth CLI ` +
			`searches (${TRIED_SUMMARY})`,
		"run this in the app's folder, or pass the file that calls betterAuth({...}) with --auth-config FILE",
	);
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
			"install the app's dependencies first (npm ci / pnpm install) and run this in the app's folder",
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

// --- loading the config -----------------------------------------------------------------------

const TS_EXT = /\.(?:[cm]?ts)$/;
const JSX_EXT = /\.(?:tsx|jsx)$/;

// tsconfig/jsconfig `paths` of the project, as ordered matchers (specifier -> candidate paths).
function readJsonc(file) {
	const text = fs
		.readFileSync(file, "utf8")
		.replace(/\\"|"(?:\\"|[^"])*"|(\/\/.*|\/\*[\s\S]*?\*\/)/g, (m, comment) => (comment ? "" : m))
		.replace(/,(?=\s*[}\]])/g, "");
	return JSON.parse(text);
}

function loadTsconfig(file, seen = new Set()) {
	if (seen.has(file) || !isFile(file)) return null;
	seen.add(file);
	let json;
	try {
		json = readJsonc(file);
	} catch {
		return null;
	}
	const dir = path.dirname(file);
	let merged = { paths: undefined, pathsDir: undefined, baseUrl: undefined };
	const bases = json.extends === undefined ? [] : Array.isArray(json.extends) ? json.extends : [json.extends];
	for (const base of bases) {
		let baseFile = null;
		if (base.startsWith(".") || path.isAbsolute(base)) {
			baseFile = path.resolve(dir, base);
			if (!isFile(baseFile) && isFile(`${baseFile}.json`)) baseFile = `${baseFile}.json`;
		} else {
			try {
				baseFile = createRequire(path.join(dir, "noop.js")).resolve(base);
			} catch {
				baseFile = null;
			}
		}
		const parent = baseFile ? loadTsconfig(baseFile, seen) : null;
		if (parent)
			merged = { ...merged, ...Object.fromEntries(Object.entries(parent).filter(([, v]) => v !== undefined)) };
	}
	const co = json.compilerOptions ?? {};
	if (co.baseUrl !== undefined) merged.baseUrl = path.resolve(dir, co.baseUrl);
	if (co.paths !== undefined) {
		merged.paths = co.paths;
		merged.pathsDir = dir;
	}
	return merged;
}

function pathsMatchers(cwd) {
	const file = isFile(path.join(cwd, "tsconfig.json"))
		? path.join(cwd, "tsconfig.json")
		: path.join(cwd, "jsconfig.json");
	const cfg = loadTsconfig(file);
	if (!cfg?.paths) return [];
	const base = cfg.baseUrl ?? cfg.pathsDir;
	const patterns = Object.entries(cfg.paths).filter(([k, v]) => Array.isArray(v) && k.split("*").length <= 2);
	return [
		(specifier) => {
			// TypeScript: an exact pattern wins, else the wildcard pattern with the longest prefix
			let best = null;
			for (const [pattern, targets] of patterns) {
				const star = pattern.indexOf("*");
				if (star < 0) {
					if (pattern === specifier) return targets.map((t) => path.resolve(base, t));
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
					best = { prefix, targets, middle: specifier.slice(prefix.length, specifier.length - suffix.length) };
				}
			}
			return best ? best.targets.map((t) => path.resolve(base, t.replace("*", best.middle))) : [];
		},
	];
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

function resolveCandidateFile(candidate) {
	if (isFile(candidate)) return candidate;
	if (SOURCE_EXTENSIONS.includes(path.extname(candidate))) return undefined;
	for (const ext of SOURCE_EXTENSIONS) if (isFile(candidate + ext)) return candidate + ext;
	for (const ext of SOURCE_EXTENSIONS)
		if (isFile(path.join(candidate, `index${ext}`))) return path.join(candidate, `index${ext}`);
	return undefined;
}

// A Babel plugin (run by jiti) that rewrites import specifiers matching tsconfig `paths`.
function rewritePathsPlugin(matchers) {
	return ({ types: t }) => {
		const rewrite = (source) => {
			if (!source || typeof source.value !== "string") return;
			for (const matcher of matchers) {
				for (const candidate of matcher(source.value)) {
					const resolved = resolveCandidateFile(candidate);
					if (resolved) {
						source.value = resolved;
						return;
					}
				}
			}
		};
		return {
			visitor: {
				ImportDeclaration(p) {
					rewrite(p.node.source);
				},
				ExportNamedDeclaration(p) {
					rewrite(p.node.source);
				},
				ExportAllDeclaration(p) {
					rewrite(p.node.source);
				},
				ImportExpression(p) {
					if (t.isStringLiteral(p.node.source)) rewrite(p.node.source);
				},
				CallExpression(p) {
					const { callee, arguments: args } = p.node;
					if (!t.isStringLiteral(args[0])) return;
					if (
						(t.isIdentifier(callee) && ["require", "import", "jitiImport"].includes(callee.name)) ||
						t.isImport(callee)
					) {
						rewrite(args[0]);
					}
				},
			},
		};
	};
}

// Framework virtual modules a config may import (SvelteKit $env/$app, Cloudflare), stubbed as the CLI does.
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
	};
}

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

async function importConfig(configFile, cwd) {
	const jitiPkg = findJiti([path.dirname(configFile), cwd]);
	if (jitiPkg) {
		const major = Number(String(jitiPkg.json.version).split(".")[0]);
		if (major >= 2) {
			const entry = resolveExport(jitiPkg, ".");
			const { createJiti } = await import(pathToFileURL(entry).href);
			const jiti = createJiti(configFile, {
				interopDefault: true,
				jsx: true,
				fsCache: false,
				extensions: SOURCE_EXTENSIONS,
				alias: virtualModuleAliases(),
				transformOptions: { babel: { plugins: [rewritePathsPlugin(pathsMatchers(cwd))] } },
			});
			return { mod: await jiti.import(configFile), loader: `jiti ${jitiPkg.json.version}` };
		}
		// jiti 1: synchronous require of the transpiled module
		const req = createRequire(path.join(jitiPkg.root, "package.json"));
		const factory = req(jitiPkg.root);
		const jiti = (factory.default ?? factory)(configFile, { interopDefault: true, esmResolve: true, cache: false });
		return { mod: jiti(configFile), loader: `jiti ${jitiPkg.json.version}` };
	}
	if (JSX_EXT.test(configFile)) {
		throw new ExportError(
			`${configFile} is JSX/TSX and the app has no jiti to load it`,
			"install jiti in the app (npm i -D jiti), or point --auth-config at a .ts or .js file",
		);
	}
	if (TS_EXT.test(configFile) && !typeStrippingAvailable()) {
		if (!nodeAtLeast(22, 6)) {
			throw new ExportError(
				`${configFile} is TypeScript: loading it needs the app's jiti (npm i -D jiti) or Node >= 22.6 ` +
					`(this is Node ${process.versions.node})`,
				"install jiti in the app (npm i -D jiti; the Better Auth CLI `auth` brings it too), or use Node >= 22.6",
			);
		}
		return { reexec: true };
	}
	return { mod: await import(pathToFileURL(configFile).href), loader: `node ${process.versions.node}` };
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

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write("usage: node export-schema.mjs [--auth-config FILE] --output FILE|-\n");
		return 0;
	}
	if (!args.output) throw new ExportError("--output is required", "pass --output auth-schema.json (or - for stdout)");
	const cwd = process.cwd();
	loadDotenv(cwd);
	const configFile = findConfig(cwd, args.authConfig);
	process.stderr.write(`${PREFIX} config: ${configFile}\n`);
	const { getAuthTables, version } = await loadGetAuthTables(configFile, cwd);

	const captured = captureConsole();
	let loaded;
	try {
		loaded = await importConfig(configFile, cwd);
	} catch (e) {
		captured.flush(true);
		if (e instanceof ExportError) throw e;
		const serverOnly = String(e?.message ?? "").includes(
			"This module cannot be imported from a Client Component module",
		);
		const detail = process.env.AUTHMIGRATE_DEBUG ? `\n${e?.stack ?? e}` : "";
		throw new ExportError(
			`could not load ${configFile}: ${errorText(e)}${detail}`,
			serverOnly
				? 'remove `import "server-only"` from the auth config while exporting (the Better Auth CLI needs the same)'
				: TS_EXT.test(configFile) && !findJiti([path.dirname(configFile), cwd]) && e?.code === "ERR_MODULE_NOT_FOUND"
					? "without jiti, Node's type stripping needs explicit file extensions in imports; install jiti in the app (npm i -D jiti)"
					: "the config must load on its own with `node`: fix the error above (AUTHMIGRATE_DEBUG=1 shows the stack)",
		);
	}
	if (loaded.reexec) {
		if (process.env.AUTHMIGRATE_EXPORT_REEXEC)
			throw new ExportError(
				`Node ${process.versions.node} did not enable type stripping for ${configFile}`,
				"install jiti in the app (npm i -D jiti)",
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
	const mod = loaded.mod;
	const instance = mod?.auth ?? mod?.default?.auth ?? mod?.default ?? mod;
	const options = instance?.options;
	if (!options || typeof options !== "object") {
		captured.flush(true);
		throw new ExportError(
			`${configFile} exports no Better Auth instance (found no \`auth\` export and no default export with .options)`,
			"export the instance: `export const auth = betterAuth({...})` or `export default auth`",
		);
	}
	let tables;
	try {
		tables = getAuthTables(options);
	} catch (e) {
		captured.flush(true);
		throw new ExportError(`getAuthTables failed on the options of ${configFile}: ${errorText(e)}`);
	}
	const json = `${JSON.stringify(toSchemaJson(tables, options, version), null, 2)}\n`;
	captured.flush(false);
	if (args.output === "-") process.stdout.write(json);
	else fs.writeFileSync(args.output, json, { mode: 0o644 });
	process.stderr.write(`${PREFIX} better-auth: ${version}\n`);
	process.stderr.write(`${PREFIX} loader: ${loaded.loader}\n`);
	return 0;
}

// Run only as a script (tests may import toSchemaJson / candidatePaths).
if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
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
