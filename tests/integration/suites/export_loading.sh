# `schema export` loading auth configs written the way real apps write them (tests/fixtures/apps/, one app
# per pattern): each export must equal the export of the app's expected.mjs (the same options, plain ESM),
# and each failure must name its real cause and the fix in the app's own package manager.
#
# What the apps import (better-auth, jiti, tsx) is installed once into a cache outside the repository by
# tests/fixtures/apps/install.sh; each test composes the app's node_modules from it with symlinks, so an
# app has jiti or tsx only when the test gives it one. authmigrate's own jiti comes from a copy of the npm
# package's layout (AUTHMIGRATE_SHARE_DIR=<pkg>/share/authmigrate, <pkg>/node_modules/jiti), as users get it.
# No npm or no network: skipped, and failed with CI=true. No database: runs on the sqlite pass only.

FX_SRC=$AM_SOURCE_DIR/tests/fixtures/apps
FX_MODULES=""
FX_INSTALL_FAILED=""

suite_supports() {
  [ "$1" = sqlite ] || return 1
  if FX_MODULES=$(command -v npm >/dev/null && bash "$FX_SRC/install.sh" 2>"${TMPDIR:-/tmp}/am-fixtures-install.$$.log"); then
    rm -f "${TMPDIR:-/tmp}/am-fixtures-install.$$.log"
    return 0
  fi
  cat "${TMPDIR:-/tmp}/am-fixtures-install.$$.log" 2>/dev/null; rm -f "${TMPDIR:-/tmp}/am-fixtures-install.$$.log"
  if [ "${CI:-}" = "true" ]; then
    FX_INSTALL_FAILED=1  # every test fails and says why
    return 0
  fi
  echo "skip: the fixture apps' packages could not be installed (tests/fixtures/apps/install.sh)"
  return 1
}

export BETTER_AUTH_URL=http://localhost:3000 BETTER_AUTH_TELEMETRY=0 NODE_NO_WARNINGS=1
unset AUTHMIGRATE_EXPORT_LOADER AUTHMIGRATE_SCHEMA_EXPORT

