# shellcheck shell=bash
# Thousands of tenants in one command: 1000 SQLite databases, 200 databases on one PostgreSQL, with a
# bounded --jobs; every tenant is reported, a broken one hides none of the others, and every other one
# ends up fully migrated. (Time and memory per tenant are measured by bench/tenants.sh, not asserted.)

export BETTER_AUTH_URL=https://app.example.com
suite_supports() { [ "$1" = sqlite ] || [ "$1" = postgres ]; }

tenant_files() {
  printf '[better_auth]\nplugins = ["organization"]\n' > authmigrate.toml
  migration 0001_notes.sql "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
  migration 0002_tags.sql "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
  migration 0003_index.sql "CREATE INDEX tags_name ON tags (name);"
}

# summary_check JSON-LOG TOTAL BROKEN-NAME: the summary lists TOTAL databases, only BROKEN-NAME failed.
summary_check() {
  python3 - "$@" <<'PY'
import json, sys
log, total, broken = sys.argv[1], int(sys.argv[2]), sys.argv[3]
summary = [e for e in map(json.loads, open(log)) if e.get("event") == "deploy.summary"]
assert len(summary) == 1, "one deploy.summary event"
rows = summary[0]["databases"]
assert len(rows) == total, f"{len(rows)} rows for {total} databases"
failed = [r for r in rows if r["result"] != "ok"]
assert len(failed) == 1 and broken in failed[0]["database"], f"only the broken tenant failed: {failed[:3]}"
assert failed[0]["error"], "the broken tenant says why"
assert all(r["files_applied"] == 3 for r in rows if r["result"] == "ok"), "every other tenant got every file"
assert summary[0]["failed"] == 1
PY
}

test_a_thousand_sqlite_tenants_with_one_broken() {
  [ "$DB_KIND" = sqlite ] || not_on_this_database "SQLite only"
  tenant_files
  mkdir -p tenants
  local i
  : > urls
  for i in $(seq 1 1000); do echo "sqlite:$WORK/tenants/t$i.db" >> urls; done
  mkdir tenants/t500.db  # a folder where the database file should be
  am deploy --urls-file urls --jobs 16 --log-format json
  expect_rc 3  # the broken tenant cannot be opened
  summary_check "$WORK/.out" 1000 "t500.db" || fail "the summary must report every tenant"
  local bad=0
  for i in $(seq 1 1000); do
    [ "$i" -eq 500 ] && continue
    [ "$(sqlite3 "tenants/t$i.db" "SELECT count(*) FROM authmigrate_migrations; SELECT count(*) FROM sqlite_master WHERE name IN ('member', 'organization', 'invitation', 'tags_name')" | paste -sd' ')" = "3 4" ] || bad=$((bad + 1))
  done
  expect_eq "$bad" 0 "tenants not fully migrated"
}

test_two_hundred_postgres_tenants_with_one_broken() {
  [ "$DB_KIND" = postgres ] || not_on_this_database "PostgreSQL only"
  tenant_files
  local i sql=''
  for i in $(seq 1 200); do sql+="CREATE DATABASE ${DB_NAME}_t$i;"$'\n'; echo "${DB_NAME}_t$i" >> "$WORK/.extra_dbs"; done
  printf '%s' "$sql" | psql "$AUTHMIGRATE_TEST_PG_URL" -X -q -f - >/dev/null
  : > urls
  for i in $(seq 1 200); do
    if [ "$i" -eq 77 ]; then echo "${DB_URL%/*}/${DB_NAME}_missing77" >> urls; else echo "${DB_URL%/*}/${DB_NAME}_t$i" >> urls; fi
  done
  am deploy --urls-file urls --jobs 16 --log-format json --wait-timeout 5
  expect_rc 3
  summary_check "$WORK/.out" 200 "missing77" || fail "the summary must report every tenant"
  local counts
  counts=$(for i in $(seq 1 200); do
    [ "$i" -eq 77 ] && continue
    psql "${DB_URL%/*}/${DB_NAME}_t$i" -X -Atqc "SELECT count(*) FROM authmigrate_migrations"
  done | sort | uniq -c | awk '{print $1 " x " $2}')
  expect_eq "$counts" "199 x 3" "history rows per tenant"
}
