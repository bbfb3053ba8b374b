# A connection lost while committing (tests/integration/connection_dropper.py drops it as COMMIT is sent,
# so the server rolls back and the client cannot know): every transaction authmigrate runs says that the
# outcome is unknown (exit 1), how to find out, and the next run completes. One test per place that
# commits, all through db/transaction.hpp: a migration file, the one transaction of --tx-mode all, the
# Better Auth schema sync, and a repair.
# PostgreSQL only: SQLite has no connection to lose, and MySQL/MariaDB commit DDL statement by statement
# (no migration file, schema sync or repair of theirs runs in a transaction).

suite_supports() { [ "$1" = postgres ]; }

DROPPER_PID=""
# through_dropper: PROXY_URL, the test database through a proxy that drops the connection at COMMIT.
through_dropper() {
  python3 "$AM_SOURCE_DIR/tests/integration/connection_dropper.py" --match COMMIT --lifetime 120 \
    --to "$(url_part "$DB_URL" host):$(url_part "$DB_URL" port)" --port-file "$WORK/dropper.port" &
  DROPPER_PID=$!
  wait_for_line "$WORK/dropper.port" "" 50 || fail "the proxy did not start" || return 1
  PROXY_URL=$(python3 -c '
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print(u.urlunsplit(p._replace(netloc=p.netloc.rsplit(":", 1)[0] + ":" + sys.argv[2], query="sslmode=disable")))' \
    "$DB_URL" "$(cat "$WORK/dropper.port")")
}
stop_dropper() { kill "$DROPPER_PID" 2>/dev/null; wait "$DROPPER_PID" 2>/dev/null || true; }

expect_in_doubt() {  # how the hint says to find out
  expect_rc 1 || return 1
  expect_err "committing" || return 1
  expect_err "the connection broke while committing: $1" || return 1
}

test_a_file_whose_commit_is_lost_is_in_doubt_and_the_next_run_applies_it() {
  migration 0001_a.sql "CREATE TABLE a (id int);"
  through_dropper || return 1
  am migrate --url "$PROXY_URL"
  stop_dropper
  expect_in_doubt 'run `authmigrate status` to see whether it applied' || return 1
  [ "$(table_exists a)" = 0 ] || fail "the server committed what it never got a COMMIT for" || return 1
  am migrate --url "$DB_URL"
  expect_rc 0 && expect_out "applied 0001_a.sql" || return 1
}

test_the_one_transaction_of_tx_mode_all() {
  migration 0001_a.sql "CREATE TABLE a (id int);"
  migration 0002_b.sql "CREATE TABLE b (id int);"
  through_dropper || return 1
  am migrate --url "$PROXY_URL" --tx-mode all
  stop_dropper
  expect_in_doubt 'run `authmigrate status` to see whether it applied' || return 1
  am migrate --url "$DB_URL" --tx-mode all
  expect_rc 0 && expect_out "applied 2 migrations" || return 1
}

test_the_better_auth_schema_sync() {
  printf '[better_auth]\n' > authmigrate.toml
  through_dropper || return 1
  am migrate --url "$PROXY_URL" --yes
  stop_dropper
  expect_in_doubt 'run `authmigrate status` to see whether it applied' || return 1
  expect_err "the Better Auth schema" || return 1
  [ "$(table_exists user)" = 0 ] || fail "the schema was committed without a COMMIT" || return 1
  am migrate --url "$DB_URL" --yes
  expect_rc 0 && [ "$(table_exists user)" = 1 ] || fail "the next run did not create the schema"
}

test_a_repair() {
  printf '[better_auth]\n' > authmigrate.toml
  am migrate --url "$DB_URL" --yes
  expect_rc 0 || return 1
  sql 'ALTER TABLE "account" ADD COLUMN "issuer" text NOT NULL'
  through_dropper || return 1
  am repair --url "$PROXY_URL" account-issuer
  stop_dropper
  expect_in_doubt 'run `authmigrate verify` to see whether the repair applied' || return 1
  am repair --url "$DB_URL" account-issuer
  expect_rc 0 || return 1
  am verify --url "$DB_URL"
  expect_rc 0
}
