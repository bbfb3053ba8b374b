# The Better Auth schema sync inside `migrate`, `generate` and `status`, on real databases.

table_count() {
  case $DB_KIND in
    sqlite) sql "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'authmigrate_migrations'" ;;
    postgres) sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'authmigrate_migrations'" ;;
    mysql) sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'authmigrate_migrations'" ;;
  esac
}

has_column() {  # table column
  case $DB_KIND in
    sqlite) sql "SELECT count(*) FROM pragma_table_info('$1') WHERE name = '$2'" ;;
    *) sql "SELECT count(*) FROM information_schema.columns WHERE table_name = '$1' AND column_name = '$2' AND table_schema = $( [ "$DB_KIND" = mysql ] && echo 'DATABASE()' || echo "'public'")" ;;
  esac
}

user_table() { [ "$DB_KIND" = mysql ] && echo '`user`' || echo '"user"'; }

test_toml_schema_is_created_then_a_rerun_changes_nothing() {
  printf '[better_auth]\nplugins = ["twoFactor", "organization"]\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "Better Auth schema from"
  expect_out "fields on user table."
  expect_eq "$(table_count)" 8 "user session account verification twoFactor organization member invitation"
  expect_eq "$(has_column user twoFactorEnabled)" 1
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "Better Auth schema is up to date"
  am status --url "$DB_URL" --exit-code
  expect_rc 0
}

test_adding_a_plugin_extends_without_dropping() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(table_count)" 4
  sql "INSERT INTO $(user_table) (id, name, email, $( [ "$DB_KIND" = mysql ] && echo '`emailVerified`, `createdAt`, `updatedAt`' || echo '"emailVerified", "createdAt", "updatedAt"')) VALUES ('u1', 'Ann', 'ann@example.com', $( [ "$DB_KIND" = postgres ] && echo 'true' || echo 1), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
  printf '[better_auth]\nplugins = ["username", "twoFactor"]\n' > authmigrate.toml
  am status --url "$DB_URL" --exit-code
  expect_rc 1
  expect_out "schema pending"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(has_column user username)" 1
  expect_eq "$(table_count)" 5
  expect_eq "$(sql "SELECT count(*) FROM $(user_table)")" 1 "rows are kept"
}

test_unsafe_change_is_refused_before_anything_runs() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  sql "INSERT INTO $(user_table) (id, name, email, $( [ "$DB_KIND" = mysql ] && echo '`emailVerified`, `createdAt`, `updatedAt`' || echo '"emailVerified", "createdAt", "updatedAt"')) VALUES ('u1', 'Ann', 'ann@example.com', $( [ "$DB_KIND" = postgres ] && echo 'true' || echo 1), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
  cat > authmigrate.toml <<'TOML'
[better_auth]
plugins = ["twoFactor"]

[better_auth.user.additional_fields.plan]
type = "string"
required = true
TOML
  migration 0001_after.sql "CREATE TABLE after_schema (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "plan"
  expect_eq "$(has_column user plan)" 0
  expect_eq "$(table_count)" 4 "no twoFactor table, no SQL file: nothing ran"
}

test_generate_then_migrate_runs_the_file_once_and_sync_finds_nothing() {
  printf '[better_auth]\nplugins = ["passkey"]\n' > authmigrate.toml
  am generate --url "$DB_URL" --yes  # as users copy it from the Better Auth CLI's docs
  expect_rc 0
  expect_out "wrote better-auth_migrations/"
  local file
  file=$(ls better-auth_migrations)
  [[ "$file" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}\.[0-9]{3}Z\.sql$ ]] || fail "name: $file"
  grep -q 'create table' "better-auth_migrations/$file" || fail "no DDL in $file"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "applied $file"
  expect_out "Better Auth schema is up to date"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "nothing to apply"
  am generate --url "$DB_URL"
  expect_rc 0
  expect_out "already up to date"
}

test_generate_output_dash_writes_the_sql_alone_to_stdout() {
  printf '[better_auth]\nplugins = ["passkey"]\n' > authmigrate.toml
  am generate --url "$DB_URL" --output file.sql
  expect_rc 0
  am generate --url "$DB_URL" --output -
  expect_rc 0
  cmp -s "$WORK/.out" file.sql || fail "stdout is not exactly the SQL that --output file.sql writes"
  grep -q 'create table' "$WORK/.out" || fail "no DDL on stdout"
  expect_err "wrote the SQL to stdout"
  [ ! -e ./- ] && [ ! -e better-auth_migrations/- ] || fail "a file named - was written"
  expect_eq "$(ls better-auth_migrations)" "" "files in the migration folder"
  am generate --url "$DB_URL" --output - --log-format json
  expect_rc 0
  cmp -s "$WORK/.out" file.sql || fail "with --log-format json, stdout is not exactly the SQL"
  expect_err '"event":"generate.written"'
}

test_dry_run_prints_the_statements_and_changes_nothing() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL" --dry-run
  expect_rc 0
  expect_out "create table"
  expect_eq "$(table_count)" 0
}

test_bad_config_is_reported_with_file_and_line() {
  printf '[better_auth]\nplugins = ["twoFactr"]\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "authmigrate.toml:2"
  expect_err "twoFactor"
  expect_eq "$(table_count)" 0
}

test_schema_json_source_is_used() {
  cp "$AM_SOURCE_DIR/tests/golden/json/core.json" auth-schema.json
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "auth-schema.json"
  expect_eq "$(table_count)" 4
}

# A no-op reads only the Better Auth tables; an index a plugin declares is still looked for by name
# across the schema, where PostgreSQL and SQLite keep index names, and refused before anything runs.
test_an_index_name_another_table_holds_is_refused() {
  [ "$DB_KIND" != mysql ] || not_on_this_database "MySQL keeps index names per table"
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  expect_rc 0
  sql 'CREATE TABLE "audit" ("code" text)'
  sql 'CREATE INDEX "deviceCode_userCode_uidx" ON "audit" ("code")'
  printf '[better_auth]\nplugins = ["deviceAuthorization"]\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err 'Database index name "deviceCode_userCode_uidx" is already used by table "audit"'
  expect_eq "$(table_count)" 5 "nothing was created (audit is the fifth table)"
  sql 'DROP INDEX "deviceCode_userCode_uidx"'
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(table_count)" 6
  am migrate --url "$DB_URL"
  expect_out "Better Auth schema is up to date"
}

# The scoped read still sees an index dropped by hand: Better Auth does not make it again on an existing
# table, so migrate has nothing to do and verify reports it.
test_a_dropped_index_is_reported_by_verify() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL"
  expect_rc 0
  am verify --url "$DB_URL" --strict
  expect_rc 0
  case $DB_KIND in
    mysql) sql 'DROP INDEX `verification_identifier_idx` ON `verification`' ;;
    *) sql 'DROP INDEX "verification_identifier_idx"' ;;
  esac
  am verify --url "$DB_URL" --strict
  expect_rc 7
  expect_out 'Table "verification" has no index on (identifier)'
}
