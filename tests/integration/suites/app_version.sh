# The app's installed better-auth against the schema: the real binary in real project folders, with the
# version in node_modules or only in a lock file (fixtures made by npm, pnpm, yarn and bun:
# tests/unit/project/fixtures). Outside the catalogue's range, or unlike the export: a warning naming
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

test_inside_the_catalogue_range_says_which_version_runs() {
  core_toml
  installed 1.7.25
  generate
  expect_rc 0 && expect_out "the app runs better-auth 1.7.25" || return 1
  [[ "$OUT$ERR" != *"warning"* ]] || fail "a warning for a version the catalogue describes"
}

test_newer_than_the_catalogue_warns_and_strict_refuses() {
  core_toml
  installed 1.8.0
  generate
  expect_rc 0 && expect_err "warning: the app installed better-auth 1.8.0" && expect_err "better-auth 1.7.3 to 1.7.25" || return 1
  [ -f out.sql ] || fail "without --strict the file is still written"
  rm -f out.sql
  generate --strict
  expect_rc 2 && expect_err "better-auth 1.8.0" && expect_err "1.7.25" && expect_err "nothing ran (--strict)" || return 1
  [ ! -f out.sql ] || fail "--strict wrote the file anyway"
}

test_the_1_7_0_to_1_7_2_line_is_outside_the_catalogue() {
  core_toml
  installed 1.7.1
  generate --strict
  expect_rc 2 && expect_err "the app installed better-auth 1.7.1" || return 1
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
    expect_rc 0 && expect_out "the app runs better-auth 1.7.25" || { echo "  ($dir)"; return 1; }
  done
}

test_a_monorepo_app_finds_the_hoisted_node_modules() {
  installed 1.8.0
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

test_no_project_files_no_version_line() {
  core_toml
  generate --strict
  expect_rc 0 || return 1
  [[ "$OUT$ERR" != *"better-auth 1."* ]] || fail "a version was reported without any project file"
}