# fx_link_modules DIR [jiti] [tsx] [bun] [deno] [authmigrate]: DIR/node_modules holds the cached packages
# (better-auth and its dependencies), plus the loaders, runtimes (node_modules/.bin) and the authmigrate
# package named.
fx_link_modules() {
  local dir=$1/node_modules entry
  shift
  mkdir -p "$dir"
  for entry in "$FX_MODULES"/* "$FX_MODULES"/@*; do
    case $(basename "$entry") in jiti | tsx | esbuild | @esbuild | get-tsconfig | resolve-pkg-maps | bun | @oven | deno | @deno) continue ;; esac
    [ -e "$dir/$(basename "$entry")" ] || ln -s "$entry" "$dir/"
  done
  for entry in "$@"; do
    case $entry in
      authmigrate) ln -s "$WORK/pkg/authmigrate" "$dir/authmigrate" ;;
      tsx)
        ln -s "$FX_MODULES/tsx" "$dir/tsx"
        mkdir -p "$dir/.bin" && ln -s ../tsx/dist/cli.mjs "$dir/.bin/tsx" ;;
      bun) mkdir -p "$dir/.bin" && ln -s "$FX_MODULES/bun/bin/bun.exe" "$dir/.bin/bun" ;;  # as `npm install -D bun`
      deno) mkdir -p "$dir/.bin" && ln -s "$FX_MODULES/deno/bin.cjs" "$dir/.bin/deno" ;;
      *) ln -s "$FX_MODULES/$entry" "$dir/$entry" ;;
    esac
  done
}

# The authmigrate npm package as installed: launcher files, share/authmigrate and its own jiti beside them.
fx_package() {
  local pkg=$WORK/pkg/authmigrate
  mkdir -p "$pkg/share/authmigrate" "$pkg/lib" "$pkg/node_modules"
  cp "$AM_SOURCE_DIR/packaging/npm/authmigrate/package.json" "$pkg/"
  cp "$AM_SOURCE_DIR/packaging/npm/authmigrate/lib/"index.* "$pkg/lib/"
  cp "$AM_SOURCE_DIR/share/authmigrate/export-schema.mjs" "$pkg/share/authmigrate/"
  ln -s "$FX_MODULES/jiti" "$pkg/node_modules/jiti"
  export AUTHMIGRATE_SHARE_DIR=$pkg/share/authmigrate
}

# fx_app NAME [packages...]: a copy of the fixture app in $WORK/NAME (the current folder) with its
# node_modules; its expected.mjs goes to $WORK/expected (out of the project the export searches).
fx_app() {
  [ -z "$FX_INSTALL_FAILED" ] || { echo "  tests/fixtures/apps/install.sh failed (see above)"; return 1; }
  local name=$1
  shift
  [ -d "$WORK/pkg" ] || fx_package
  cp -r "$FX_SRC/$name" "$WORK/$name"
  mkdir -p "$WORK/expected"
  [ ! -f "$WORK/$name/expected.mjs" ] || mv "$WORK/$name/expected.mjs" "$WORK/expected/"
  [ -d "$WORK/expected/node_modules" ] || fx_link_modules "$WORK/expected"
  fx_link_modules "$WORK/$name" "$@"
  cd "$WORK/$name"
}

# fx_same_as_expected FILE: FILE equals the export of the app's expected.mjs.
fx_same_as_expected() {
  local out=$OUT err=$ERR rc=$RC
  [ -f "$WORK/expected.json" ] || {
    am schema export --auth-config "$WORK/expected/expected.mjs" --output "$WORK/expected.json"
    [ "$RC" -eq 0 ] || fail "the export of expected.mjs failed"
  }
  diff -u "$WORK/expected.json" "$1" || fail "$1 differs from the export of expected.mjs"
  OUT=$out ERR=$err RC=$rc
}

# fx_tiny_app DIR AUTH.TS-BODY: an app of one auth.ts (with the cached better-auth), in DIR (the current folder).
fx_tiny_app() {
  [ -z "$FX_INSTALL_FAILED" ] || { echo "  tests/fixtures/apps/install.sh failed (see above)"; return 1; }
  [ -d "$WORK/pkg" ] || fx_package
  mkdir -p "$WORK/$1"
  printf '{ "name": "%s", "private": true, "type": "module" }\n' "$1" > "$WORK/$1/package.json"
  printf 'import { betterAuth } from "better-auth";\n%s\nexport const auth = betterAuth({});\n' "$2" > "$WORK/$1/auth.ts"
  fx_link_modules "$WORK/$1"
  cd "$WORK/$1"
}

test_next_paths_extends_extensionless_and_tsx_load_with_authmigrates_jiti() {
  fx_app next-paths
  am schema export
  expect_rc 0
  expect_out "wrote auth-schema.json: 5 tables from src/lib/auth.ts"
  expect_out "jiti 2.7.0 (authmigrate's)"
  fx_same_as_expected auth-schema.json
}

test_nuxt_skips_the_client_module_finds_the_server_config_and_skips_side_effects() {
  fx_app nuxt
  am schema export
  expect_rc 0
  expect_out "skipped app/utils/auth.ts: the Better Auth client (createAuthClient), not the server config"
  expect_out "found server/utils/auth/index.ts by searching the project for betterAuth("
  expect_out "wrote auth-schema.json: 7 tables from server/utils/auth/index.ts"
  [ ! -e side-effect.txt ] || fail "AUTHMIGRATE_SCHEMA_EXPORT was not set: the app's side effect ran"
  grep -q '"activeTeamId"' auth-schema.json || fail "the ~/ alias's options are missing"
  fx_same_as_expected auth-schema.json
}

test_client_module_passed_as_the_config_names_the_server_config() {
  fx_app nuxt
  am schema export --auth-config app/utils/auth.ts
  expect_rc 2
  expect_err "app/utils/auth.ts is the Better Auth client (it calls createAuthClient), not the server config that calls betterAuth("
  expect_err "pass the server config instead: --auth-config server/utils/auth/index.ts"
}

test_loader_order_is_the_apps_jiti_then_the_apps_tsx_then_authmigrates_jiti() {
  fx_app nodenext tsx
  am schema export
  expect_rc 0
  expect_out "tsx 4.23.15 (the app's)"
  fx_same_as_expected auth-schema.json
  rm -rf node_modules && fx_link_modules . tsx jiti
  node -e 'const f = "package.json", p = require("./" + f); p.devDependencies.jiti = "2.7.0";
    require("fs").writeFileSync(f, JSON.stringify(p))'
  am schema export --output with-jiti.json
  expect_rc 0
  expect_out "jiti 2.7.0 (the app's)"
  fx_same_as_expected with-jiti.json
  rm -rf node_modules && fx_link_modules . jiti  # hoisted by npm, and not in the app's package.json
  cp "$FX_SRC/nodenext/package.json" package.json
  am schema export --output own-jiti.json
  expect_rc 0
  expect_out "(better-auth 1.7.25; node $(node -p process.versions.node), jiti 2.7.0 (authmigrate's))"
  fx_same_as_expected own-jiti.json
}

test_commonjs_config_with_a_cts_helper() {
  fx_app cjs
  am schema export
  expect_rc 0
  expect_out "from auth.js"
  fx_same_as_expected auth-schema.json
}

test_factory_is_refused_by_the_command_and_exported_by_exportAuthSchema() {
  fx_app factory tsx authmigrate
  am schema export --auth-config src/auth.ts
  expect_rc 2
  expect_err "exports no Better Auth instance"
  expect_err "it exports makeAuth(): a factory cannot be called here"
  expect_err 'await exportAuthSchema(auth, "auth-schema.json")'
  node_modules/.bin/tsx scripts/export-schema.ts api.json >"$WORK/.api.out" 2>&1 || fail "the exportAuthSchema script failed: $(cat "$WORK/.api.out")"
  fx_same_as_expected api.json
  # the CommonJS entry, with the options instead of the instance
  node -e '
    const { exportAuthSchema } = require("authmigrate");
    import("better-auth/plugins").then(({ magicLink }) =>
      exportAuthSchema({ plugins: [magicLink({ sendMagicLink: async () => {} })] }, "cjs.json"));
  ' >"$WORK/.api.out" 2>&1 || fail "require(\"authmigrate\").exportAuthSchema failed: $(cat "$WORK/.api.out")"
  fx_same_as_expected cjs.json
}

test_several_server_configs_are_listed_and_one_is_asked_for() {
  fx_app several
  am schema export
  expect_rc 2
  expect_err "several modules in $WORK/several call betterAuth(: server/identity.ts, tools/seed-auth.ts"
  expect_err "pass the one to export with --auth-config, e.g. --auth-config server/identity.ts"
  [[ "$ERR" != *identity.test.ts* ]] || fail "a test file was offered as a config"
  am schema export --auth-config server/identity.ts
  expect_rc 0
}

test_alias_without_paths_is_named_with_the_fix() {
  fx_tiny_app alias 'import { db } from "~/lib/db";
console.log(db);'
  echo '{ "compilerOptions": { "strict": true } }' > tsconfig.json
  am schema export
  expect_rc 2
  expect_err "the alias ~/lib/db (imported from auth.ts) is not resolved: no \`paths\` entry in tsconfig.json maps it"
  expect_err 'map it in tsconfig.json: "compilerOptions": { "paths": { "~/*": ["./*"] } }'
}

test_nuxt_before_nuxi_prepare_says_to_run_it_with_pnpm() {
  fx_app nuxt
  rm -rf .nuxt
  touch pnpm-lock.yaml
  am schema export --auth-config server/utils/auth/index.ts
  expect_rc 2
  expect_err "the alias ~~/server/utils/db (imported from server/utils/auth/index.ts) is not resolved"
  expect_err "it extends ../.nuxt/tsconfig.server.json, which does not exist"
  expect_err "generate it first: pnpm nuxi prepare"
}

test_js_naming_ts_and_missing_extensions_are_named_under_node() {
  fx_tiny_app nodeloader ''
  mkdir -p config lib
  echo 'export const log = () => {};' > config/logging.ts
  echo 'export const hash = () => "";' > lib/crypto.js
  printf 'import { betterAuth } from "better-auth";\nimport { log } from "./config/logging.js";\nexport const auth = betterAuth({ logger: { log } });\n' > js-to-ts.mjs
  printf 'import { betterAuth } from "better-auth";\nimport { hash } from "./lib/crypto";\nexport const auth = betterAuth({ password: { hash } });\n' > extensionless.mjs
  AUTHMIGRATE_EXPORT_LOADER=node am schema export --auth-config js-to-ts.mjs
  expect_rc 2
  expect_err "config/logging.js (imported from js-to-ts.mjs) names config/logging.ts: a \`.js\` import of a \`.ts\` file (TypeScript's NodeNext convention), which node's own loader does not map"
  expect_err "authmigrate's jiti resolves these: AUTHMIGRATE_EXPORT_LOADER=jiti"
  AUTHMIGRATE_EXPORT_LOADER=node am schema export --auth-config extensionless.mjs
  expect_rc 2
  expect_err "lib/crypto (imported from extensionless.mjs) has no file extension (the file is lib/crypto.js), and node's own loader needs one"
  am schema export --auth-config js-to-ts.mjs --output a.json
  expect_rc 0
  am schema export --auth-config extensionless.mjs --output b.json
  expect_rc 0
}

test_runtime_only_imports_are_named() {
  fx_tiny_app bun 'import { Database } from "bun:sqlite";
console.log(Database);'
  am schema export  # no bun.lock: Node
  expect_rc 2
  expect_err "it imports bun:sqlite (imported from auth.ts), which exists only in Bun"
  expect_err "authmigrate schema export --runtime bun"
  expect_err "exportAuthSchema(auth, file)"

  fx_tiny_app virtual 'import "server-only";
import { env } from "$env/dynamic/private";
import { env as bindings } from "cloudflare:workers";
console.log(typeof env, typeof bindings);'
  am schema export
  expect_rc 0  # authmigrate's jiti stands in for all three
  rm -rf node_modules && fx_link_modules . tsx
  am schema export
  expect_rc 0
  expect_out "jiti 2.7.0 (authmigrate's)"  # chosen over the app's tsx, which has no stand-ins
  for spec in server-only '$env/dynamic/private' cloudflare:workers; do
    printf 'import { betterAuth } from "better-auth";\nimport * as m from "%s";\nconsole.log(m);\nexport const auth = betterAuth({});\n' "$spec" > one.ts
    AUTHMIGRATE_EXPORT_LOADER=tsx am schema export --auth-config one.ts
    expect_rc 2
    case $spec in
      server-only) expect_err "it imports server-only (imported from one.ts), which throws outside a React Server Component" ;;
      \$env*) expect_err "it imports \$env/dynamic/private (imported from one.ts), which is a SvelteKit virtual module" ;;
      *) expect_err "it imports cloudflare:workers (imported from one.ts), which exists only in Cloudflare Workers" ;;
    esac
  done
}

test_missing_package_fix_uses_the_apps_package_manager() {
  fx_tiny_app pm 'import pad from "left-pad";
console.log(pad);'
  local lock want
  rm -rf node_modules && fx_link_modules . bun  # a bun.lockb app exports under Bun: Bun's message is read too
  for lock in pnpm-lock.yaml:"pnpm add left-pad" yarn.lock:"yarn add left-pad" bun.lockb:"bun add left-pad" package-lock.json:"npm install left-pad"; do
    rm -f pnpm-lock.yaml yarn.lock bun.lockb package-lock.json
    touch "${lock%%:*}"
    want=${lock#*:}
    am schema export
    expect_rc 2
    expect_err "the package left-pad (imported from auth.ts) is not installed"
    expect_err "install it: $want"
  done
  fx_tiny_app deno-pm 'import pad from "left-pad";
console.log(pad);'
  echo '{}' > deno.json && rm -rf node_modules && fx_link_modules . deno
  am schema export
  expect_rc 2
  expect_err "the package left-pad (imported from auth.ts) is not installed"
  expect_err "install it: deno add npm:left-pad"
}

test_monorepo_config_in_a_workspace_package_with_its_own_paths() {
  fx_app monorepo
  mkdir -p node_modules/@acme && ln -s ../../packages/auth node_modules/@acme/auth  # as every workspace tool links it
  cd apps/web
  am schema export
  expect_rc 0
  expect_out "wrote auth-schema.json: 5 tables from src/lib/auth.ts"
  grep -q '"modelName": "users"' auth-schema.json || fail "the workspace package's #/ alias was not applied"
  fx_same_as_expected auth-schema.json
}

test_bun_app_exports_under_bun_chosen_by_its_lock_file() {
  fx_app bun bun
  am schema export
  expect_rc 0
  expect_out "wrote auth-schema.json: 9 tables from src/lib/auth.ts"
  expect_out "bun 1.3.14 for bun.lock in $WORK/bun, bun's own loader)"
  fx_same_as_expected auth-schema.json
  [ ! -e app.db ] || fail "AUTHMIGRATE_SCHEMA_EXPORT was not set under Bun: the app opened its database"
}

test_bun_app_without_bun_names_the_runtime_and_the_fix() {
  fx_app bun
  am schema export
  expect_rc 2
  expect_err "the app runs on bun (bun.lock in $WORK/bun), and bun is not installed (looked in PATH and node_modules/.bin from the project up)"
  expect_err "npm install -D bun"
  expect_err "or pass --runtime node"
  am schema export --runtime node
  expect_rc 2
  expect_err "it imports bun:sqlite (imported from src/lib/auth.ts), which exists only in Bun"
}

test_runtime_flag_overrides_the_project() {
  fx_app nodenext bun
  am schema export --runtime bun
  expect_rc 0
  expect_out "bun 1.3.14 for --runtime bun, bun's own loader)"  # ./config/logging.js naming logging.ts
  fx_same_as_expected auth-schema.json
  am schema export --runtime nodejs
  expect_rc 2
  expect_err "nodejs not in {node,bun,deno}"
}

test_deno_app_exports_under_deno_with_its_import_map() {
  fx_app deno deno
  am schema export
  expect_rc 0
  expect_out "wrote auth-schema.json: 4 tables from lib/auth.ts"
  expect_out "deno 2.9.6 for deno.json in $WORK/deno, deno's own loader)"
  fx_same_as_expected auth-schema.json
  rm -rf node_modules && fx_link_modules .
  am schema export
  expect_rc 2
  expect_err "the app runs on deno (deno.json in $WORK/deno), and deno is not installed"
  expect_err "npm install -D deno"
}
