# Deadlines reach the server: a statement past --statement-timeout or the overall --timeout is
# cancelled and rolled back; a signal does the same; the lock is free afterwards.

slow_statement() {
  case $DB_KIND in
    postgres) echo "SELECT pg_sleep(20)" ;;
    # A bare SELECT SLEEP() that is killed returns 1 without an error; over two rows it errors.
    mysql) echo "SELECT SLEEP(10) FROM (SELECT 1 UNION ALL SELECT 2) AS two_rows" ;;
    sqlite) echo "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT count(*) FROM c" ;;
  esac
}

slow_file() {
  migration 0001_fast.sql "CREATE TABLE fast (id INTEGER PRIMARY KEY);"
  migration 0002_slow.sql "CREATE TABLE slow (id INTEGER PRIMARY KEY);
$(slow_statement);
"
}

expect_slow_not_applied() {
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE version = '0002'")" 0 "0002 must not be recorded"
  if [ "$DB_KIND" != mysql ]; then
    [ -z "$(sql "SELECT 1 FROM slow" 2>/dev/null)" ] || fail "table slow must have been rolled back"
  fi
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE version = '0001'")" 1
}

test_statement_timeout_cancels_the_statement() {
  slow_file
  local start end
  start=$(date +%s)
  am migrate --url "$DB_URL" --statement-timeout 1
  end=$(date +%s)
  expect_rc 1
  [ $((end - start)) -le 10 ] || fail "took $((end - start)) s"
  [ "$DB_KIND" = mysql ] && return 0  # the marker and resolve path is covered in resolve.sh
  expect_slow_not_applied
}

test_overall_deadline_cancels_and_rolls_back_with_exit_3() {
  slow_file
  local start end
  start=$(date +%s)
  am migrate --url "$DB_URL" --timeout 2
  end=$(date +%s)
  expect_rc 3
  expect_err "deadline"
  [ $((end - start)) -le 10 ] || fail "took $((end - start)) s for a 2 s deadline"
  [ "$DB_KIND" = mysql ] && return 0
  expect_slow_not_applied
  # The lock is free: a fast run goes through.
  migration 0002_slow.sql "CREATE TABLE slow (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL" --lock-timeout 2
  expect_rc 0
}

# Starts the slow run in the background (pid in $pid) and waits until it is in the slow file.
start_slow_run() {
  slow_file
  "$AM_BIN" migrate --url "$DB_URL" >"$WORK/run.out" 2>"$WORK/run.err" &
  pid=$!
  local i
  for i in $(seq 1 50); do
    grep -q "applied 0001_fast.sql" "$WORK/run.out" 2>/dev/null && break
    sleep 0.1
  done
  sleep 0.5
}

test_sigterm_cancels_rolls_back_and_frees_the_lock() {
  start_slow_run
  kill -TERM "$pid"
  local rc=0
  wait "$pid" || rc=$?
  OUT=$(cat "$WORK/run.out"); ERR=$(cat "$WORK/run.err"); RC=$rc
  no_secret_in "$OUT$ERR"
  expect_rc 130
  expect_err "interrupted"
  [ "$DB_KIND" = mysql ] && return 0
  expect_slow_not_applied
  migration 0002_slow.sql "CREATE TABLE slow (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL" --lock-timeout 2
  expect_rc 0
}

# The same stop delivered twice at once (npx, a process group, a platform signalling every process)
# still cancels cleanly, instead of exiting at once as a second Ctrl-C a second later does.
test_a_doubled_signal_still_rolls_back() {
  start_slow_run
  # The watcher takes the first at once and is busy cancelling when the second arrives.
  kill -TERM "$pid"
  kill -TERM "$pid" 2>/dev/null || true
  local rc=0
  wait "$pid" || rc=$?
  OUT=$(cat "$WORK/run.out"); ERR=$(cat "$WORK/run.err"); RC=$rc
  expect_rc 130
  expect_err "interrupted"
  [ "$DB_KIND" = mysql ] && return 0
  expect_slow_not_applied
}


# Ctrl-C at "Apply these changes to the Better Auth schema? [y/N]" ends the run at once, exit 130 and
# nothing changed; it used to wait for a second Ctrl-C. script(1) gives the run a terminal; its input is
# a FIFO held open, so the question waits for an answer that never comes.
test_ctrl_c_at_the_schema_question_ends_the_run() {
  command -v script >/dev/null || skip_test "no script(1) (bsdutils) to give the run a terminal"
  printf '[better_auth]\nplugins = ["username"]\n' > authmigrate.toml
  mkfifo "$WORK/answer"
  exec 3<>"$WORK/answer"
  script -qfec "$(printf '%q migrate --url %q' "$AM_BIN" "$DB_URL")" "$WORK/tty.log" <"$WORK/answer" >/dev/null 2>&1 &
  local script_pid=$! rc=0
  wait_for_line "$WORK/tty.log" "Apply these changes" || { exec 3>&-; fail "the question never came"; }
  pkill -INT -f -n "^$AM_BIN migrate" || { exec 3>&-; fail "no authmigrate to interrupt"; }
  timeout 10 tail --pid="$script_pid" -f /dev/null || { kill "$script_pid"; exec 3>&-; fail "the run did not end within 10 s of Ctrl-C"; }
  wait "$script_pid" || rc=$?
  exec 3>&-
  OUT=$(cat "$WORK/tty.log"); ERR="" RC=$rc
  no_secret_in "$OUT"
  expect_rc 130
  expect_out "interrupted"
  expect_eq "$(table_exists user)" 0 "nothing was created"
}
