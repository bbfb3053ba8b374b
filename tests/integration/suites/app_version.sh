# The app's installed better-auth selects the catalogue's release, and is checked against the schema: the
# real binary in real project folders, with the version in node_modules or only in a lock file (fixtures
# made by npm, pnpm, yarn and bun: tests/unit/project/fixtures). A release asked for that is not the
# installed one, one newer than every known release, or an export from another release: a warning naming
# both versions, and with --strict exit 2 before anything runs.

# It needs no database server: generate --from-empty and a SQLite file.
suite_supports() { [ "$1" = sqlite ]; }

FIXTURES="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../unit/project/fixtures" && pwd)"

installed() {  # VERSION: node_modules/better-auth/package.json
  mkdir -p node_modules/better-auth
  printf '{ "name": "better-auth", "version": "%s" }\n' "$1" > node_modules/better-auth/package.json
}

core_toml() { printf '[better_auth]\nplugins = []\n' > authmigrate.toml; }

generate() { am generate --from-empty --dialect sqlite --output out.sql "$@"; }

test_the_installed_release_selects_the_schema() {
  core_toml
  installed 1.7.25
  generate
  expect_rc 0 && expect_out "the schema of better-auth 1.7.25 ($WORK/node_modules/better-auth/package.json)" || return 1
  [[ "$OUT$ERR" != *"warning"* ]] || fail "a warning for a release the catalogue knows"
}

test_the_newest_release_needs_no_warning_and_passes_strict() {
  core_toml
  installed 1.7.29
  generate --strict
  expect_rc 0 && expect_out "the schema of better-auth 1.7.29" || return 1
  [[ "$OUT$ERR" != *"warning"* ]] || fail "a warning for 1.7.29"
}

test_newer_than_every_known_release_warns_and_strict_refuses() {
  core_toml
  installed 9.8.0
  generate
  expect_rc 0 && expect_err "warning: better-auth 9.8.0" && expect_err "is newer than the newest release this authmigrate knows" || return 1
  [ -f out.sql ] || fail "without --strict the file is still written"
  rm -f out.sql
  generate --strict
  expect_rc 2 && expect_err "better-auth 9.8.0" && expect_err "nothing ran (--strict)" || return 1
  [ ! -f out.sql ] || fail "--strict wrote the file anyway"
}

test_the_1_7_0_to_1_7_2_line_has_its_own_schema() {
  core_toml
  installed 1.7.1
  generate --strict
  expect_rc 0 || return 1
  grep -q '"issuer"' out.sql || fail "better-auth 1.7.1's account.issuer is not in the DDL"
  rm -f out.sql
  installed 1.7.3
  generate --strict
  expect_rc 0 || return 1
  ! grep -q '"issuer"' out.sql || fail "better-auth 1.7.3 has no account.issuer"
}

test_a_version_asked_for_that_is_not_installed_warns_naming_both() {
  core_toml
  installed 1.6.22
  generate --better-auth-version 1.7.29
  expect_rc 0 && expect_err "the schema is built for better-auth 1.7.29 (--better-auth-version), but the app installed better-auth 1.6.22" || return 1
  generate --better-auth-version 1.7.29 --strict
  expect_rc 2 && expect_err "nothing ran (--strict)" || return 1
  printf '[better_auth]\nversion = "1.7.29"\nplugins = []\n' > authmigrate.toml
  generate
  expect_rc 0 && expect_err "better-auth 1.7.29 ([better_auth] version), but the app installed better-auth 1.6.22" || return 1
}

test_a_bad_version_and_a_plugin_the_release_lacks_are_config_errors() {
  core_toml
  generate --better-auth-version 1.7
  expect_rc 2 && expect_err '--better-auth-version "1.7" is not an exact better-auth version' || return 1
  printf '[better_auth]\nversion = "latest"\nplugins = []\n' > authmigrate.toml
  generate
  expect_rc 2 && expect_err "authmigrate.toml:2" && expect_err "must be an exact better-auth version" || return 1
  printf '[better_auth]\nplugins = ["oidcProvider"]\n' > authmigrate.toml
  generate --better-auth-version 1.7.29
  expect_rc 2 && expect_err "plugin \`oidcProvider\` is not in better-auth 1.7.29" || return 1
  generate --better-auth-version 1.6.22
  expect_rc 0 && grep -q '"oauthApplication"' out.sql || fail "1.6.22 has oidcProvider's tables"
  generate --better-auth-version 1.2.0
  expect_rc 2 && expect_err "older than every release the catalogue knows" || return 1
}

test_a_stale_export_is_named_against_the_lock_file() {
  printf '{"format":"authmigrate-schema/1","betterAuthVersion":"1.7.20","tables":{"user":{"modelName":"user","fields":{"name":{"type":"string"}}}}}\n' > auth-schema.json
  cp "$FIXTURES/npm-v3/package-lock.json" .
  generate --schema auth-schema.json
  expect_rc 0 && expect_err "auth-schema.json was exported from better-auth 1.7.20" || return 1
  expect_err "the app installed better-auth 1.7.25 ($WORK/package-lock.json)" || return 1
  generate --schema auth-schema.json --strict
  expect_rc 2 || return 1
}

test_every_lock_format_is_read_when_node_modules_is_absent() {
  core_toml
  local dir file
  for dir in npm-v1 npm-v3 pnpm-v6 pnpm-v9 yarn-classic yarn-berry bun; do
    rm -f package-lock.json pnpm-lock.yaml yarn.lock bun.lock
    for file in "$FIXTURES/$dir"/*; do cp "$file" .; done
    generate --strict
    expect_rc 0 && expect_out "the schema of better-auth 1.7.25" || { echo "  ($dir)"; return 1; }
  done
}

test_a_monorepo_app_finds_the_hoisted_node_modules() {
  installed 9.8.0
  mkdir -p apps/web && cd apps/web && core_toml
  generate --strict
  expect_rc 2 && expect_err "$WORK/node_modules/better-auth/package.json" || return 1
}

test_a_broken_package_json_is_a_config_error_naming_it() {
  core_toml
  mkdir -p node_modules/better-auth && echo '{ "version": ' > node_modules/better-auth/package.json
  generate
  expect_rc 2 && expect_err "node_modules/better-auth/package.json" || return 1
}

test_no_project_files_the_newest_known_release_said() {
  core_toml
  generate --strict
  expect_rc 0 && expect_out "the newest release authmigrate knows; the app's better-auth was not found" || return 1
}
