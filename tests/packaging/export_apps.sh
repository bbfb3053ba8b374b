#!/usr/bin/env bash
# `schema export` as users run it. Each fixture app of tests/fixtures/apps/ is installed the way its users
# install it, with npm, pnpm, yarn or bun, from the packed authmigrate packages (a local registry, as in
# npm_e2e.sh) plus what the app lists (better-auth) and nothing else. Then, per app:
#   - `npx --no -- authmigrate schema export` (`pnpm exec`, `yarn run`, `bunx`) writes the same schema as the app's
#     expected.mjs (the same options as a plain ES module); the factory app writes it with
#     exportAuthSchema(auth, file) in its own script; the Bun app exports under Bun, the Deno app under Deno;
#   - `authmigrate deploy --schema` migrates a fresh SQLite database from that export, and the real Better
#     Auth (the app's own copy, with the expected options) signs a user up on it and reads the user back.
# pnpm, Yarn, Bun, Deno and Node 22 (node:sqlite, for the sign-up) come from npm (tests/packaging/app-tools).
# Run: bash tests/packaging/export_apps.sh. Needs dist/linux-{x64,arm64}/authmigrate (AM_DIST_DIR) and
# the npm registry; skips (exit 125) without them unless CI=true.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=SCRIPTDIR/../../packaging/common.sh
source "$repo/packaging/common.sh"  # cmake_version
# shellcheck source=SCRIPTDIR/registry.sh
source "$repo/tests/packaging/registry.sh"
dist=${AM_DIST_DIR:-$repo/dist}
fixtures=$repo/tests/fixtures/apps
require_or_skip "[[ $(uname -m) == x86_64 ]]" "not an x86-64 machine (app-tools pins the x64 Node)"
require_or_skip "[[ -x '$dist/linux-x64/authmigrate' && -x '$dist/linux-arm64/authmigrate' ]]" \
  "no static binaries $dist/linux-{x64,arm64}/authmigrate (scripts/build-static.sh)"
require_or_skip "command -v npm >/dev/null" "npm is not installed"

# The apps, each with the package manager it is installed with. Not every pair: a Next.js app's .tsx
# needs React under Bun's JSX, and npm and Yarn 1 have no `workspace:` protocol. Yarn 2+ with Plug'n'Play
# (no node_modules) is not covered: docs/schema-export.md.
APPS=(
  npm:next-paths npm:nuxt npm:cjs npm:factory npm:deno
  yarn:next-paths yarn:cjs
  pnpm:next-paths pnpm:nuxt pnpm:nodenext pnpm:factory pnpm:monorepo
  bun:bun bun:nodenext bun:cjs bun:factory bun:monorepo
)

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-export-apps.XXXXXX")
cleanup() {
  local status=$?
  stop_registry
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
export BETTER_AUTH_URL=http://localhost:3000 BETTER_AUTH_TELEMETRY=0 NODE_NO_WARNINGS=1
export BETTER_AUTH_SECRET=a-secret-for-the-export-apps-test-only-0123456789

# ---- pnpm, Yarn, Bun, Deno and Node 22 from npm, once per lock, into a cache outside the repo; on PATH
# (pnpm, yarn, bun, bunx, deno) as a user's global install would put them
install_tools() {
  local src=$repo/tests/packaging/app-tools key dir
  key=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -c1-12)
  dir=${XDG_CACHE_HOME:-$HOME/.cache}/authmigrate/app-tools/$key
  if [[ ! -f $dir/node_modules/.am-installed ]]; then
    echo "-- installing pnpm, Yarn, Bun, Deno and Node 22 into $dir"
    rm -rf "$dir" && mkdir -p "$dir" && cp "$src/package.json" "$src/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error &&
      cd node_modules/bun && node install.js) >&2  # Bun's own postinstall: links this machine's binary
    touch "$dir/node_modules/.am-installed"
  fi
  mkdir -p "$work/bin"
  for tool in pnpm yarn bun bunx deno; do ln -s "$dir/node_modules/.bin/$tool" "$work/bin/$tool"; done
  node22=$dir/node_modules/.bin/node
  export PATH=$work/bin:$PATH
}
install_tools
start_registry
version=$(cmake_version)
check "the packages publish to the local registry" publish_packages "$dist"
# pnpm reads the app's .npmrc; Bun its own variable
export BUN_CONFIG_REGISTRY=$registry BUN_INSTALL_CACHE_DIR=$work/bun-cache
pnpm_store=${XDG_CACHE_HOME:-$HOME/.cache}/authmigrate/pnpm-store

# The judge: the app's own better-auth with the expected options signs a user up on the database and
# reads the user back through Better Auth's own adapter (model and field names as configured).
write_judge() {  # dir
  cat >"$1/signup.mjs" <<'EOF'
import { DatabaseSync } from "node:sqlite";
import { pathToFileURL } from "node:url";
import { betterAuth } from "better-auth";
const [expected, file] = process.argv.slice(2);
const { auth } = await import(pathToFileURL(expected).href);
const judge = betterAuth({ ...auth.options, database: new DatabaseSync(file), emailAndPassword: { enabled: true } });
const email = "export-apps@example.com";
await judge.api.signUpEmail({ body: { email, password: "correct-horse-battery-staple", name: "Export" } });
const found = await (await judge.$context).internalAdapter.findUserByEmail(email);
console.log(found?.user?.email ?? "no user");
EOF
}

