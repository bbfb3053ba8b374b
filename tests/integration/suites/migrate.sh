# migrate and status: each file once, in order, atomically; edits, gaps and bad names refused.

two_tables() {
  migration 0001_first.sql "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(100));
CREATE INDEX t1_name ON t1 (name);
"
  migration 0002_second.sql "CREATE TABLE t2 (id INTEGER PRIMARY KEY);
INSERT INTO t2 (id) VALUES (1);
"
}

test_fresh_apply_then_rerun_is_a_noop() {
  two_tables
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "applied 0001_first.sql"
  expect_out "applied 2 migrations"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE state = 'applied'")" 2
  expect_eq "$(sql "SELECT count(*) FROM t2")" 1
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "nothing to apply: 2 migrations already applied"
  expect_eq "$(sql "SELECT count(*) FROM t2")" 1 "the second run must not re-run inserts"
}

test_history_records_checksum_and_duration() {
  two_tables
  am migrate --url "$DB_URL"
  expect_rc 0
  local want
  want=$(sha256sum better-auth_migrations/0001_first.sql | cut -d' ' -f1)
  expect_eq "$(sql "SELECT checksum FROM authmigrate_migrations WHERE version = '0001'")" "$want"
  expect_eq "$(sql "SELECT file_name FROM authmigrate_migrations WHERE version = '0002'")" 0002_second.sql
  [[ "$(sql "SELECT applied_by FROM authmigrate_migrations WHERE version = '0001'")" == authmigrate* ]] || fail "applied_by"
}

test_failing_file_is_rolled_back_and_reported_with_its_line() {
  two_tables
  migration 0003_broken.sql "CREATE TABLE t3 (id INTEGER PRIMARY KEY);
INSERT INTO t3 (id) VALUES (1);

INSERT INTO no_such_table (id) VALUES (1);
"
  am migrate --url "$DB_URL"
  expect_rc 1
  expect_err "0003_broken.sql:4"
  expect_err "no_such_table"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE state = 'applied'")" 2 "earlier files stay applied"
  if [ "$DB_KIND" = mysql ]; then
    # DDL commits at once on MySQL: the file is flagged, and the next run refuses until resolved.
    expect_eq "$(sql "SELECT state FROM authmigrate_migrations WHERE version = '0003'")" failed
    am migrate --url "$DB_URL"
    expect_rc 1
    expect_err "authmigrate resolve 0003"
  else
    expect_err "rolled back"
    expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE version = '0003'")" 0
    [ -z "$(sql "SELECT 1 FROM t3" 2>/dev/null)" ] || fail "t3 must not exist after the rollback"
    migration 0003_broken.sql "CREATE TABLE t3 (id INTEGER PRIMARY KEY);
INSERT INTO t3 (id) VALUES (1);
"
    am migrate --url "$DB_URL"
    expect_rc 0
    expect_eq "$(sql "SELECT count(*) FROM t3")" 1
  fi
}

test_syntax_error_is_reported_at_its_line() {
  migration 0001_syntax.sql "CREATE TABLE ok1 (id INTEGER PRIMARY KEY);

-- a comment
CREATE TABLEX broken (id INTEGER);
"
  am migrate --url "$DB_URL"
  expect_rc 1
  expect_err "0001_syntax.sql:4"
}

test_edited_applied_file_is_refused_before_anything_runs() {
  two_tables
  am migrate --url "$DB_URL"
  expect_rc 0
  printf '\n-- edited\n' >> better-auth_migrations/0001_first.sql
  migration 0003_new.sql "CREATE TABLE t3 (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL"
  expect_rc 5
  expect_err "0001_first.sql"
  expect_err "changed since it was applied"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 2 "the new file must not run"
  am status --url "$DB_URL"
  expect_out "EDITED"
}

test_missing_applied_file_is_refused_unless_allowed() {
  two_tables
  am migrate --url "$DB_URL"
  rm better-auth_migrations/0001_first.sql
  am migrate --url "$DB_URL"
  expect_rc 5
  expect_err "0001_first.sql"
  am status --url "$DB_URL"
  expect_rc 0
  expect_out "MISSING"
  am migrate --url "$DB_URL" --allow-missing
  expect_rc 0
}

test_out_of_order_file_is_refused_unless_allowed() {
  migration 0002_second.sql "CREATE TABLE t2 (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL"
  expect_rc 0
  migration 0001_first.sql "CREATE TABLE t1 (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "out of order"
  am migrate --url "$DB_URL" --allow-out-of-order
  expect_rc 0
  expect_out "applied 0001_first.sql"
}

