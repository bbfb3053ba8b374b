# `authmigrate init`: the real binary on real project folders; every file it writes is read back by
# a real parser (python3's tomllib and json), and the user's own content must still be there.

# init needs no database: it only writes the project's deploy configuration.
suite_supports() { [ "$1" = sqlite ]; }

# check PYTHON: runs assertions in the current folder with toml(path), js(path) and text(path).
check() {
  python3 - <<PY || fail "a check on the written files failed (python traceback above)"
import json, os, stat, tomllib
def toml(p): return tomllib.load(open(p, "rb"))
def js(p): return json.load(open(p))
def keys(p, *path):
    value = json.load(open(p), object_pairs_hook=lambda pairs: pairs)
    for k in path: value = dict(value)[k]
    return [k for k, _ in value]
def text(p): return open(p).read()
def mode(p): return stat.S_IMODE(os.stat(p).st_mode)
$1
PY
}

node_app() {
  cat > package.json <<'JSON'
{
  "name": "app",
  "private": true,
  "scripts": {
    "dev": "node --watch server.js",
    "start": "node server.js"
  },
  "dependencies": {
    "better-auth": "^1.7.0"
  }
}
JSON
}

test_empty_project_gets_every_file() {
  node_app
  am init
  expect_rc 0
  expect_out "created nixpacks.toml"
  expect_out "created railway.json"
  expect_out "created Procfile"
  expect_out "updated package.json (added scripts.migrate"
  expect_out "created authmigrate.toml"
  check '
n = toml("nixpacks.toml")
assert n["start"]["cmd"] == "npx --no -- authmigrate deploy && exec npm run start", n
assert n["phases"]["authmigrate"] == {"dependsOn": ["install"], "cmds": ["npx --no -- authmigrate --version"]}, n
assert n["phases"]["release"] == {"cmds": []}, n
# never a migration in a build phase
assert not any(" deploy" in c for p in n["phases"].values() for c in p.get("cmds", [])), n
r = js("railway.json")
assert r == {"$schema": "https://railway.com/railway.schema.json",
             "deploy": {"preDeployCommand": ["npx --no -- authmigrate deploy"], "startCommand": "npm run start"}}, r
p = js("package.json")
assert p["scripts"] == {"dev": "node --watch server.js", "start": "node server.js",
                        "migrate": "npx --no -- authmigrate deploy"}, p
assert keys("package.json") == ["name", "private", "scripts", "dependencies"]
assert keys("package.json", "scripts") == ["dev", "start", "migrate"]
assert p["dependencies"] == {"better-auth": "^1.7.0"}
assert text("Procfile") == "web: npm run start\nrelease: npx --no -- authmigrate deploy\n", text("Procfile")
a = toml("authmigrate.toml")
assert a["database"] == [{"name": "main", "url_env": "DATABASE_URL"}] and "better_auth" not in a, a
assert "# [better_auth]" in text("authmigrate.toml")
for f in ["nixpacks.toml", "railway.json", "Procfile", "authmigrate.toml"]:
    assert mode(f) == 0o644, (f, oct(mode(f)))
'
}

test_existing_phases_comments_and_scripts_are_kept() {
  cat > nixpacks.toml <<'TOML'
# Our build (keep this comment)
providers = ["...", "node"]

[phases.setup]
nixPkgs = ["...", "ffmpeg"]   # thumbnails

[phases.migrate]
dependsOn = ["install"]
cmds = ["npx @better-auth/cli migrate || echo 'Migration completed (may have warnings)'"]

[phases.build]
cmds = [
  "npm run build",  # compile
]

[start]
cmd = "node dist/server.js"  # production entry
TOML
  cat > package.json <<'JSON'
{
  "name": "shop",
  "version": "2.1.0",
  "scripts": {
    "build": "tsc -p .",
    "test": "vitest run",
    "start": "node dist/server.js"
  },
  "engines": { "node": ">=22" }
}
JSON
  cat > railway.json <<'JSON'
{
  "build": {
    "builder": "NIXPACKS"
  },
  "deploy": {
    "healthcheckPath": "/health"
  }
}
JSON
  printf 'web: node dist/server.js\nworker: node dist/worker.js\n' > Procfile
  cp nixpacks.toml nixpacks.before
  am init
  expect_rc 0
  expect_out "updated nixpacks.toml"
  expect_out "updated package.json"
  expect_out "updated railway.json"
  expect_out "updated Procfile"
  expect_err "[phases.migrate] runs"
  check '
n = toml("nixpacks.toml")
assert n["providers"] == ["...", "node"]
assert n["phases"]["setup"] == {"nixPkgs": ["...", "ffmpeg"]}
assert n["phases"]["build"] == {"cmds": ["npm run build"]}
assert n["phases"]["migrate"]["cmds"][0].startswith("npx @better-auth/cli migrate")  # named, not removed
assert n["start"]["cmd"] == "npx --no -- authmigrate deploy && exec node dist/server.js", n["start"]
t = text("nixpacks.toml")
for kept in ["# Our build (keep this comment)", "# thumbnails", "# compile", "# production entry"]:
    assert kept in t, kept
p = js("package.json")
assert keys("package.json") == ["name", "version", "scripts", "engines"]
assert keys("package.json", "scripts") == ["build", "test", "start", "migrate"]
assert p["scripts"]["test"] == "vitest run" and p["engines"] == {"node": ">=22"}
r = js("railway.json")
assert r["build"] == {"builder": "NIXPACKS"} and r["deploy"]["healthcheckPath"] == "/health", r
assert r["deploy"]["preDeployCommand"] == ["npx --no -- authmigrate deploy"], r
assert r["deploy"]["startCommand"] == "node dist/server.js", r
assert text("Procfile") == "web: node dist/server.js\nworker: node dist/worker.js\nrelease: npx --no -- authmigrate deploy\n"
'
  # Only added lines, and the start line: everything else of the user's file is byte for byte the same.
  removed=$(diff nixpacks.before nixpacks.toml | grep -c '^<' || true)
  expect_eq "$removed" 1 "lines of the user's nixpacks.toml changed"
}

