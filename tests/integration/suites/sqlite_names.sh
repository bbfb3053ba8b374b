# SQLite compares table names without regard to case: an app's own table whose name differs from one of
# Better Auth's only in case (`apiKey` beside `apikey`) is named as that clash, with the way out, by
# migrate and status before anything runs, and by verify beside the missing table; a model_name for Better
# Auth's table gets past it.

suite_supports() { [ "$1" = sqlite ]; }

test_a_table_differing_only_in_case_is_named_before_anything_runs() {
  sql 'CREATE TABLE "apiKey" (id TEXT PRIMARY KEY, label TEXT)'
  printf '[better_auth]\nplugins = ["apiKey"]\n' > authmigrate.toml
  am migrate --url "$DB_URL" --yes
  expect_rc 2 && expect_err "Better Auth's table \"apikey\" cannot be created: SQLite compares table names without regard to case, and the database already has the table \"apiKey\"" || return 1
  expect_err "model_name" || return 1
  [ "$(table_exists user)" = 0 ] || fail "a table was created although the run was refused"
  am status --url "$DB_URL"
  expect_rc 2 && expect_err "already has the table \"apiKey\"" || return 1
  printf '[better_auth]\nplugins = ["apiKey"]\n[better_auth.plugin.apiKey.schema.apikey]\nmodel_name = "auth_api_key"\n' > authmigrate.toml
  am migrate --url "$DB_URL" --yes
  expect_rc 0 || return 1
  [ "$(table_exists auth_api_key)" = 1 ] || fail "the renamed table was not created"
}

test_verify_names_the_clash_beside_the_missing_table() {
  sql 'CREATE TABLE "apiKey" (id TEXT PRIMARY KEY, label TEXT)'
  printf '[better_auth]\nplugins = ["apiKey"]\n' > authmigrate.toml
  am verify --url "$DB_URL"
  [ "$RC" -ne 0 ] || fail "verify accepted a database without Better Auth's tables"
  expect_out "Table \"apikey\" is missing" || return 1
  expect_out "Better Auth's table \"apikey\" cannot be created: SQLite compares table names without regard to case, and the database already has the table \"apiKey\"" || return 1
  expect_out "model_name" || return 1
  am verify --url "$DB_URL" --log-format json
  expect_out '"table-name-clash"' || return 1
}
