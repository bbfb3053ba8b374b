# Faults inflicted on purpose: the process killed mid-file, the server stopped mid-run, sixteen
# deployers at once, a lock holder that dies, a backup folder with no room. Each test ends by checking
# the database, not only the exit code. (Runs alone: it stops and starts the test servers.)

export BETTER_AUTH_URL=https://app.example.com

sleep_sql() {  # seconds
  case $DB_KIND in
    postgres) echo "SELECT pg_sleep($1)" ;;
    # A bare SELECT SLEEP() that is killed returns 1 without an error; over two rows it errors.
    mysql) echo "SELECT SLEEP($1 / 2) FROM (SELECT 1 UNION ALL SELECT 2) AS two_rows" ;;
    sqlite) echo "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $(($1 * 4000000))) SELECT count(*) FROM c" ;;
  esac
}


history_rows() { sql "SELECT count(*) FROM authmigrate_migrations WHERE version = '$1'"; }

test_sigkill_mid_file_leaves_nothing_of_it_and_the_next_run_completes() {
  migration 0001_fast.sql "CREATE TABLE fast (id INTEGER PRIMARY KEY);"
  migration 0002_slow.sql "CREATE TABLE slow (id INTEGER PRIMARY KEY);
$(sleep_sql 3);
CREATE TABLE after_slow (id INTEGER PRIMARY KEY);
"
  "$AM_BIN" migrate --url "$DB_URL" >"$WORK/run.out" 2>"$WORK/run.err" &
  local pid=$!
  wait_for_line "$WORK/run.out" "applied 0001_fast.sql" || fail "the first file never applied"
  sleep 0.5
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  expect_eq "$(history_rows 0001)" 1
  expect_eq "$(table_exists after_slow)" 0
  if [ "$DB_KIND" = mysql ]; then
    # DDL committed at once: the file is flagged as started, and must be resolved.
    expect_eq "$(sql "SELECT state FROM authmigrate_migrations WHERE version = '0002'")" started
    am migrate --url "$DB_URL"
    expect_rc 1
    expect_err "did not finish"
    sql "DROP TABLE slow"
    am resolve 0002 --url "$DB_URL" --rolled-back
    expect_rc 0
  else
    expect_eq "$(history_rows 0002)" 0 "the history must not record the killed file"
    # PostgreSQL rolls back when it notices the client is gone; SQLite when the journal is replayed.
    local i
    for i in $(seq 1 50); do [ "$(table_exists slow)" = 0 ] && break; sleep 0.1; done
    expect_eq "$(table_exists slow)" 0 "nothing of the killed file may stay"
  fi
  am migrate --url "$DB_URL" --lock-timeout 30
  expect_rc 0
  expect_out "applied 0002_slow.sql"
  expect_eq "$(table_exists after_slow)" 1
}

test_server_stopped_mid_run_then_the_next_run_completes() {
  [ "$DB_KIND" != sqlite ] || not_on_this_database "a SQLite file has no server to stop"
  local server=postgres data=${AM_PG_DATA:-}
  [ "$DB_KIND" = mysql ] && server=mariadb data=${AM_MYSQL_DATA:-}
  [ -n "${AM_SERVERS_CTL:-}" ] && [ -n "$data" ] && [ -d "$data" ] || skip_test "the servers were not started by scripts/test-servers (no AM_SERVERS_CTL)"
  migration 0001_fast.sql "CREATE TABLE fast (id INTEGER PRIMARY KEY);"
  migration 0002_slow.sql "CREATE TABLE slow (id INTEGER PRIMARY KEY);
$(sleep_sql 5);
"
  "$AM_BIN" migrate --url "$DB_URL" >"$WORK/run.out" 2>"$WORK/run.err" &
  local pid=$!
  wait_for_line "$WORK/run.out" "applied 0001_fast.sql" || fail "the first file never applied"
  sleep 0.5
  bash "$AM_SERVERS_CTL" "$server" stop
  local rc=0
  wait "$pid" || rc=$?
  bash "$AM_SERVERS_CTL" "$server" start
  OUT=$(cat "$WORK/run.out"); ERR=$(cat "$WORK/run.err"); RC=$rc
  no_secret_in "$OUT$ERR"
  [ "$RC" -ne 0 ] || fail "a run whose server went away must fail"
  [[ "$ERR" == *"authmigrate: error:"* ]] || fail "a clear error is expected"
  if [ "$DB_KIND" = mysql ]; then
    am resolve 0002 --url "$DB_URL" --rolled-back
    sql "DROP TABLE IF EXISTS slow"
  fi
  migration 0002_slow.sql "CREATE TABLE slow (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(history_rows 0001)" 1 "nothing applied twice"
  expect_eq "$(history_rows 0002)" 1
}

