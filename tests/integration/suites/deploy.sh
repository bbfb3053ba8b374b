# deploy: preflight, wait, lock, backup, schema sync, SQL files, verify, restore; many databases.

export BETTER_AUTH_URL=https://app.example.com

# A text snapshot of the whole database, schema and rows.
snapshot() {  # [database-name]
  local name=${1:-$DB_NAME}
  case $DB_KIND in
    sqlite) sqlite3 "$WORK/test.db" .dump ;;
    postgres) pg_dump --no-owner --no-privileges "${AUTHMIGRATE_TEST_PG_URL%/*}/$name" | grep -v -e '^--' -e '^$' -e '^\\restrict' -e '^\\unrestrict' ;;
    mysql) MYSQL_PWD=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password) mariadb-dump --no-defaults --skip-dump-date --skip-comments \
             -h "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" host)" -P "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" port)" \
             -u "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" user)" "$name" ;;
  esac
}

quoted() { [ "$DB_KIND" = mysql ] && echo "\`$1\`" || echo "\"$1\""; }

test_preflight_lists_every_problem_and_touches_nothing() {
  [ "$DB_KIND" = sqlite ] || not_on_this_database "SQLite only"
  migration bad-name.sql "SELECT 1;"
  BETTER_AUTH_SECRET=short BETTER_AUTH_URL=not-a-url am deploy --url "$DB_URL" --require-env RESEND_API_KEY
  expect_rc 2
  expect_err "BETTER_AUTH_SECRET is 5 characters long"
  expect_err "BETTER_AUTH_URL is not an absolute http(s) URL"
  expect_err "RESEND_API_KEY is not set"
  expect_err "bad-name.sql"
  [ ! -f "$WORK/test.db" ] || fail "preflight must not open the database"
  am check --url "postgres://u:p@host:99999/x"
  expect_rc 2
  expect_err "port"
  rm better-auth_migrations/bad-name.sql
  RESEND_API_KEY=x am check --url "$DB_URL" --require-env RESEND_API_KEY
  expect_rc 0
  expect_out "preflight passed"
}

test_fresh_deploy_then_a_rerun_changes_nothing() {
  printf '[better_auth]\nplugins = ["twoFactor"]\n' > authmigrate.toml
  migration 0001_profile.sql "CREATE TABLE profile (id INTEGER PRIMARY KEY, $(quoted userId) VARCHAR(36) REFERENCES $(quoted user) ($(quoted id)));"
  am deploy --url "$DB_URL" --log-format json
  expect_rc 0
  printf '%s\n' "$OUT" | python3 -c '
import json, sys
ev = [json.loads(l) for l in sys.stdin if l.strip()]
steps = [e["step"] for e in ev if e["event"] == "deploy.step"]
assert steps == ["lock", "migrate", "verify"], steps
s = [e for e in ev if e["event"] == "deploy.summary"][0]
assert s["failed"] == 0 and s["databases"][0]["files_applied"] == 1 and s["databases"][0]["schema_statements"] > 0, s
' || fail "JSON steps and summary"
  am deploy --url "$DB_URL"
  expect_rc 0
  expect_out "Better Auth schema is up to date"
  expect_out "0 applied, 1 already applied"
}

test_failed_deploy_restores_the_backup_with_schema_and_rows() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  migration 0001_notes.sql "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100));
INSERT INTO notes (id, body) VALUES (1, 'first');
"
  am deploy --url "$DB_URL"
  expect_rc 0
  sql "INSERT INTO notes (id, body) VALUES (2, 'second')"
  local before
  before=$(snapshot)
  # The next deploy syncs a plugin (new table, new columns), applies a good file, then fails.
  printf '[better_auth]\nplugins = ["twoFactor", "username"]\n' > authmigrate.toml
  migration 0002_more.sql "CREATE TABLE extra (id INTEGER PRIMARY KEY);
INSERT INTO notes (id, body) VALUES (3, 'third');
"
  migration 0003_broken.sql "INSERT INTO nowhere VALUES (1);"
  am deploy --url "$DB_URL" --backup --backup-dir "$WORK/backups"
  expect_rc 1
  expect_err "restored"
  local after
  after=$(snapshot)
  if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") | head -20
    fail "the database must be exactly as before the deploy"
  fi
  local file
  file=$(ls "$WORK/backups")
  [ "$(stat -c %a "$WORK/backups")" = 700 ] || fail "backup folder must be 0700"
  [ "$(stat -c %a "$WORK/backups/$file")" = 600 ] || fail "backup file must be 0600"
  [ -z "$DB_PASSWORD" ] || [[ "$file" != *"$DB_PASSWORD"* ]] || fail "backup name holds the password"
}

test_keep_prunes_old_backups() {
  local i
  for i in 1 2 3; do  # a new file each time: a deploy with nothing to change takes no backup
    migration "000${i}_t.sql" "CREATE TABLE t$i (id INTEGER PRIMARY KEY);"
    am deploy --url "$DB_URL" --backup --backup-dir "$WORK/backups" --keep 2
    expect_rc 0
    sleep 0.01
  done
  expect_eq "$(ls "$WORK/backups" | wc -l)" 2
}