test_dry_run_changes_nothing() {
  two_tables
  am migrate --url "$DB_URL" --dry-run
  expect_rc 0
  expect_out "would apply 0001_first.sql"
  expect_out "would apply 0002_second.sql"
  am status --url "$DB_URL" --exit-code
  expect_rc 1
  expect_out "2 pending"
}

test_status_exit_code_says_whether_anything_is_pending() {
  two_tables
  am status --url "$DB_URL"
  expect_rc 0
  am status --url "$DB_URL" --exit-code
  expect_rc 1
  am migrate --url "$DB_URL"
  am status --url "$DB_URL" --exit-code
  expect_rc 0
  expect_out "2 applied, 0 pending"
}

test_badly_named_files_are_all_listed_and_nothing_runs() {
  two_tables
  migration add_users.sql "SELECT 1;"
  migration 12-bad.sql "SELECT 1;"
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "add_users.sql"
  expect_err "12-bad.sql"
  expect_err "2 problems"
  am status --url "$DB_URL"
  expect_rc 2
}

test_better_auth_generated_names_are_accepted_in_order() {
  migration 2026-11-24T10-15-30.123Z.sql "CREATE TABLE ba1 (id INTEGER PRIMARY KEY);"
  migration 2026-11-25T08-00-00.000Z.sql "CREATE TABLE ba2 (id INTEGER PRIMARY KEY);"
  am migrate --url "$DB_URL"
  expect_rc 0
  local first
  first=$(printf '%s\n' "$OUT" | grep -n "applied 2026-11-24" | cut -d: -f1)
  local second
  second=$(printf '%s\n' "$OUT" | grep -n "applied 2026-11-25" | cut -d: -f1)
  [ "$first" -lt "$second" ] || fail "files must apply in version order"
}

test_new_writes_a_file_that_migrate_applies() {
  rmdir better-auth_migrations
  am new "add orders"
  expect_rc 0
  local file
  file=$(ls better-auth_migrations)
  [[ "$file" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}\.[0-9]{3}Z_add_orders\.sql$ ]] || fail "bad name: $file"
  echo "CREATE TABLE orders (id INTEGER PRIMARY KEY);" >> "better-auth_migrations/$file"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "applied $file"
}

test_json_log_lines_are_json() {
  two_tables
  am migrate --url "$DB_URL" --log-format json
  expect_rc 0
  printf '%s\n' "$OUT" | python3 -c '
import json, sys
events = [json.loads(line) for line in sys.stdin if line.strip()]
assert any(e["event"] == "migration.applied" and e["file"] == "0001_first.sql" for e in events), events
assert all("ts" in e and e["ts"].endswith("Z") for e in events)
' || fail "stdout is not JSON lines with the expected events"
  migration 0003_bad.sql "INSERT INTO nowhere VALUES (1);"
  am migrate --url "$DB_URL" --log-format json
  expect_rc 1
  printf '%s\n' "$OUT" | python3 -c '
import json, sys
events = [json.loads(line) for line in sys.stdin if line.strip()]
err = [e for e in events if e["event"] == "error"][0]
assert err["exit_code"] == 1 and err["kind"] == "migration_failed", err
assert "0003_bad.sql" in err["msg"], err
' || fail "the error must be a JSON line"
}

test_no_transaction_directive_runs_outside_a_transaction() {
  if [ "$DB_KIND" = postgres ]; then
    migration 0001_t.sql "CREATE TABLE big (id INTEGER PRIMARY KEY, v INTEGER);"
    migration 0002_idx.sql "-- authmigrate:no-transaction
CREATE INDEX CONCURRENTLY big_v ON big (v);
"
  else
    migration 0001_t.sql "CREATE TABLE big (id INTEGER PRIMARY KEY, v INTEGER);"
    migration 0002_idx.sql "-- authmigrate:no-transaction
CREATE INDEX big_v ON big (v);
"
  fi
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(sql "SELECT state FROM authmigrate_migrations WHERE version = '0002'")" applied
}

# A database file holds data: a new SQLite file is its owner's alone, whatever the umask; a file that
# exists keeps the mode its owner gave it.
test_a_new_sqlite_database_file_is_private() {
  [ "$DB_KIND" = sqlite ] || not_on_this_database "SQLite only"
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  (umask 022 && "$AM_BIN" migrate --url "sqlite:$WORK/new.db" >/dev/null 2>&1)
  expect_eq "$(stat -c %a "$WORK/new.db")" 600
  : >"$WORK/shared.db" && chmod 640 "$WORK/shared.db"
  am migrate --url "sqlite:$WORK/shared.db"
  expect_rc 0
  expect_eq "$(stat -c %a "$WORK/shared.db")" 640
}
