# Helpers for the integration suites: fresh databases, running the binary, assertions.
# Every run of the binary is checked for leaked secrets (the database password, BETTER_AUTH_SECRET).

: "${AUTHMIGRATE_TEST_PG_URL:=}"
: "${AUTHMIGRATE_TEST_MYSQL_URL:=}"
export BETTER_AUTH_SECRET="test-secret-8d1f0c4e6b2a9d7e5c3b1a0f9e8d7c6b"
export NO_COLOR=1
unset DATABASE_URL

# The suite may override this: which database kinds it applies to.
suite_supports() { return 0; }

am_check_server() {
  local url
  case $DB_KIND in
    sqlite) return 0 ;;
    postgres) url=$AUTHMIGRATE_TEST_PG_URL ;;
    mysql) url=$AUTHMIGRATE_TEST_MYSQL_URL ;;
  esac
  if [ -z "$url" ]; then
    if [ "${CI:-}" = "true" ]; then
      echo "FAIL: no $DB_KIND server configured (AUTHMIGRATE_TEST_*_URL) and CI=true"
      return 1
    fi
    echo "skip: no $DB_KIND server configured; run scripts/test.sh to start one"
    return 125
  fi
}

# url_part URL field -> one decoded part of a URL (user, password, host, port, path)
url_part() {
  python3 - "$1" "$2" <<'PY'
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1]); f = sys.argv[2]
v = {"user": p.username, "password": p.password, "host": p.hostname, "port": p.port, "path": p.path.lstrip("/")}[f]
print(u.unquote(str(v)) if v is not None else "")
PY
}

mysql_admin() {
  MYSQL_PWD=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password) mariadb --no-defaults -N -B \
    -h "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" host)" -P "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" port)" \
    -u "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" user)" "$@"
}

# Sets WORK (a fresh folder, the current directory) and DB_URL (a fresh, empty database).
am_begin_test() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/am-it.XXXXXX")
  cd "$WORK" || return 1
  DB_NAME="am_$(date +%s%N | tail -c 9)_$RANDOM"
  case $DB_KIND in
    sqlite)
      DB_URL="sqlite:$WORK/test.db"
      DB_PASSWORD="" ;;
    postgres)
      psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "CREATE DATABASE $DB_NAME" >/dev/null || return 1
      DB_URL="${AUTHMIGRATE_TEST_PG_URL%/*}/$DB_NAME"
      DB_PASSWORD=$(url_part "$AUTHMIGRATE_TEST_PG_URL" password) ;;
    mysql)
      mysql_admin -e "CREATE DATABASE $DB_NAME" || return 1
      DB_URL="${AUTHMIGRATE_TEST_MYSQL_URL%/}"
      DB_URL="${DB_URL%/*}/$DB_NAME"
      case $AUTHMIGRATE_TEST_MYSQL_URL in */) DB_URL="${AUTHMIGRATE_TEST_MYSQL_URL}$DB_NAME" ;; esac
      DB_PASSWORD=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password) ;;
  esac
  mkdir -p better-auth_migrations
  OUT="" ERR="" RC=0
  export WORK DB_URL DB_NAME DB_PASSWORD
}

am_end_test() {
  cd / || true
  local extra drops=''
  for extra in $(cat "$WORK/.extra_dbs" 2>/dev/null); do
    case $DB_KIND in
      postgres) drops+="DROP DATABASE IF EXISTS $extra WITH (FORCE);"$'\n' ;;
      mysql) drops+="DROP DATABASE IF EXISTS $extra;"$'\n' ;;
    esac
  done
  if [ -n "$drops" ]; then  # one session for all of them: a test may have made hundreds
    case $DB_KIND in
      postgres) printf '%s' "$drops" | psql "$AUTHMIGRATE_TEST_PG_URL" -q -f - >/dev/null 2>&1 ;;
      mysql) printf '%s' "$drops" | mysql_admin >/dev/null 2>&1 ;;
    esac
  fi
  case $DB_KIND in
    postgres) psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 ;;
    mysql) mysql_admin -e "DROP DATABASE IF EXISTS $DB_NAME" >/dev/null 2>&1 ;;
  esac
  [ "${KEEP_WORK:-}" = 1 ] || rm -rf "$WORK"
}

# extra_db SUFFIX -> the URL of one more fresh database (a file on SQLite), dropped with the test's own.
extra_db() {
  local name="${DB_NAME}_$1"
  case $DB_KIND in
    sqlite) echo "sqlite:$WORK/$1.db"; return ;;
    postgres) psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "CREATE DATABASE $name" >/dev/null || return 1
              echo "${DB_URL%/*}/$name" ;;
    mysql) mysql_admin -e "CREATE DATABASE $name" || return 1
           echo "${DB_URL%/*}/$name" ;;
  esac
  echo "$name" >>"$WORK/.extra_dbs"
}

