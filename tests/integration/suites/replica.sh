# shellcheck shell=bash
# PostgreSQL primary and streaming hot standby (scripts/test-servers/start-pg-replica.sh): a URL that
# reaches only the replica is refused before the lock and the backup (exit 3); a URL listing both
# finds the primary; and a failover in the middle of a deploy — on a private pair of servers, so the
# shared ones stay as they are — loses nothing and applies nothing twice.

export BETTER_AUTH_URL=https://app.example.com
suite_supports() { [ "$1" = postgres ]; }

: "${AUTHMIGRATE_TEST_PG_REPLICA_URL:=}"

need_replica() { need_server AUTHMIGRATE_TEST_PG_REPLICA_URL "PostgreSQL replica"; }

replica_url() { echo "${AUTHMIGRATE_TEST_PG_REPLICA_URL%/*}/$DB_NAME"; }

# Waits until the replica has replayed the primary's WAL so far (the test database included).
replica_caught_up() {
  local lsn i
  lsn=$(psql "$AUTHMIGRATE_TEST_PG_URL" -X -Atqc "SELECT pg_current_wal_lsn()")
  for i in $(seq 1 100); do
    [ "$(psql "$AUTHMIGRATE_TEST_PG_REPLICA_URL" -X -Atqc "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ] && return 0
    sleep 0.1
  done
  fail "the replica did not catch up in 10 s"
}

test_a_replica_is_refused_before_the_lock_and_the_backup() {
  need_replica
  replica_caught_up
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am deploy --url "$(replica_url)" --backup
  expect_rc 3
  expect_err "takes no writes: it is a read-only replica (a hot standby"
  expect_err "nothing was changed"
  [ ! -d .authmigrate/backups ] || [ -z "$(ls -A .authmigrate/backups)" ] || fail "no backup may be taken"
  am migrate --url "$(replica_url)"
  expect_rc 3
  expect_err "read-only replica"
  am migrate --url "$(replica_url)" --log-format json
  [[ "$OUT" == *'"kind":"read_only"'* ]] || fail "the JSON error names the kind read_only"
  # Reading is fine on a replica.
  am status --url "$(replica_url)"
  expect_rc 0
}

test_a_url_with_both_hosts_finds_the_primary_whichever_comes_first() {
  need_replica
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  local replica_port url
  replica_port=$(url_part "$AUTHMIGRATE_TEST_PG_REPLICA_URL" port)
  url="${DB_URL%@*}@127.0.0.1:$replica_port,127.0.0.1:$AM_PG_PORT/$DB_NAME"
  am deploy --url "$url" --backup  # pg_dump too goes to the primary, not to the first host
  expect_rc 0
  expect_out "127.0.0.1:$replica_port,127.0.0.1:$AM_PG_PORT"
  expect_out "backup taken"
  expect_eq "$(table_exists a)" 1
}

# A private primary + standby pair, on ports of its own (in /tmp: the servers' users cannot enter $WORK).
start_pair() {
  local base=$1
  PAIR_DIR=$(mktemp -d /tmp/am-pair.XXXXXX)
  export PAIR_DIR PAIR_PG=$base PAIR_REPLICA=$((base + 1))
  AM_SERVERS_DIR=$PAIR_DIR AM_PG_PORT=$PAIR_PG AM_PG_REPLICA_PORT=$PAIR_REPLICA \
    bash "$AM_SOURCE_DIR/scripts/test-servers/start-postgres.sh" >"$WORK/pair-start.log" 2>&1 || { cat "$WORK/pair-start.log"; return 1; }
  AM_SERVERS_DIR=$PAIR_DIR AM_PG_PORT=$PAIR_PG AM_PG_REPLICA_PORT=$PAIR_REPLICA \
    bash "$AM_SOURCE_DIR/scripts/test-servers/start-pg-replica.sh" >>"$WORK/pair-start.log" 2>&1 || { cat "$WORK/pair-start.log"; return 1; }
}
pair_ctl() { AM_SERVERS_DIR=$PAIR_DIR AM_PG_PORT=$PAIR_PG AM_PG_REPLICA_PORT=$PAIR_REPLICA bash "$AM_SERVERS_CTL" "$@"; }
stop_pair() {
  AM_SERVERS_DIR=$PAIR_DIR AM_PG_PORT=$PAIR_PG AM_PG_REPLICA_PORT=$PAIR_REPLICA \
    bash "$AM_SOURCE_DIR/scripts/test-servers/stop.sh" >/dev/null 2>&1 || true
  rm -rf "$PAIR_DIR"
}
free_base_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; do
    port=$((port + 2))
  done
  echo "$port"
}

test_failover_during_a_deploy_loses_nothing_and_applies_nothing_twice() {
  need_replica
  start_pair "$(free_base_port 57432)" || fail "the private primary/replica pair did not start"
  trap stop_pair EXIT  # the test runs in a subshell of its own
  local pw_url both i rc=0
  pw_url="postgres://postgres:$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=""))' "$AM_TEST_PASSWORD")"
  psql "$pw_url@127.0.0.1:$PAIR_PG/postgres" -X -q -c "CREATE DATABASE app" >/dev/null
  both="$pw_url@127.0.0.1:$PAIR_PG,127.0.0.1:$PAIR_REPLICA/app"
  printf '[better_auth]\nplugins = ["twoFactor"]\n' > authmigrate.toml
  migration 0001_first.sql "CREATE TABLE first_table (id INTEGER PRIMARY KEY);"
  migration 0002_slow.sql "CREATE TABLE slow_table (id INTEGER PRIMARY KEY); SELECT pg_sleep(4);"
  migration 0003_last.sql "CREATE TABLE last_table (id INTEGER PRIMARY KEY);"
  # The primary stops while 0002 sleeps inside the deploy's one transaction.
  "$AM_BIN" deploy --url "$both" >"$WORK/first.out" 2>"$WORK/first.err" &
  local deployer=$!
  wait_for_line "$WORK/first.out" "took the migration lock" 100 || fail "the deploy never took the migration lock"
  sleep 1
  pair_ctl postgres stop
  wait "$deployer" || rc=$?
  [ "$rc" -eq 3 ] || fail "a deploy whose primary went away fails as unreachable (exit 3), got $rc"
  grep -q "rolled back the run's transaction" "$WORK/first.err" || fail "the failed deploy says it rolled back"
  # A deploy started before the promotion waits for it (every host is a standby for a while).
  "$AM_BIN" deploy --url "$both" --wait-timeout 60 >"$WORK/second.out" 2>"$WORK/second.err" &
  local second=$!
  sleep 2
  pair_ctl replica promote
  wait "$second" || { cat "$WORK/second.err"; fail "the deploy after the failover must complete"; }
  grep -q "waiting for database" "$WORK/second.out" || fail "the second deploy waited for a primary"
  local promoted="$pw_url@127.0.0.1:$PAIR_REPLICA/app"
  for i in 0001 0002 0003; do
    expect_eq "$(psql "$promoted" -X -Atqc "SELECT count(*) FROM authmigrate_migrations WHERE version = '$i'")" 1 "history of $i"
  done
  expect_eq "$(psql "$promoted" -X -Atqc "SELECT count(*) FROM pg_tables WHERE tablename IN ('first_table', 'slow_table', 'last_table', 'twoFactor')")" 4
  # And a third run has nothing to do.
  am deploy --url "$both"
  expect_rc 0
  expect_out "0 applied, 3 already applied"
}
