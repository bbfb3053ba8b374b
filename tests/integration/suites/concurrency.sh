# Eight runners started at once on a fresh database apply each file exactly once.

test_eight_concurrent_runners_apply_each_file_once() {
  migration 0001_counter.sql "CREATE TABLE counter (n INTEGER NOT NULL);"
  for i in $(seq -w 2 20); do
    migration "00${i}_step.sql" "CREATE TABLE step_$i (id INTEGER PRIMARY KEY);
INSERT INTO counter (n) VALUES ($i);
"
  done
  local pids=() i
  for i in 1 2 3 4 5 6 7 8; do
    "$AM_BIN" migrate --url "$DB_URL" --lock-timeout 60 >"$WORK/run$i.out" 2>"$WORK/run$i.err" &
    pids+=($!)
  done
  local failed=0
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      failed=1
      echo "  runner $((i + 1)) failed:"; sed 's/^/    /' "$WORK/run$((i + 1)).err"
    fi
  done
  [ "$failed" -eq 0 ] || fail "every runner must exit 0"
  expect_eq "$(sql "SELECT count(*) FROM counter")" 19 "each insert exactly once"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 20
  local total
  total=$(cat "$WORK"/run*.out | grep -c "applied 00" || true)
  expect_eq "$total" 20 "20 files applied across all runners"
}

test_lock_held_elsewhere_times_out_with_exit_4() {
  [ "$DB_KIND" = sqlite ] && return 0  # covered by the busy-timeout test below
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  local holder
  if [ "$DB_KIND" = postgres ]; then
    local key
    key=$(python3 -c 'import hashlib; print(int(hashlib.sha256(b"authmigrate_migrations").hexdigest()[:15], 16))')
    psql "$DB_URL" -q -c "SELECT pg_advisory_lock($key); SELECT pg_sleep(20);" >/dev/null 2>&1 &
    holder=$!
    local i
    for i in $(seq 1 100); do
      [ "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] && break
      sleep 0.1
    done
  else
    mysql_admin "$DB_NAME" -e "SELECT GET_LOCK(LEFT(CONCAT('authmigrate:', DATABASE()), 64), 0); SELECT SLEEP(20);" >/dev/null 2>&1 &
    holder=$!
    local i
    for i in $(seq 1 100); do
      [ "$(sql "SELECT IS_USED_LOCK(LEFT(CONCAT('authmigrate:', DATABASE()), 64)) IS NOT NULL")" = 1 ] && break
      sleep 0.1
    done
  fi
  am migrate --url "$DB_URL" --lock-timeout 1
  kill "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
  expect_rc 4
  expect_err "migration lock"
  expect_out "waiting for the migration lock"
}

test_sqlite_writer_elsewhere_times_out_with_exit_4() {
  [ "$DB_KIND" = sqlite ] || not_on_this_database "SQLite only"
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE"); time.sleep(6)' "$WORK/test.db" &
  local holder=$!
  sleep 1
  am migrate --url "$DB_URL" --lock-timeout 1
  wait "$holder" || true
  expect_rc 4
}
