#!/usr/bin/env bash
# Benchmark of the migration runner: authmigrate side by side with dbmate and with the raw floor
# (psql -1 -f / sqlite3 / the mariadb client of the same SQL concatenated), on PostgreSQL, SQLite and
# MariaDB.
#
# Usage: bench/migrations.sh [--runs N] [--files N] [--db all|pg|sqlite|mysql] [--csv FILE] [--keep]
#   --runs N    timed repetitions of every measurement, each on a fresh database (default 5)
#   --files N   migration files, each one small table plus an index (default 200)
#   --db        which databases (default all)
#   --csv FILE  also write every sample (db,tool,scenario,run,wall_ms,cpu_ms,rss_kib) to FILE
#   --keep      keep the work folder (migrations, databases, logs) and print where it is
#
# Environment:
#   AUTHMIGRATE_BIN           the authmigrate binary to measure; default build/src/cli/authmigrate, built
#                             with scripts/build.sh when missing
#   AUTHMIGRATE_BENCH_PG_URL  a PostgreSQL server URL (a user that may CREATE DATABASE); default the dev
#                             server postgres://postgres:devpass@127.0.0.1:55432/postgres, and when that
#                             does not answer, a throwaway server started with scripts/test-servers/
#                             (stopped at the end)
#   AUTHMIGRATE_BENCH_MYSQL_URL  a MariaDB/MySQL server URL (a user that may CREATE DATABASE); default the
#                             test server of scripts/test-servers/env.sh; without one --db all leaves
#                             MariaDB out and says so
#   TMPDIR                    where the work folder (and so the SQLite databases) goes; default /tmp
#
# Prints medians, minimums, CPU time, peak RSS, the ratios and whether each target of the issue is met.
# The targets are information: the exit status is 0 whatever the timings (non-zero only when a tool
# fails or the setup is impossible). See bench/README.md.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)

runs=5 files=200 which=all csv='' keep=0
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while (($#)); do
  case $1 in
  --runs) runs=${2:?--runs needs a number}; shift 2 ;;
  --files) files=${2:?--files needs a number}; shift 2 ;;
  --db) which=${2:?--db needs all, pg, sqlite or mysql}; shift 2 ;;
  --csv) csv=${2:?--csv needs a file}; shift 2 ;;
  --keep) keep=1; shift ;;
  -h | --help) usage; exit 0 ;;
  *) echo "error: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "error: --runs must be a positive number" >&2; exit 2; }
if ! [[ $files =~ ^[1-9][0-9]*$ ]] || ((files > 9999)); then echo "error: --files must be 1..9999" >&2; exit 2; fi
case $which in all | pg | sqlite | mysql) ;; *) echo "error: --db must be all, pg, sqlite or mysql" >&2; exit 2 ;; esac
[[ -z $csv ]] || csv=$(realpath -m "$csv")

source "$bench/lib.sh"

# ---------------------------------------------------------------------------------------------------
# Tools: authmigrate (built if missing), dbmate (npm), psql, sqlite3, cc for the timer.

command -v cc >/dev/null || apt_install gcc libc6-dev
command -v npm >/dev/null || apt_install npm
command -v sqlite3 >/dev/null || apt_install sqlite3
command -v psql >/dev/null || apt_install postgresql-client

if [[ -n ${AUTHMIGRATE_BIN:-} ]]; then
  am=$(realpath "$AUTHMIGRATE_BIN")
  [[ -x $am ]] || die "AUTHMIGRATE_BIN is not an executable: $AUTHMIGRATE_BIN"
  am_source="given by AUTHMIGRATE_BIN"
else
  am=$root/build/src/cli/authmigrate
  am_source="work tree at $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?')"
fi
if [[ ! -x $am ]]; then
  say "building authmigrate (scripts/build.sh build -DAUTHMIGRATE_BUILD_TESTS=OFF)"
  bash "$root/scripts/build.sh" build -DAUTHMIGRATE_BUILD_TESTS=OFF >&2
fi

