# The command line itself: help, bad usage, URLs and the environment. Needs no server.

suite_supports() { [ "$1" = sqlite ]; }

test_help_and_version() {
  am --help
  expect_rc 0
  expect_out "migrate"
  expect_out "Exit codes: 0 ok, 1 "
  local code
  for code in 2 3 4 5 6 7 70; do expect_out ", $code "; done
  expect_out ", 130 interrupted."
  am --version
  expect_rc 0
  expect_out "authmigrate "
}

test_unknown_command_is_usage_error() {
  am migrat
  expect_rc 2
  expect_err "authmigrate: error:"
}

test_missing_url_is_a_config_error() {
  am migrate
  expect_rc 2
  expect_err "DATABASE_URL"
}

test_malformed_url_names_the_part_and_hides_the_password() {
  DB_PASSWORD=Sup3rS3cretPw am migrate --url "postgres://app:Sup3rS3cretPw@db.example:99999/app"
  expect_rc 2
  expect_err "port"
  DB_PASSWORD=Sup3rS3cretPw am migrate --url "postgress://app:Sup3rS3cretPw@db/app"
  expect_rc 2
  expect_err "scheme"
}

test_url_from_env_file_and_real_environment_wins() {
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  printf 'DATABASE_URL="sqlite:%s/from-file.db"\n' "$WORK" > .env
  am migrate
  expect_rc 0
  [ -f "$WORK/from-file.db" ] || fail ".env DATABASE_URL was not used"
  DATABASE_URL="sqlite:$WORK/from-env.db" am migrate
  expect_rc 0
  [ -f "$WORK/from-env.db" ] || fail "the real environment must win over .env"
}

test_broken_env_file_is_reported_with_its_line() {
  printf 'GOOD=1\nthis is not an assignment\n' > custom.env
  am migrate --url "$DB_URL" --env-file custom.env
  expect_rc 2
  expect_err "custom.env:2"
}

test_missing_env_file_is_an_error() {
  am migrate --url "$DB_URL" --env-file nowhere.env
  expect_rc 2
  expect_err "nowhere.env"
}

test_explicit_missing_dir_is_an_error_but_default_is_not() {
  rmdir better-auth_migrations
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "no migration files"
  am migrate --url "$DB_URL" --dir nowhere
  expect_rc 2
  expect_err "nowhere"
}

test_secret_from_env_is_masked_wherever_it_would_show() {
  am migrate --url "sqlite:/no/such/$BETTER_AUTH_SECRET/app.db"
  expect_rc 3
  expect_err "/no/such/****/app.db"
}

test_unopenable_sqlite_path_is_exit_3() {
  am migrate --url "sqlite:/no/such/folder/app.db"
  expect_rc 3
  expect_err "/no/such/folder"
}