test_second_run_changes_nothing() {
  node_app
  printf '[phases.build]\ncmds = ["npm run build"]  # mine\n' > nixpacks.toml
  am init
  expect_rc 0
  sums=$(sha256sum nixpacks.toml railway.json Procfile package.json authmigrate.toml)
  am init
  expect_rc 0
  expect_out "unchanged nixpacks.toml"
  expect_out "unchanged railway.json"
  expect_out "unchanged Procfile"
  expect_out "unchanged package.json"
  expect_out "unchanged authmigrate.toml"
  expect_out "nothing to change"
  [[ "$OUT" != *"created"* && "$OUT" != *"updated"* ]] || fail "the second run changed something"
  expect_eq "$(sha256sum nixpacks.toml railway.json Procfile package.json authmigrate.toml)" "$sums"
}

test_dry_run_prints_the_diff_and_writes_nothing() {
  node_app
  cp package.json package.before
  am init --dry-run
  expect_rc 0
  expect_out "would create nixpacks.toml"
  expect_out "--- /dev/null"
  expect_out "+++ b/nixpacks.toml"
  expect_out '+cmd = "npx --no -- authmigrate deploy && exec npm run start"'
  expect_out "--- a/package.json"
  expect_out '+    "migrate": "npx --no -- authmigrate deploy"'
  expect_out "dry run: nothing written"
  for f in nixpacks.toml railway.json Procfile authmigrate.toml; do
    [ ! -e "$f" ] || fail "--dry-run wrote $f"
  done
  cmp -s package.json package.before || fail "--dry-run changed package.json"
}

test_malformed_file_is_named_with_its_line_and_nothing_is_written() {
  printf '{\n  "scripts": {\n    "start": node server.js\n  }\n}\n' > package.json
  am init
  expect_rc 2
  expect_err "package.json:3:"
  expect_err "nothing was written"
  for f in nixpacks.toml railway.json Procfile authmigrate.toml; do
    [ ! -e "$f" ] || fail "init wrote $f although package.json is malformed"
  done
  printf '{"scripts": {"start": "node server.js"}}\n' > package.json
  printf '[start]\ncmd = "npm start\n' > nixpacks.toml
  am init
  expect_rc 2
  expect_err "nixpacks.toml:2:"
}

test_conflicting_migrate_script_is_kept_until_force() {
  cat > package.json <<'JSON'
{
  "scripts": {
    "start": "node server.js",
    "migrate": "prisma migrate deploy"
  }
}
JSON
  am init
  expect_rc 0
  expect_err "scripts.migrate already runs \`prisma migrate deploy\`"
  expect_err "--force"
  check 'assert js("package.json")["scripts"]["migrate"] == "prisma migrate deploy"'
  am init --force
  expect_rc 0
  expect_out "replaced scripts.migrate"
  check 'assert js("package.json")["scripts"] == {"start": "node server.js", "migrate": "npx --no -- authmigrate deploy"}'
}

test_project_folder_and_json_lines() {
  mkdir app
  (cd app && node_app)
  am init --project app --log-format json --bin authmigrate
  expect_rc 0
  [ -f app/nixpacks.toml ] || fail "no app/nixpacks.toml"
  [ ! -e nixpacks.toml ] || fail "wrote outside --project"
  printf '%s\n' "$OUT" > events.jsonl
  check '
events = [json.loads(line) for line in open("events.jsonl")]
created = {e["file"] for e in events if e["event"] == "init.created"}
assert created == {"app/nixpacks.toml", "app/railway.json", "app/Procfile", "app/authmigrate.toml"}, created
assert toml("app/nixpacks.toml")["start"]["cmd"] == "authmigrate deploy && exec npm run start"
assert js("app/railway.json")["deploy"]["preDeployCommand"] == ["authmigrate deploy"]
'
}

test_start_hook_migrates_in_the_start_command_only() {
  node_app
  am init --release-hook start
  expect_rc 0
  expect_out "skipped Procfile"
  [ ! -e Procfile ] || fail "the start hook wrote a Procfile release line"
  check '
r = js("railway.json")
assert "preDeployCommand" not in r["deploy"], r
assert r["deploy"]["startCommand"] == "npx --no -- authmigrate deploy && exec npm run start", r
assert toml("nixpacks.toml")["start"]["cmd"] == "npx --no -- authmigrate deploy && exec npm run start"
'
}

test_without_a_start_command_the_start_is_left_alone() {
  am init
  expect_rc 0
  expect_err "no start command found"
  expect_out "skipped package.json"
  check '
n = toml("nixpacks.toml")
assert "start" not in n, n
assert "startCommand" not in js("railway.json")["deploy"]
assert not os.path.exists("Procfile")
'
}