# sql "STATEMENT" -> rows, tab-separated, on the test database
sql() {
  case $DB_KIND in
    sqlite) sqlite3 -batch -separator $'\t' "$WORK/test.db" "$1" ;;
    postgres) psql "$DB_URL" -q -tA -F $'\t' -c "$1" ;;
    mysql) mysql_admin "$DB_NAME" -e "$1" ;;
  esac
}

# wait_for_line FILE TEXT [TENTHS]: until FILE holds TEXT (default 10 s); 1 when it never does
wait_for_line() {  # file text [tenths]
  local i
  for i in $(seq 1 "${3:-100}"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# need_server VARIABLE WHAT: 0 when the topology's URL variable is set; else 1 (the test skips),
# or a failure with CI=true, where every server must be there.
need_server() {
  [ -n "${!1:-}" ] && return 0
  [ "${CI:-}" != true ] || fail "no $2 ($1) and CI=true"
  skip_test "no $2 configured ($1)"
}

# A test that does not run says so, and is counted as skipped (run_suite.sh), never as passed. Tests run
# in a subshell: these end it.
#   not_on_this_database WHY: the suite declares the test does not apply to $DB_KIND (expected; fine in CI)
#   skip_test WHY: something this machine lacks (a server, root); with CI=true the run fails
not_on_this_database() { echo "  skip: $*"; exit 78; }
skip_test() { echo "  skip: $*"; exit 77; }

# launch NAME ARGS...: the binary in the background, output in $WORK/NAME.out and .err;
# wait_launched: waits for every launched run and fails, showing their stderr, unless all exited 0.
LAUNCHED=()
launch() {
  "$AM_BIN" "${@:2}" >"$WORK/$1.out" 2>"$WORK/$1.err" &
  LAUNCHED+=("$1:$!")
}
wait_launched() {
  local entry failed=0
  for entry in "${LAUNCHED[@]}"; do
    wait "${entry#*:}" || { failed=1; sed 's/^/    /' "$WORK/${entry%%:*}.err"; }
  done
  LAUNCHED=()
  [ "$failed" -eq 0 ] || fail "every launched run must exit 0"
}

# table_exists NAME -> 1 when the test database has that table, else 0
table_exists() {
  case $DB_KIND in
    sqlite) sql "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '$1'" ;;
    postgres) sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '$1'" ;;
    mysql) sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '$1'" ;;
  esac
}

# am ARGS... : runs the binary; sets RC, OUT, ERR. Fails the test if a secret shows up anywhere.
am() {
  set +e
  "$AM_BIN" "$@" >"$WORK/.out" 2>"$WORK/.err"
  RC=$?
  set -e
  OUT=$(cat "$WORK/.out")
  ERR=$(cat "$WORK/.err")
  no_secret_in "$OUT$ERR"
}

no_secret_in() {
  if [ -n "${DB_PASSWORD:-}" ] && [[ "$1" == *"$DB_PASSWORD"* ]]; then
    echo "SECRET LEAK: the database password appears in the output:"; echo "$1"; return 1
  fi
  if [[ "$1" == *"$BETTER_AUTH_SECRET"* ]]; then
    echo "SECRET LEAK: BETTER_AUTH_SECRET appears in the output:"; echo "$1"; return 1
  fi
}

fail() { echo "  $*"; echo "  --- stdout:"; echo "$OUT" | sed 's/^/  /'; echo "  --- stderr:"; echo "$ERR" | sed 's/^/  /'; return 1; }
expect_rc() { [ "$RC" -eq "$1" ] || fail "expected exit $1, got $RC"; }
expect_out() { [[ "$OUT" == *"$1"* ]] || fail "stdout lacks: $1"; }
expect_err() { [[ "$ERR" == *"$1"* ]] || fail "stderr lacks: $1"; }
expect_eq() { [ "$1" = "$2" ] || fail "expected [$2], got [$1]${3:+ ($3)}"; }

migration() { printf '%s' "$2" > "better-auth_migrations/$1"; }

# An identifier quoted for the suite's database, and the text type MySQL can index and default.
q() { [ "$DB_KIND" = mysql ] && echo "\`$1\`" || echo "\"$1\""; }
text_type() { [ "$DB_KIND" = mysql ] && echo 'varchar(255)' || echo text; }
