# shellcheck shell=bash
# A small test harness for the packaging suites: every test_* function runs in a subshell with set -e,
# and the run ends with the line "N passed, N failed" (exit 1 when any failed). Sourced, not run.
OUT="" RC=0

# require_or_skip CONDITION WHY: exit 125 (skipped) when CONDITION is false, or fail with CI=true.
require_or_skip() {
  eval "$1" && return 0
  if [[ ${CI:-} == true ]]; then echo "FAIL: $2 (CI=true: nothing may be skipped)"; exit 1; fi
  echo "skip: $2"
  exit 125
}

# url_part URL user|password|host|port|path: one percent-decoded part of a URL
url_part() {
  python3 - "$1" "$2" <<'PY'
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
v = {"user": p.username, "password": p.password, "host": p.hostname, "port": p.port, "path": p.path.lstrip("/")}[sys.argv[2]]
print(u.unquote(str(v)) if v is not None else "")
PY
}
# the password as written in the URL (still percent-encoded)
url_userinfo_password() { local rest=${1#*://}; rest=${rest%%@*}; echo "${rest#*:}"; }

mysql_root() {
  MYSQL_PWD=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password) mariadb --no-defaults \
    -h "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" host)" -P "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" port)" \
    -u "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" user)" "$@"
}

# Fresh databases on the test servers, and the tables in one, for the suites that run a release binary
# (static_binary.sh, windows_binary.sh). DB_PREFIX starts the databases' names.
pg_db() {  # prints the name
  local name="${DB_PREFIX:-am_pkg}_$RANDOM$RANDOM"
  psql -X -q "$AUTHMIGRATE_TEST_PG_URL" -c "CREATE DATABASE $name" >/dev/null && echo "$name"
}
pg_tables() { psql -X -tA "${AUTHMIGRATE_TEST_PG_URL%/*}/$1" -c "select string_agg(tablename, ' ' order by tablename) from pg_tables where schemaname = 'public'"; }
pg_url() { echo "${AUTHMIGRATE_TEST_PG_URL%/*}/$1$2"; }  # DB URL-PARAMS
my_db() {
  local name="${DB_PREFIX:-am_pkg}_$RANDOM$RANDOM"
  mysql_root -e "CREATE DATABASE $name" && echo "$name"
}
my_tables() { mysql_root -N -B "$1" -e "select group_concat(table_name order by table_name separator ' ') from information_schema.tables where table_schema = database()"; }
my_url() { echo "${AUTHMIGRATE_TEST_MYSQL_URL%/}/$1"; }
sqlite_tables() { sqlite3 "$1" "select group_concat(name, ' ') from (select name from sqlite_master where type = 'table' order by name)"; }

# A migration file that sleeps 30 s on PostgreSQL, for the tests that stop authmigrate mid-file; and how
# many such statements run in database DB of the test server.
write_slow_migration() {  # DIR
  mkdir -p "$1" && printf 'CREATE TABLE slow (id integer PRIMARY KEY);\nSELECT pg_sleep(30);\n' >"$1/0001_slow.sql"
}
pg_sleeping() {  # DB
  psql -X -tA "${AUTHMIGRATE_TEST_PG_URL%/*}/$1" -c "select count(*) from pg_stat_activity where datname = '$1' and query like '%pg_sleep(30)%' and pid <> pg_backend_pid()"
}
wait_until_pg_sleeping() {  # DB: until the slow statement runs there (30 s at most)
  local i
  for ((i = 0; i < 150; i++)); do
    [[ $(pg_sleeping "$1") == 1 ]] && return 0
    sleep 0.2
  done
  echo "  the slow statement did not start"
  return 1
}

# no_secret_in TEXT SECRET...: fails when any secret shows in TEXT
no_secret_in() {
  local text=$1 s
  shift
  for s in "$@"; do
    [[ -z $s || $text != *"$s"* ]] || { echo "  SECRET LEAK in the output:"; echo "$text" | sed 's/^/  | /'; return 1; }
  done
}
expect_rc() {
  [[ $RC -eq $1 ]] && return 0
  echo "  expected exit $1, got $RC${2:+ ($2)}; output:"
  echo "$OUT" | sed 's/^/  | /'
  return 1
}
expect_in() {
  [[ $1 == *"$2"* ]] && return 0
  echo "  expected to find: $2"
  echo "$1" | sed 's/^/  | /'
  return 1
}

# run_tests: every test_* function, or those whose name matches the regex AM_TEST_FILTER.
run_tests() {
  local passed=0 failed=0 t
  for t in $(declare -F | awk '{print $3}' | grep '^test_' | grep -E -- "${AM_TEST_FILTER:-.}"); do
    if (set -e; "$t"); then
      echo "ok   $t"; passed=$((passed + 1))
    else
      echo "FAIL $t"; failed=$((failed + 1))
    fi
  done
  echo "$passed passed, $failed failed"
  ((failed == 0))
}
