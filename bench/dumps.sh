#!/usr/bin/env bash
# Benchmark of a large dump as a migration: authmigrate side by side with each database's own client
# applying the same file (psql -1 -f, mariadb <, sqlite3 <), on a fresh database each run.
#
# Usage: bench/dumps.sh [--runs N] [--tables N] [--rows N] [--db all|pg|mysql|sqlite]
#   --runs N    timed repetitions (default 5, plus one warm-up)
#   --tables N  tables in the generated source database (default 40)
#   --rows N    rows per table (default 350): 40 x 350 gives dumps of about 15,000 lines
#
# The dumps are made by the databases' own dump tools from a database this script builds: pg_dump
# (COPY ... FROM stdin blocks), mariadb-dump --skip-extended-insert --routines --triggers (one INSERT
# per row, DELIMITER ;; bodies), sqlite3 .dump (BEGIN TRANSACTION ... COMMIT). On PostgreSQL pgTAP's
# install script (postgresql-15-pgtap) is measured too, on MariaDB its sys schema, when installed.
#
# Servers: the test servers of scripts/test-servers/ when they answer (AM_SERVERS_DIR, AM_PG_PORT,
# AM_MYSQL_PORT as there), else throwaway ones started for the run and stopped at the end.
# AUTHMIGRATE_BIN: the binary to measure (default build/src/cli/authmigrate).
# Prints medians and the ratio to the native client; the target of issue 9 is <= 1.2. The exit status
# does not depend on the timings.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)
source "$bench/lib.sh"

runs=5 tables=40 rows=350 which=all
while (($#)); do
  case $1 in
  --runs) runs=${2:?}; shift 2 ;;
  --tables) tables=${2:?}; shift 2 ;;
  --rows) rows=${2:?}; shift 2 ;;
  --db) which=${2:?}; shift 2 ;;
  -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
  *) die "unknown argument: $1" ;;
  esac
done
case $which in all | pg | mysql | sqlite) ;; *) die "--db must be all, pg, mysql or sqlite" ;; esac

am=$(realpath "${AUTHMIGRATE_BIN:-$root/build/src/cli/authmigrate}")
[[ -x $am ]] || bash "$root/scripts/build.sh" build -DAUTHMIGRATE_BUILD_TESTS=OFF >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-dumps.XXXXXX")
started=0
cleanup() {
  local status=$?
  set +e
  if ((started)); then bash "$root/scripts/test-servers/stop.sh" >&2; rm -rf "$AM_SERVERS_DIR"; fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cc -O2 -o "$work/measure" "$bench/measure.c"
cd "$work"

# --- servers ---------------------------------------------------------------------------------------
source "$root/scripts/test-servers/env.sh"
pg_ok() { PGCONNECT_TIMEOUT=3 psql -X -Atqc 'SELECT 1' "$AUTHMIGRATE_TEST_PG_URL" >/dev/null 2>&1; }
my() { MYSQL_PWD=$AM_TEST_PASSWORD mariadb --no-defaults -h 127.0.0.1 -P "$AM_MYSQL_PORT" -u root "$@"; }
my_ok() { my -e 'SELECT 1' >/dev/null 2>&1; }
need_pg=0 need_my=0
[[ $which == all || $which == pg ]] && need_pg=1
[[ $which == all || $which == mysql ]] && need_my=1
if { ((need_pg)) && ! pg_ok; } || { ((need_my)) && ! my_ok; }; then
  say "starting throwaway servers (scripts/test-servers/)"
  export AM_SERVERS_DIR AM_PG_PORT AM_MYSQL_PORT
  AM_SERVERS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-dumps-servers.XXXXXX")
  AM_PG_PORT=55491 AM_MYSQL_PORT=53391
  started=1
  ((need_pg)) && bash "$root/scripts/test-servers/start-postgres.sh" >&2
  ((need_my)) && bash "$root/scripts/test-servers/start-mariadb.sh" >&2
  source "$root/scripts/test-servers/env.sh"
fi
pg_base=${AUTHMIGRATE_TEST_PG_URL%/*}
my_base=${AUTHMIGRATE_TEST_MYSQL_URL%/}

# --- the source databases and their dumps ----------------------------------------------------------
generate_sql() {  # pg|mysql|sqlite
  local d=$1 t
  for ((t = 1; t <= tables; t++)); do
    case $d in
    pg) echo "CREATE TABLE t$t (id serial PRIMARY KEY, name text NOT NULL, note text, n int, at timestamptz DEFAULT now());" ;;
    mysql) echo "CREATE TABLE t$t (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, note TEXT, n INT, KEY t${t}_name (name));" ;;
    sqlite) echo "CREATE TABLE t$t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, n INT);" ;;
    esac
    [[ $d == mysql ]] || echo "CREATE INDEX t${t}_name ON t$t (name);"
    echo "INSERT INTO t$t (name, note, n) SELECT 'name ' || x, 'a; note with ''quotes'' and tabs	here', x FROM seq;" |
      { [[ $d == mysql ]] && sed "s/'name ' || x/CONCAT('name ', x)/" || cat; }
  done
}
seq_table() {  # a table `seq` of 1..rows, to insert from
  case $1 in
  pg) echo "CREATE TEMP TABLE seq AS SELECT generate_series(1, $rows) AS x;" ;;
  mysql) echo "CREATE TEMPORARY TABLE seq (x INT); INSERT INTO seq WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < $rows) SELECT x FROM r;" ;;
  sqlite) echo "CREATE TEMP TABLE seq AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < $rows) SELECT x FROM r;" ;;
  esac
}

dumps=()
if [[ $which == all || $which == pg ]]; then
  psql -X -q -c "DROP DATABASE IF EXISTS bench_dump_src" -c "CREATE DATABASE bench_dump_src" "$AUTHMIGRATE_TEST_PG_URL"
  { seq_table pg; generate_sql pg; } | psql -X -q -v ON_ERROR_STOP=1 "$pg_base/bench_dump_src"
  pg_dump "$pg_base/bench_dump_src" >pg.sql
  psql -X -q -c "DROP DATABASE bench_dump_src" "$AUTHMIGRATE_TEST_PG_URL"
  dumps+=(pg:pg.sql)
  pgtap=/usr/share/postgresql/15/extension/pgtap--1.2.0.sql
  [[ -f $pgtap ]] && cp "$pgtap" pgtap.sql && dumps+=(pg:pgtap.sql)
fi
if [[ $which == all || $which == mysql ]]; then
  my -e "DROP DATABASE IF EXISTS bench_dump_src; CREATE DATABASE bench_dump_src"
  { seq_table mysql; generate_sql mysql
    printf 'DELIMITER ;;\nCREATE TRIGGER t1_n BEFORE INSERT ON t1 FOR EACH ROW BEGIN IF NEW.n IS NULL THEN SET NEW.n = 0; END IF; END;;\nDELIMITER ;\n'
  } | my bench_dump_src
  MYSQL_PWD=$AM_TEST_PASSWORD mariadb-dump --no-defaults -h 127.0.0.1 -P "$AM_MYSQL_PORT" -u root \
    --skip-extended-insert --routines --triggers bench_dump_src >mysql.sql
  my -e "DROP DATABASE bench_dump_src"
  dumps+=(mysql:mysql.sql)
  sys=/usr/share/mysql/mysql_sys_schema.sql
  [[ -f $sys ]] && grep -v -i -e '^CREATE DATABASE' -e '^USE ' "$sys" >sys.sql && dumps+=(mysql:sys.sql)
fi
if [[ $which == all || $which == sqlite ]]; then
  { seq_table sqlite; generate_sql sqlite; } | sqlite3 -bail src.db
  sqlite3 src.db .dump >sqlite.sql
  dumps+=(sqlite:sqlite.sql)
fi

# --- measuring -------------------------------------------------------------------------------------
fresh() {  # db name -> URL of a new, empty database
  case $1 in
  pg) psql -X -q -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" "$AUTHMIGRATE_TEST_PG_URL"; echo "$pg_base/$2" ;;
  mysql) my -e "DROP DATABASE IF EXISTS $2; CREATE DATABASE $2"; echo "$my_base/$2" ;;
  sqlite) rm -f "$work/$2.db"; echo "sqlite:$work/$2.db" ;;
  esac
}
drop() {
  case $1 in
  pg) psql -X -q -c "DROP DATABASE IF EXISTS $2 WITH (FORCE)" "$AUTHMIGRATE_TEST_PG_URL" ;;
  mysql) my -e "DROP DATABASE IF EXISTS $2" ;;
  sqlite) rm -f "$work/$2.db" ;;
  esac
}
# native DB FILE URL OUT: the database's own client applies FILE, measured into OUT.
native() {
  case $1 in
  pg) "$work/measure" "$4" psql -X -q -1 -v ON_ERROR_STOP=1 -f "$2" "$3" ;;
  mysql) MYSQL_PWD=$AM_TEST_PASSWORD "$work/measure" "$4" mariadb --no-defaults -h 127.0.0.1 -P "$AM_MYSQL_PORT" \
           -u root "${3##*/}" <"$2" ;;
  sqlite) "$work/measure" "$4" sqlite3 -bail "${3#sqlite:}" <"$2" ;;
  esac
}

