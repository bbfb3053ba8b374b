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

# hold_lock_elsewhere: another session holds the migration lock (for 20 s) until `release_lock`.
HOLDER=
hold_lock_elsewhere() {
  local i
  if [ "$DB_KIND" = postgres ]; then
    local key
    key=$(python3 -c 'import hashlib; print(int(hashlib.sha256(b"authmigrate_migrations").hexdigest()[:15], 16))')
    psql "$DB_URL" -q -c "SELECT pg_advisory_lock($key); SELECT pg_sleep(20);" >/dev/null 2>&1 &
    HOLDER=$!
    for i in $(seq 1 100); do
      [ "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] && return 0
      sleep 0.1
    done
  else
    mysql_admin "$DB_NAME" -e "SELECT GET_LOCK(LEFT(CONCAT('authmigrate:', DATABASE()), 64), 0); SELECT SLEEP(20);" >/dev/null 2>&1 &
    HOLDER=$!
    for i in $(seq 1 100); do
      [ "$(sql "SELECT IS_USED_LOCK(LEFT(CONCAT('authmigrate:', DATABASE()), 64)) IS NOT NULL")" = 1 ] && return 0
      sleep 0.1
    done
  fi
  fail "the other session never got the lock"
}
release_lock() {
  kill "$HOLDER" 2>/dev/null || true
  wait "$HOLDER" 2>/dev/null || true
}

test_lock_held_elsewhere_times_out_with_exit_4() {
  [ "$DB_KIND" != sqlite ] || not_on_this_database "covered by the SQLite writer test below"
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  hold_lock_elsewhere
  am migrate --url "$DB_URL" --lock-timeout 1
  release_lock
  expect_rc 4
  expect_err "migration lock"
  expect_out "waiting for the migration lock"
}

# A run that finds nothing to do reads without the lock (issue 19): it ends while another deployer holds
# it. Anything to do — a new file, a Better Auth table dropped by hand — still waits for the lock.
test_a_run_with_nothing_to_do_does_not_wait_for_the_lock() {
  [ "$DB_KIND" != sqlite ] || not_on_this_database "SQLite has no lock to hold apart from a write"
  printf '[better_auth]\nplugins = ["username"]\n' > authmigrate.toml
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL" --yes
  expect_rc 0
  hold_lock_elsewhere
  am migrate --url "$DB_URL" --lock-timeout 1
  expect_rc 0
  expect_out "nothing to apply: 1 migration already applied"
  expect_out "Better Auth schema is up to date"
  if [[ "$OUT$ERR" == *"waiting for the migration lock"* ]]; then release_lock; fail "a no-op waited for the lock"; fi
  sql "DROP TABLE verification" >/dev/null
  am migrate --url "$DB_URL" --lock-timeout 1 --yes
  local dropped_rc=$RC
  migration 0002_b.sql "CREATE TABLE b (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL" --lock-timeout 1 --yes
  local file_rc=$RC
  release_lock
  expect_eq "$dropped_rc" 4 "a dropped Better Auth table is a change: the run waits for the lock"
  expect_eq "$file_rc" 4 "a new file is a change: the run waits for the lock"
  am migrate --url "$DB_URL" --yes
  expect_rc 0
  expect_eq "$(sql "SELECT count(*) FROM verification")" 0 "the table is back"
}

# The same for deploy, the command every release runs: a deploy with nothing to do verifies and ends
# while another holds the lock, and takes no backup (nothing will change); one with a new file waits.
test_a_deploy_with_nothing_to_do_takes_no_lock_and_no_backup() {
  [ "$DB_KIND" != sqlite ] || not_on_this_database "SQLite has no lock to hold apart from a write"
  export BETTER_AUTH_URL=https://app.example.com BETTER_AUTH_SECRET=0123456789abcdef0123456789abcdef
  printf '[better_auth]\nplugins = ["username"]\n' > authmigrate.toml
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  am deploy --url "$DB_URL"
  expect_rc 0
  hold_lock_elsewhere
  am deploy --url "$DB_URL" --lock-timeout 1 --backup --backup-dir "$WORK/backups" --log-format json
  local noop_rc=$RC noop_out=$OUT
  migration 0002_b.sql "CREATE TABLE b (id INTEGER PRIMARY KEY);"
  am deploy --url "$DB_URL" --lock-timeout 1
  local file_rc=$RC
  release_lock
  expect_eq "$noop_rc" 0 "a no-op deploy does not wait for the lock"
  printf '%s\n' "$noop_out" | python3 -c '
import json, sys
ev = [json.loads(l) for l in sys.stdin if l.strip()]
steps = [e["step"] for e in ev if e["event"] == "deploy.step"]
assert steps == ["migrate", "verify"], steps
assert any("no lock taken, no backup needed" in e.get("msg", "") for e in ev), ev
' || fail "the no-op's steps"
  expect_eq "$(ls "$WORK/backups" 2>/dev/null | wc -l)" 0 "no backup of a database nothing will change"
  expect_eq "$file_rc" 4 "a new file is a change: the deploy waits for the lock"
  am deploy --url "$DB_URL"
  expect_rc 0
  expect_out "1 applied, 1 already applied"
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