test_log_file_keeps_a_private_copy() {
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am deploy --url "$DB_URL" --log-file "$WORK/deploy.log"
  expect_rc 0
  grep -q "applied 0001_a.sql" "$WORK/deploy.log" || fail "log file lacks the steps"
  [ "$(stat -c %a "$WORK/deploy.log")" = 600 ] || fail "log file must be 0600"
  no_secret_in "$(cat "$WORK/deploy.log")"
}

# 20 databases, 4 at a time, one broken: the other 19 are deployed and the summary says so.
test_twenty_databases_with_one_broken() {
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  local urls=() i name
  for i in $(seq 1 20); do
    name="${DB_NAME}_t$i"
    case $DB_KIND in
      sqlite) urls+=("sqlite:$WORK/tenant$i.db") ;;
      postgres) psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "CREATE DATABASE $name" >/dev/null; urls+=("${AUTHMIGRATE_TEST_PG_URL%/*}/$name") ;;
      mysql) mysql_admin -e "CREATE DATABASE $name"; urls+=("${DB_URL%/*}/$name") ;;
    esac
  done
  # Tenant 7 already has a table the migration wants to create.
  case $DB_KIND in
    sqlite) sqlite3 "$WORK/tenant7.db" "CREATE TABLE a (x int)" ;;
    postgres) psql "${urls[6]}" -q -c "CREATE TABLE a (x int)" ;;
    mysql) mysql_admin "${DB_NAME}_t7" -e "CREATE TABLE a (x int)" ;;
  esac
  printf '%s\n' "# tenants" "${urls[@]}" > urls.txt
  am deploy --urls-file urls.txt --jobs 4 --log-format json
  local rc=$RC
  for i in $(seq 1 20); do
    case $DB_KIND in
      postgres) psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS ${DB_NAME}_t$i WITH (FORCE)" >/dev/null ;;
      mysql) mysql_admin -e "DROP DATABASE IF EXISTS ${DB_NAME}_t$i" ;;
    esac
  done
  RC=$rc
  [ "$RC" -ne 0 ] || fail "one database failed: the exit code must be non-zero"
  printf '%s\n' "$OUT" | python3 -c '
import json, sys
ev = [json.loads(l) for l in sys.stdin if l.strip()]
s = [e for e in ev if e["event"] == "deploy.summary"][0]
rows = s["databases"]
assert len(rows) == 20, len(rows)
bad = [r for r in rows if r["result"] != "ok"]
assert len(bad) == 1 and "7" in bad[0]["database"], bad
assert all(r["files_applied"] == 1 for r in rows if r["result"] == "ok")
' || fail "summary must list 20 databases with only tenant 7 failed"
}

# deploy runs the schema change and every pending file in one transaction (--tx-mode all): a failure
# anywhere leaves the database exactly as it was, with no backup to restore.
test_a_failed_deploy_changes_nothing_without_a_backup() {
  [ "$DB_KIND" = mysql ] && return 0
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  migration 0001_notes.sql "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100));"
  am deploy --url "$DB_URL"
  expect_rc 0
  local before after
  before=$(snapshot)
  printf '[better_auth]\nplugins = ["twoFactor"]\n' > authmigrate.toml
  migration 0002_more.sql "CREATE TABLE extra (id INTEGER PRIMARY KEY);
INSERT INTO notes (id, body) VALUES (3, 'third');"
  migration 0003_broken.sql "INSERT INTO nowhere VALUES (1);"
  am deploy --url "$DB_URL"
  expect_rc 1
  expect_err "0003_broken.sql"
  expect_err "rolled back the run's transaction"
  expect_err "0002_more.sql, the Better Auth schema change"
  after=$(snapshot)
  [ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") | head; fail "the database changed"; }
  # --tx-mode file: what ran before the failure stays.
  am deploy --url "$DB_URL" --tx-mode file
  expect_rc 1
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 2
  expect_eq "$(sql "SELECT count(*) FROM notes")" 1
}

test_a_no_transaction_file_closes_the_batch_before_it() {
  [ "$DB_KIND" = mysql ] && return 0
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  migration 0002_b.sql "-- authmigrate:no-transaction
CREATE TABLE b (id INTEGER PRIMARY KEY);"
  migration 0003_c.sql "CREATE TABLE c (id INTEGER PRIMARY KEY);"
  migration 0004_broken.sql "INSERT INTO nowhere VALUES (1);"
  am deploy --url "$DB_URL"
  expect_rc 1
  expect_out "committed 1 file before 0002_b.sql, which runs outside a transaction"
  expect_eq "$(sql "SELECT version FROM authmigrate_migrations ORDER BY version" | tr '\n' ' ')" "0001 0002 "
  rm better-auth_migrations/0004_broken.sql
  am deploy --url "$DB_URL"
  expect_rc 0
  expect_out "1 applied, 2 already applied"
}