measure_one() {  # db file run
  local db=$1 file=$2 n=$3 key=${2%.sql} url
  url=$(fresh "$db" "bench_dump_native")
  native "$db" "$file" "$url" "samples.$key.native.$n" >/dev/null 2>"native.err" ||
    { cat native.err >&2; die "the native client failed on $file"; }
  drop "$db" bench_dump_native
  rm -rf "m_$key" && mkdir "m_$key" && cp "$file" "m_$key/0001_dump.sql"
  url=$(fresh "$db" "bench_dump_am")
  "$work/measure" "samples.$key.am.$n" "$am" migrate --url "$url" --dir "m_$key" >am.log 2>&1 </dev/null ||
    { cat am.log >&2; die "authmigrate failed on $file"; }
  drop "$db" bench_dump_am
}

say "authmigrate: $am ($("$am" --version | head -n 1)); $(nproc) cores; $runs runs + 1 warm-up"
for entry in "${dumps[@]}"; do
  db=${entry%%:*} file=${entry#*:}
  say "$file: $(wc -l <"$file") lines, $(du -k "$file" | cut -f1) KiB"
  for ((n = 0; n <= runs; n++)); do measure_one "$db" "$file" "$n"; done
done

echo
printf '%-12s %8s %14s %14s %8s   %s\n' file lines "native ms" "authmigrate ms" ratio "target <= 1.2"
for entry in "${dumps[@]}"; do
  db=${entry%%:*} file=${entry#*:} key=${file%.sql}
  nat=() ams=()
  for ((n = 1; n <= runs; n++)); do nat+=("samples.$key.native.$n") ams+=("samples.$key.am.$n"); done
  read -r nm _ <<<"$(sample_stats "${nat[@]}")"
  read -r amm _ <<<"$(sample_stats "${ams[@]}")"
  r=$(ratio "$amm" "$nm")
  printf '%-12s %8s %14s %14s %8s   %s\n' "$file" "$(wc -l <"$file")" "$nm" "$amm" "$r" "$(verdict "$r" "<=" 1.2)"
done
echo "(native: psql -1 -f, mariadb <, sqlite3 <; each on a fresh database)"