test_sixteen_deployers_at_once_apply_everything_exactly_once() {
  printf '[better_auth]\nplugins = ["twoFactor"]\n' > authmigrate.toml
  migration 0001_counter.sql "CREATE TABLE counter (n INTEGER NOT NULL);"
  local i
  for i in $(seq -w 2 10); do
    migration "00${i}_step.sql" "INSERT INTO counter (n) VALUES ($i);"
  done
  for i in $(seq 1 16); do launch "d$i" deploy --url "$DB_URL"; done
  wait_launched
  expect_eq "$(sql "SELECT count(*) FROM counter")" 9
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 10
  expect_eq "$(table_exists twoFactor)" 1
}

test_a_lock_holder_that_dies_lets_the_others_go_on() {
  [ "$DB_KIND" != sqlite ] || not_on_this_database "SQLite holds no lock between files"
  migration 0001_slow.sql "$(sleep_sql 3);"
  migration 0002_after.sql "CREATE TABLE after_slow (id INTEGER PRIMARY KEY);"
  "$AM_BIN" migrate --url "$DB_URL" >"$WORK/a.out" 2>"$WORK/a.err" &
  local holder=$!
  sleep 0.7
  "$AM_BIN" migrate --url "$DB_URL" >"$WORK/b.out" 2>"$WORK/b.err" &
  local waiter=$!
  wait_for_line "$WORK/b.out" "waiting for the migration lock" 50 || fail "the second deployer never waited for the lock"
  kill -KILL "$holder"
  wait "$holder" 2>/dev/null || true
  local rc=0
  wait "$waiter" || rc=$?
  if [ "$DB_KIND" = mysql ]; then
    # The lock passed on, but the holder died inside a file MySQL cannot roll back: the next
    # deployer must stop at it rather than step over it.
    [ "$rc" -eq 1 ] && grep -q "did not finish" "$WORK/b.err" || { cat "$WORK/b.err"; fail "expected the interrupted-file refusal"; }
    return 0
  fi
  [ "$rc" -eq 0 ] || { cat "$WORK/b.err"; fail "the waiting deployer must finish once the holder died"; }
  expect_eq "$(table_exists after_slow)" 1
}

test_backup_without_room_stops_before_migrating() {
  [ "$(id -u)" = 0 ] || skip_test "needs root (it mounts a tiny tmpfs)"
  local small="$WORK/small"
  mkdir -p "$small"
  mount -t tmpfs -o size=16k tmpfs "$small" 2>/dev/null || skip_test "cannot mount a tmpfs here"
  sql "CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"
  local i
  for i in $(seq 1 40); do
    sql "INSERT INTO filler (id, body) VALUES ($i, '$(head -c 3000 /dev/urandom | base64 -w0)')"
  done
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am deploy --url "$DB_URL" --backup --backup-dir "$small/backups"
  umount "$small"
  expect_rc 1
  expect_err "backing up"
  expect_err "nothing was migrated"
  expect_eq "$(table_exists a)" 0
  expect_eq "$(table_exists authmigrate_migrations)" 0
}