dbmate=$(bench_dbmate)

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-bench.XXXXXX")
pg_started=0 pg_databases=() my_databases=()
cleanup() {
  local status=$?
  set +e
  if ((${#my_databases[@]})); then
    for d in "${my_databases[@]}"; do my_client -e "DROP DATABASE IF EXISTS \`$d\`" >/dev/null 2>&1; done
  fi
  if ((${#pg_databases[@]})) && [[ -n ${pg_admin:-} ]]; then
    for d in "${pg_databases[@]}"; do psql -X -q "$pg_admin" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" >/dev/null 2>&1; done
  fi
  if ((pg_started)); then bash "$root/scripts/test-servers/stop.sh" >&2; rm -rf "$AM_SERVERS_DIR"; fi
  if ((keep)); then say "work folder kept: $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cc -O2 -o "$work/measure" "$bench/measure.c" || die "cannot compile bench/measure.c"
cd "$work"  # no .env here: neither authmigrate nor dbmate reads one

# ---------------------------------------------------------------------------------------------------
# The migrations: the same SQL four ways. all.sql is the floor of the issue (one transaction for
# everything); all-txn.sql is the same with a transaction per file, as authmigrate and dbmate run it, so
# the gap between the two floors is the price of per-file atomicity, which no runner can avoid.

mkdir -p am dbmate logs samples
{
  printf 'BEGIN;\n'
  for ((i = 1; i <= files; i++)); do
    t=$(printf 't_%03d' "$i") f=$(printf '%04d_t.sql' "$i")
    sql="CREATE TABLE $t (id integer primary key, name varchar(100), created_at timestamp);
CREATE INDEX ${t}_name ON $t (name);"
    printf '%s\n' "$sql" >"am/$f"
    printf -- '-- migrate:up\n%s\n\n-- migrate:down\nDROP TABLE %s;\n' "$sql" "$t" >"dbmate/$f"
    printf '%s\n' "$sql"
    printf 'BEGIN;\n%s\nCOMMIT;\n' "$sql" >>all-txn.sql
  done
  printf 'COMMIT;\n'
} >all-sqlite.sql
sed '1d;$d' all-sqlite.sql >all.sql  # psql -1 wraps the file in one transaction itself

# ---------------------------------------------------------------------------------------------------
# Measuring: one sample = one run of one command, its output in logs/, its numbers in samples/.

# run DB TOOL SCENARIO RUN COMMAND... : measures COMMAND; a failing command stops the benchmark.
run() {
  local db=$1 tool=$2 scenario=$3 n=$4 res
  shift 4
  res="samples/$db.$tool.$scenario.$n"
  if ! "$work/measure" "$res" "$@" >"logs/$db.$tool.$scenario.$n.log" 2>&1 </dev/null; then
    say "error: $tool $scenario on $db (run $n) failed: $*"
    tail -n 20 "logs/$db.$tool.$scenario.$n.log" >&2
    exit 1
  fi
}
# run_stdin FILE DB TOOL SCENARIO RUN COMMAND... : the same with FILE as standard input.
run_stdin() {
  local in=$1 db=$2 tool=$3 scenario=$4 n=$5 res
  shift 5
  res="samples/$db.$tool.$scenario.$n"
  if ! "$work/measure" "$res" "$@" >"logs/$db.$tool.$scenario.$n.log" 2>&1 <"$in"; then
    say "error: $tool $scenario on $db (run $n) failed: $*"
    tail -n 20 "logs/$db.$tool.$scenario.$n.log" >&2
    exit 1
  fi
}

expect_tables() {  # what count: a fresh apply that silently did nothing must not pass for fast
  [[ $2 == "$files" ]] || die "$1 left $2 of $files tables t_NNN"
}

# ---------------------------------------------------------------------------------------------------
# SQLite: a new database file for every tool and run, in the work folder (so on TMPDIR's file system).

sqlite_tables() { sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name GLOB 't_[0-9]*'"; }

bench_sqlite() {  # RUN (0 = warm-up, not reported)
  local n=$1 f
  f=$work/db.am.$n.sqlite
  run sqlite authmigrate fresh "$n" "$am" migrate --url "sqlite:$f" --dir am
  expect_tables "authmigrate (sqlite)" "$(sqlite_tables "$f")"
  run sqlite authmigrate noop "$n" "$am" migrate --url "sqlite:$f" --dir am
  f=$work/db.amall.$n.sqlite
  run sqlite authmigrate freshall "$n" "$am" migrate --url "sqlite:$f" --dir am --tx-mode all
  expect_tables "authmigrate --tx-mode all (sqlite)" "$(sqlite_tables "$f")"
  f=$work/db.dbmate.$n.sqlite
  run sqlite dbmate fresh "$n" "$dbmate" --url "sqlite:$f" --migrations-dir dbmate --no-dump-schema up
  expect_tables "dbmate (sqlite)" "$(sqlite_tables "$f")"
  run sqlite dbmate noop "$n" "$dbmate" --url "sqlite:$f" --migrations-dir dbmate --no-dump-schema up
  f=$work/db.raw.$n.sqlite
  run_stdin all-sqlite.sql sqlite raw fresh "$n" sqlite3 -bail "$f"
  expect_tables "sqlite3 (raw floor)" "$(sqlite_tables "$f")"
  f=$work/db.rawtxn.$n.sqlite
  run_stdin all-txn.sql sqlite rawtxn fresh "$n" sqlite3 -bail "$f"
  expect_tables "sqlite3 (raw floor, a transaction per file)" "$(sqlite_tables "$f")"
  rm -f "$work"/db.*."$n".sqlite*
}

# ---------------------------------------------------------------------------------------------------
# PostgreSQL: a new database bench_<random>_<tool>_<run> for every tool and run, dropped afterwards.

pg_admin=
pg_answers() { PGCONNECT_TIMEOUT=3 psql -X -Atqc 'SELECT 1' "$1" >/dev/null 2>&1; }
free_port() {
  local p
  for ((p = 55480; p < 55580; p++)); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
  die "no free port in 55480..55579 for a throwaway PostgreSQL"
}
pg_setup() {
  if [[ -n ${AUTHMIGRATE_BENCH_PG_URL:-} ]]; then
    pg_admin=$AUTHMIGRATE_BENCH_PG_URL
    pg_answers "$pg_admin" || die "AUTHMIGRATE_BENCH_PG_URL does not answer (psql -c 'SELECT 1' failed)"
  elif pg_answers postgres://postgres:devpass@127.0.0.1:55432/postgres; then
    pg_admin=postgres://postgres:devpass@127.0.0.1:55432/postgres
  else
    say "no PostgreSQL at 127.0.0.1:55432: starting a throwaway one (scripts/test-servers/start-postgres.sh)"
    # Its own state folder (not the test suite's), readable by the postgres user the server runs as.
    export AM_SERVERS_DIR AM_PG_PORT
    AM_PG_PORT=$(free_port)
    AM_SERVERS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-bench-pg.XXXXXX")
    pg_started=1
    bash "$root/scripts/test-servers/start-postgres.sh" >&2
    # shellcheck source=../scripts/test-servers/env.sh
    pg_admin=$(source "$root/scripts/test-servers/env.sh" && echo "$AUTHMIGRATE_TEST_PG_URL")
  fi
  [[ $pg_admin =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?(.*))?$ ]] ||
    die "the PostgreSQL URL must look like postgres://user:password@host:port/database[?params]"
  pg_base=${BASH_REMATCH[1]} pg_params=${BASH_REMATCH[5]}
  pg_prefix=bench_$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
  pg_server=$(psql -X -Atqc "SHOW server_version" "$pg_admin")
  pg_fsync=$(psql -X -Atqc "SHOW fsync" "$pg_admin")
  pg_sync_commit=$(psql -X -Atqc "SHOW synchronous_commit" "$pg_admin")
}
# The URL of database $1; every tool gets the same one. sslmode=disable: dbmate's driver (lib/pq)
# would otherwise require TLS, and the others then skip the TLS probe that libpq's default makes.
pg_url() {
  local p=${pg_params:+$pg_params&}sslmode=disable
  [[ $pg_params == *sslmode=* ]] && p=$pg_params
  echo "$pg_base/$1?$p"
}
pg_create() {
  pg_databases+=("$1")
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$1\"" "$pg_admin" >/dev/null
}
pg_drop() {
  psql -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE \"$1\" WITH (FORCE)" "$pg_admin" >/dev/null
  local d kept=()
  for d in "${pg_databases[@]}"; do [[ $d == "$1" ]] || kept+=("$d"); done
  pg_databases=("${kept[@]}")
}
pg_tables() { psql -X -Atqc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t_[0-9]+$'" "$1"; }

bench_pg() {  # RUN (0 = warm-up, not reported)
  local n=$1 d u
  d=${pg_prefix}_am_$n u=$(pg_url "$d")
  pg_create "$d"
  run pg authmigrate fresh "$n" "$am" migrate --url "$u" --dir am
  expect_tables "authmigrate (pg)" "$(pg_tables "$u")"
  run pg authmigrate noop "$n" "$am" migrate --url "$u" --dir am
  pg_drop "$d"
  d=${pg_prefix}_amall_$n u=$(pg_url "$d")
  pg_create "$d"
  run pg authmigrate freshall "$n" "$am" migrate --url "$u" --dir am --tx-mode all
  expect_tables "authmigrate --tx-mode all (pg)" "$(pg_tables "$u")"
  pg_drop "$d"
  d=${pg_prefix}_dbmate_$n u=$(pg_url "$d")
  pg_create "$d"
  run pg dbmate fresh "$n" "$dbmate" --url "$u" --migrations-dir dbmate --no-dump-schema up
  expect_tables "dbmate (pg)" "$(pg_tables "$u")"
  run pg dbmate noop "$n" "$dbmate" --url "$u" --migrations-dir dbmate --no-dump-schema up
  pg_drop "$d"
  d=${pg_prefix}_raw_$n u=$(pg_url "$d")
  pg_create "$d"
  run pg raw fresh "$n" psql -X -q -1 -v ON_ERROR_STOP=1 -f all.sql "$u"
  expect_tables "psql (raw floor)" "$(pg_tables "$u")"
  pg_drop "$d"
  d=${pg_prefix}_rawtxn_$n u=$(pg_url "$d")
  pg_create "$d"
  run pg rawtxn fresh "$n" psql -X -q -v ON_ERROR_STOP=1 -f all-txn.sql "$u"
  expect_tables "psql (raw floor, a transaction per file)" "$(pg_tables "$u")"
  pg_drop "$d"
}

# ---------------------------------------------------------------------------------------------------
# MariaDB/MySQL: a new database for every tool and run, dropped afterwards. DDL commits at once there,
# so there is no one-transaction floor: the floor is the mariadb client running all.sql.

my_admin=
my_client() { mariadb --no-defaults -h "$my_host" -P "$my_port" -u "$my_user" "$@"; }
my_setup() {
  my_admin=${AUTHMIGRATE_BENCH_MYSQL_URL:-$(source "$root/scripts/test-servers/env.sh" && echo "${AUTHMIGRATE_TEST_MYSQL_URL:-}")}
  command -v mariadb >/dev/null || apt_install mariadb-client
  { read -r my_host; read -r my_port; read -r my_user; read -r my_password; } < <(python3 -c '
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print(p.hostname or "127.0.0.1", p.port or 3306, u.unquote(p.username or "root"), u.unquote(p.password or ""), sep="\n")' "$my_admin")
  my_userinfo=${my_admin#*://} && my_userinfo=${my_userinfo%%@*}  # as written (percent-encoded), for dbmate
  export MYSQL_PWD=$my_password  # the client reads it there: no password on a command line or in a log
  my_client -e "SELECT 1" >/dev/null 2>&1
}
my_url() { echo "mysql://$my_userinfo@$my_host:$my_port/$1"; }
my_create() {
  my_databases+=("$1")
  my_client -e "CREATE DATABASE \`$1\`"
}
my_drop() {
  my_client -e "DROP DATABASE \`$1\`"
  local d kept=()
  for d in "${my_databases[@]}"; do [[ $d == "$1" ]] || kept+=("$d"); done
  my_databases=("${kept[@]}")
}
my_tables() { my_client -N -e "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$1' AND table_name RLIKE '^t_[0-9]+$'"; }

bench_my() {  # RUN (0 = warm-up, not reported)
  local n=$1 d
  d=${pg_prefix}_am_$n
  my_create "$d"
  run my authmigrate fresh "$n" "$am" migrate --url "$(my_url "$d")" --dir am
  expect_tables "authmigrate (mysql)" "$(my_tables "$d")"
  run my authmigrate noop "$n" "$am" migrate --url "$(my_url "$d")" --dir am
  my_drop "$d"
  d=${pg_prefix}_dbmate_$n  # dbmate creates its database
  my_databases+=("$d")
  run my dbmate fresh "$n" "$dbmate" --url "$(my_url "$d")" --migrations-dir dbmate --no-dump-schema up
  expect_tables "dbmate (mysql)" "$(my_tables "$d")"
  run my dbmate noop "$n" "$dbmate" --url "$(my_url "$d")" --migrations-dir dbmate --no-dump-schema up
  my_drop "$d"
  d=${pg_prefix}_raw_$n
  my_create "$d"
  run_stdin all.sql my raw fresh "$n" mariadb --no-defaults -h "$my_host" -P "$my_port" -u "$my_user" "$d"
  expect_tables "mariadb client (raw floor)" "$(my_tables "$d")"
  my_drop "$d"
  d=${pg_prefix}_rawtxn_$n
  my_create "$d"
  run_stdin all-txn.sql my rawtxn fresh "$n" mariadb --no-defaults -h "$my_host" -P "$my_port" -u "$my_user" \
    "$d"
  expect_tables "mariadb client (raw floor, a transaction per file)" "$(my_tables "$d")"
  my_drop "$d"
}

# ---------------------------------------------------------------------------------------------------
# Run: one untimed warm-up round (page cache, the server's catalog caches), then the timed rounds, the
# tools interleaved within each round so that a noisy moment hits all of them alike.

dbs=()
[[ $which != all && $which != pg ]] || dbs+=(pg)
[[ $which != all && $which != sqlite ]] || dbs+=(sqlite)
[[ $which != all && $which != pg ]] || pg_setup
pg_prefix=${pg_prefix:-bench_$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')}
if [[ $which == all || $which == mysql ]]; then
  if my_setup; then
    dbs+=(my)
  elif [[ $which == mysql ]]; then
    die "no MariaDB answers at ${my_host:-?}:${my_port:-?}: set AUTHMIGRATE_BENCH_MYSQL_URL"
  else
    say "MariaDB left out: no server answers at ${my_host:-?}:${my_port:-?} (set AUTHMIGRATE_BENCH_MYSQL_URL)"
  fi
fi

say "authmigrate: $am ($("$am" --version 2>/dev/null | head -n 1); $am_source; built $(date -u -r "$am" '+%Y-%m-%d %H:%M UTC'))"
say "dbmate:      $dbmate ($("$dbmate" --version | head -n 1))"
say "raw floor:   $(psql --version | head -n 1); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
[[ -z $pg_admin ]] || say "PostgreSQL:  $pg_server at ${pg_base#*@} (fsync=$pg_fsync, synchronous_commit=$pg_sync_commit)"
[[ " ${dbs[*]} " != *" my "* ]] || say "MariaDB:     $(my_client -N -e 'SELECT VERSION()') at $my_host:$my_port"
say "SQLite:      databases in $work ($(df -PT "$work" | awk 'NR==2 {print $2}'))"
say "machine:     $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
say "$files migration files, $runs runs of each measurement, each on a fresh database (+1 warm-up run)"

for db in "${dbs[@]}"; do
  for ((n = 0; n <= runs; n++)); do
    if ((n == 0)); then say "$db: warm-up"; else say "$db: run $n of $runs"; fi
    "bench_$db" "$n"
  done
done

# ---------------------------------------------------------------------------------------------------
# Report.

# stats DB TOOL SCENARIO -> "median_ms min_ms max_ms cpu_median_ms peak_rss_kib" over runs 1..N
stats() {
  local n list=()
  for ((n = 1; n <= runs; n++)); do list+=("samples/$1.$2.$3.$n"); done
  sample_stats "${list[@]}"
}
declare -A median peak
db_name() { case $1 in pg) echo PostgreSQL ;; sqlite) echo SQLite ;; my) echo MariaDB ;; esac; }
{
  printf 'db,tool,scenario,run,wall_ms,cpu_ms,rss_kib\n'
  for db in "${dbs[@]}"; do
    for key in authmigrate.fresh authmigrate.freshall authmigrate.noop dbmate.fresh dbmate.noop raw.fresh rawtxn.fresh; do
      [[ $db.$key != my.authmigrate.freshall ]] || continue  # --tx-mode all is PostgreSQL's and SQLite's
      for ((n = 1; n <= runs; n++)); do
        read -r ns kib _ cpu <"samples/$db.$key.$n"
        awk -v d="$db" -v k="$key" -v n="$n" -v w="$ns" -v c="$cpu" -v r="$kib" \
          'BEGIN { split(k, p, "."); printf "%s,%s,%s,%d,%.3f,%.3f,%d\n", d, p[1], p[2], n, w / 1e6, c / 1e6, r }'
      done
    done
  done
} >samples.csv
[[ -z $csv ]] || cp samples.csv "$csv"

echo
echo "authmigrate $("$am" --version 2>/dev/null | awk '{print $NF; exit}') vs dbmate $("$dbmate" --version | awk '{print $NF; exit}') vs the raw floor:" \
  "$files migration files, median of $runs runs, each on a fresh database; $(date -u +%Y-%m-%d), $(nproc) cores"
echo
printf '%-10s %-22s %-8s %10s %10s %10s %10s %8s\n' db tool scenario "median ms" "min ms" "max ms" "cpu ms" "RSS MB"
for db in "${dbs[@]}"; do
  for key in authmigrate.fresh authmigrate.freshall dbmate.fresh raw.fresh rawtxn.fresh authmigrate.noop dbmate.noop; do
    [[ $db.$key != my.authmigrate.freshall ]] || continue
    read -r med min max cpu rss < <(stats "$db" "${key%.*}" "${key#*.}")
    median[$db.$key]=$med peak[$db.$key]=$rss
    case $db.${key%.*} in
    pg.raw) label="psql -1 -f (floor)" ;;
    pg.rawtxn) label="psql, txn per file" ;;
    sqlite.raw) label="sqlite3 (floor)" ;;
    sqlite.rawtxn) label="sqlite3, txn per file" ;;
    my.raw) label="mariadb client (floor)" ;;
    my.rawtxn) label="mariadb, txn per file" ;;
    *) label=${key%.*} ;;
    esac
    [[ ${key#*.} != freshall ]] || label="authmigrate tx all"
    printf '%-10s %-22s %-8s %10s %10s %10s %10s %8s\n' "$(db_name "$db")" \
      "$label" "${key#*.}" "$med" "$min" "$max" "$cpu" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
  done
done

echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (1, 5, 15 min; above $(nproc) means other work competed for the cores)."
echo
echo "Ratios (medians) and the issue's targets (information only; the exit status does not depend on them):"
am_rss=0
for db in "${dbs[@]}"; do
  name=$(db_name "$db")
  r_noop=$(ratio "${median[$db.authmigrate.noop]}" "${median[$db.dbmate.noop]}")
  r_fresh_dbmate=$(ratio "${median[$db.authmigrate.fresh]}" "${median[$db.dbmate.fresh]}")
  r_fresh_raw=$(ratio "${median[$db.authmigrate.fresh]}" "${median[$db.raw.fresh]}")
  r_fresh_txn=$(ratio "${median[$db.authmigrate.fresh]}" "${median[$db.rawtxn.fresh]}")
  printf '  %-10s no-op rerun   authmigrate/dbmate = %6s   target < 1     %s\n' "$name" "$r_noop" "$(verdict "$r_noop" "<" 1)"
  printf '  %-10s fresh apply   authmigrate/dbmate = %6s   (information)\n' "$name" "$r_fresh_dbmate"
  printf '  %-10s fresh apply   authmigrate/floor  = %6s   target <= 1.5  %s\n' "$name" "$r_fresh_raw" "$(verdict "$r_fresh_raw" "<=" 1.5)"
  printf '  %-10s fresh apply   authmigrate/floor with a transaction per file = %s   (information)\n' "$name" "$r_fresh_txn"
  if [[ $db != my ]]; then
    r_all=$(ratio "${median[$db.authmigrate.freshall]}" "${median[$db.raw.fresh]}")
    all_target=$([[ $db == pg ]] && echo 1.1 || echo 1.5)
    printf '  %-10s fresh apply   --tx-mode all/floor = %6s   target <= %s  %s\n' "$name" "$r_all" "$all_target" \
      "$(verdict "$r_all" "<=" "$all_target")"
  fi
  for s in fresh noop; do
    if ((peak[$db.authmigrate.$s] > am_rss)); then am_rss=${peak[$db.authmigrate.$s]}; fi
  done
done
am_rss_mb=$(awk -v k="$am_rss" 'BEGIN { printf "%.1f", k / 1024 }')
printf '  authmigrate peak RSS (all runs) = %s MB   target < 15 MB  %s\n' "$am_rss_mb" "$(verdict "$am_rss_mb" "<" 15)"