# ---- each app
install_app() {  # manager app-dir web-dir
  local manager=$1 dir=$2 web=$3
  case $manager in
    npm) (cd "$dir" && npm install --loglevel=error && cd "$web" && npm install -D authmigrate --loglevel=error) ;;
    pnpm)
      if [[ -d $dir/packages ]]; then printf 'packages:\n  - apps/*\n  - packages/*\n' >"$dir/pnpm-workspace.yaml"; fi
      (cd "$dir" && pnpm install --reporter=silent --store-dir "$pnpm_store" &&
        cd "$web" && pnpm add -D authmigrate --reporter=silent --store-dir "$pnpm_store") ;;
    yarn)  # --ignore-engines: better-auth's kysely asks for Node 22, which Yarn 1 alone enforces
      echo "registry \"$registry\"" >"$dir/.yarnrc"
      (cd "$dir" && yarn install --silent --no-progress --ignore-engines --cache-folder "$work/yarn-cache" &&
        cd "$web" && yarn add -D authmigrate --silent --no-progress --ignore-engines --cache-folder "$work/yarn-cache") ;;
    bun) (cd "$dir" && bun install --silent && cd "$web" && bun add -d authmigrate --silent) ;;
  esac
}

exec_in() {  # manager dir command...: the package manager's way to run an installed bin
  local manager=$1 dir=$2
  shift 2
  case $manager in
    npm) (cd "$dir" && npx --no -- "$@") ;;
    pnpm) (cd "$dir" && pnpm exec "$@") ;;
    yarn) (cd "$dir" && yarn --silent run "$@") ;;
    bun) (cd "$dir" && bunx "$@") ;;
  esac
}

export_schema() {  # manager app dir web-dir
  local manager=$1 app=$2 dir=$3 web=$4
  if [[ $app == factory ]]; then  # the app's own build script: exportAuthSchema(auth, file)
    case $manager in
      bun) (cd "$web" && bun scripts/export-schema.ts auth-schema.json) ;;
      *) exec_in "$manager" "$web" tsx scripts/export-schema.ts auth-schema.json ;;
    esac
    return
  fi
  exec_in "$manager" "$web" authmigrate schema export >"$dir/.am-judge/export.log" 2>&1 || { cat "$dir/.am-judge/export.log"; return 1; }
  cat "$dir/.am-judge/export.log"
  case $manager:$app in  # the runtime the app runs on, found by itself: bun install writes bun.lock
    bun:*) expect_in "$(cat "$dir/.am-judge/export.log")" "bun 1.3.14 for bun.lock in $dir" ;;
    *:deno) expect_in "$(cat "$dir/.am-judge/export.log")" "deno 2.9.6 for deno.json in $dir" ;;
    *) expect_in "$(cat "$dir/.am-judge/export.log")" "(better-auth 1.7.25; node " ;;
  esac
}

same_as_expected() {  # manager dir web-dir
  exec_in "$1" "$3" authmigrate schema export --auth-config "$2/.am-judge/expected.mjs" --output "$2/.am-judge/expected.json" >/dev/null &&
    diff -u "$2/.am-judge/expected.json" "$3/auth-schema.json"
}

deploy_export() {  # manager dir web-dir
  DATABASE_URL="sqlite:$2/.am-judge/app.db" exec_in "$1" "$3" authmigrate deploy --schema auth-schema.json
}

signs_up() {  # dir
  same "export-apps@example.com" "$(cd "$1" && "$node22" .am-judge/signup.mjs .am-judge/expected.mjs .am-judge/app.db 2>&1)"
}

for entry in "${APPS[@]}"; do
  manager=${entry%%:*} app=${entry#*:}
  dir=$work/apps/$manager-$app
  echo "-- $app, installed with $manager"
  mkdir -p "$dir" && cp -r "$fixtures/$app/." "$dir/"
  rm -f "$dir/bun.lock"  # the fixture's stand-in: bun writes the real one
  mkdir "$dir/.am-judge" && mv "$dir/expected.mjs" "$dir/.am-judge/" && write_judge "$dir/.am-judge"
  echo "registry=$registry" >"$dir/.npmrc"
  web=$dir
  [[ $app != monorepo ]] || web=$dir/apps/web
  check "$app ($manager): install better-auth and authmigrate" install_app "$manager" "$dir" "$web"
  check "$app ($manager): $manager's authmigrate is $version" same "authmigrate $version" "$(exec_in "$manager" "$web" authmigrate --version 2>&1)"
  check "$app ($manager): schema export" export_schema "$manager" "$app" "$dir" "$web"
  check "$app ($manager): the same schema as expected.mjs" same_as_expected "$manager" "$dir" "$web"
  check "$app ($manager): deploy --schema auth-schema.json (SQLite)" deploy_export "$manager" "$dir" "$web"
  check "$app ($manager): Better Auth signs a user up on the deployed database" signs_up "$dir"
done
finish
