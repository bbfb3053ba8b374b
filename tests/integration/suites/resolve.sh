# resolve: settling a migration that stopped half-way where DDL cannot roll back (MySQL), and
# marking files applied without running them.

test_interrupted_migration_blocks_until_resolved() {
  migration 0001_a.sql "CREATE TABLE a (id INTEGER PRIMARY KEY);"
  migration 0002_half.sql "CREATE TABLE b (id INTEGER PRIMARY KEY);
INSERT INTO nowhere VALUES (1);
"
  am migrate --url "$DB_URL"
  expect_rc 1
  if [ "$DB_KIND" != mysql ]; then
    return 0  # rolled back whole elsewhere: covered by migrate.sh
  fi
  expect_err "resolve 0002"
  am status --url "$DB_URL"
  expect_out "INTERRUPTED"
  am migrate --url "$DB_URL"
  expect_rc 1
  expect_err "did not finish"
  # Undo by hand, then let it run again.
  sql "DROP TABLE b"
  migration 0002_half.sql "CREATE TABLE b (id INTEGER PRIMARY KEY);
"
  am resolve 0002 --url "$DB_URL" --rolled-back
  expect_rc 0
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "applied 0002_half.sql"
}

test_resolve_applied_marks_without_running() {
  migration 0001_manual.sql "CREATE TABLE manual (id INTEGER PRIMARY KEY);"
  sql "CREATE TABLE manual (id INTEGER PRIMARY KEY)"
  am resolve 0001_manual.sql --url "$DB_URL" --applied
  expect_rc 0
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "nothing to apply"
}

test_resolve_needs_a_choice() {
  am resolve 0001 --url "$DB_URL"
  expect_rc 2
}
