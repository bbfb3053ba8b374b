# shellcheck shell=bash
# PostgreSQL through a real PgBouncer in pool_mode = transaction (scripts/test-servers/start-pgbouncer.sh,
# a small pool shared by every client): the pooler is recognised, the run is one transaction that holds
# its own lock, the timeouts reach the server, and what cannot work through it is refused before
# anything changes, naming the direct URL. Also the direct URL itself.

export BETTER_AUTH_URL=https://app.example.com
suite_supports() { [ "$1" = postgres ]; }

: "${AUTHMIGRATE_TEST_PGBOUNCER_URL:=}"

pooled_url() { echo "${AUTHMIGRATE_TEST_PGBOUNCER_URL%/*}/$DB_NAME"; }

need_pooler() { need_server AUTHMIGRATE_TEST_PGBOUNCER_URL PgBouncer; }

advisory_locks() { sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"; }

test_the_pooler_is_recognised_and_the_run_is_one_transaction() {
  need_pooler
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  migration 0002_b.sql "CREATE TABLE b (id INTEGER PRIMARY KEY);"
  am migrate --url "$(pooled_url)"
  expect_rc 0
  expect_out "a connection pooler answers for the server"
  expect_out "the run is one transaction, which holds the migration lock itself"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 2
  expect_eq "$(advisory_locks)" 0 "no session lock stays behind in a pooled server session"
}

test_sixteen_deployers_through_pgbouncer_apply_each_file_exactly_once() {
  need_pooler
  printf '[better_auth]\nplugins = ["twoFactor"]\n' > authmigrate.toml
  migration 0001_counter.sql "CREATE TABLE counter (n INTEGER NOT NULL);"
  local i
  for i in $(seq -w 2 10); do migration "00${i}_step.sql" "INSERT INTO counter (n) VALUES ($i);"; done
  local url
  url=$(pooled_url)
  for i in $(seq 1 16); do launch "d$i" deploy --url "$url" --lock-timeout 60; done
  wait_launched
  expect_eq "$(sql "SELECT count(*) FROM counter")" 9
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 10
  expect_eq "$(sql "SELECT count(DISTINCT version) FROM authmigrate_migrations")" 10
  expect_eq "$(table_exists twoFactor)" 1
  expect_eq "$(advisory_locks)" 0 "no session lock stays behind"
}

test_the_statement_timeout_reaches_the_server_through_the_pooler() {
  need_pooler
  migration 0001_ok.sql "CREATE TABLE fine (id INTEGER PRIMARY KEY);"
  migration 0002_slow.sql "SELECT pg_sleep(5);"
  am migrate --url "$(pooled_url)" --statement-timeout 1
  expect_rc 1
  expect_err "statement timeout"
  expect_eq "$(table_exists fine)" 0 "the run is one transaction: nothing of it stays"
  # The pooled server sessions keep no timeout of ours: SET LOCAL ended with the transaction.
  expect_eq "$(psql "$(pooled_url)" -X -Atqc "SHOW statement_timeout")" 0
}

test_the_lock_timeout_reaches_the_server_through_the_pooler() {
  need_pooler
  sql "CREATE TABLE busy (id INTEGER)"
  migration 0001_alter.sql "ALTER TABLE busy ADD COLUMN extra TEXT;"
  psql "$DB_URL" -X -q -c "BEGIN; LOCK TABLE busy; SELECT pg_sleep(6); COMMIT;" >/dev/null 2>&1 &
  local holder=$!
  sleep 1
  am migrate --url "$(pooled_url)" --lock-timeout 1
  wait "$holder" || true
  expect_rc 1
  expect_err "lock timeout"
}

test_a_no_transaction_file_is_refused_naming_the_direct_url() {
  need_pooler
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  migration 0002_idx.sql "-- authmigrate:no-transaction
CREATE INDEX CONCURRENTLY a_id ON a (id);"
  am migrate --url "$(pooled_url)"
  expect_rc 2
  expect_err "0002_idx.sql runs outside a transaction"
  expect_err "--direct-url"
  expect_eq "$(table_exists a)" 0 "nothing was changed"
  expect_eq "$(table_exists authmigrate_migrations)" 0 "not even the history table"
}

test_a_backup_through_the_pooler_is_refused_before_anything() {
  need_pooler
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am deploy --url "$(pooled_url)" --backup
  expect_rc 2
  expect_err "--backup cannot run through a transaction pooler"
  expect_eq "$(table_exists a)" 0
  [ ! -d .authmigrate/backups ] || [ -z "$(ls -A .authmigrate/backups)" ] || fail "no backup may be started"
}

test_direct_url_from_the_environment_is_used_and_named_masked() {
  need_pooler
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  migration 0002_idx.sql "-- authmigrate:no-transaction
CREATE INDEX CONCURRENTLY a_id ON a (id);"
  local var
  for var in DIRECT_URL DATABASE_URL_UNPOOLED POSTGRES_URL_NON_POOLING; do
    sql "SET client_min_messages = warning; DROP TABLE IF EXISTS a; DROP TABLE IF EXISTS authmigrate_migrations"
    DATABASE_URL=$(pooled_url) env "$var=$DB_URL" "$AM_BIN" deploy --backup >"$WORK/.out" 2>"$WORK/.err"
    RC=$? OUT=$(cat "$WORK/.out") ERR=$(cat "$WORK/.err")
    no_secret_in "$OUT$ERR"
    expect_rc 0
    expect_out "migrating through $var (postgres://postgres:****@127.0.0.1:$AM_PG_PORT/$DB_NAME) rather than DATABASE_URL"
    expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 2
  done
}

test_direct_url_flag_wins_over_an_explicit_pooled_url() {
  need_pooler
  migration 0001_idx.sql "-- authmigrate:no-transaction
CREATE TABLE t (id INTEGER);"
  am migrate --url "$(pooled_url)" --direct-url "$DB_URL"
  expect_rc 0
  expect_out "migrating through --direct-url"
  # An explicit --url without --direct-url is taken as meant, even when DIRECT_URL is set.
  sql "DROP TABLE t; DROP TABLE authmigrate_migrations"
  DIRECT_URL=$DB_URL am migrate --url "$(pooled_url)"
  expect_rc 2
  expect_err "runs outside a transaction"
}

test_pgbouncer_true_in_the_url_is_a_pooler_and_is_not_sent_to_libpq() {
  need_pooler
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL?pgbouncer=true&connection_limit=1"
  expect_rc 0
  expect_out "the URL says pgbouncer=true"
  migration 0002_idx.sql "-- authmigrate:no-transaction
CREATE INDEX CONCURRENTLY a_id ON a (id);"
  am migrate --url "$DB_URL?pgbouncer=false"
  expect_rc 0
  [[ "$OUT$ERR" != *"pooler"* ]] || fail "pgbouncer=false says there is no transaction pooler"
}

test_database_entries_take_a_direct_url_of_their_own() {
  need_pooler
  migration 0001_idx.sql "-- authmigrate:no-transaction
CREATE TABLE t (id INTEGER);"
  local second
  second=$(extra_db second)
  cat > authmigrate.toml <<TOML
[[database]]
name = "first"
url = "$(pooled_url)"
direct_url_env = "FIRST_DIRECT"

[[database]]
name = "second"
url = "${AUTHMIGRATE_TEST_PGBOUNCER_URL%/*}/${second##*/}"
direct_url = "$second"
TOML
  FIRST_DIRECT=$DB_URL am deploy
  expect_rc 0
  expect_out "migrating through authmigrate.toml [[database]] first direct_url (postgres://postgres:****@"
  expect_out "deploy done: 2 databases up to date"
  expect_eq "$(table_exists t)" 1
}
