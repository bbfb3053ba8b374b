#!/usr/bin/env bash
# Thousands of tenants in one command: `authmigrate deploy --urls-file` at --jobs 1, 4 and 16 against
# the shell recipe's loop over the same databases (sqlite3 / psql per file, one database after the
# other, and as many at once as --jobs), on 1000 SQLite files, 200 databases of one PostgreSQL and 200
# of one MariaDB.
# Prints the wall time per tenant, the ratio to the sequential loop, and authmigrate's peak RSS — also
# at a tenth of the tenants, to show that memory does not grow with them beyond the report.
#
# Usage: bench/tenants.sh [--sqlite N] [--postgres N] [--mysql N] [--files N]
#   --sqlite N    SQLite tenant files (default 1000; 0 skips)
#   --postgres N  PostgreSQL tenant databases (default 200; 0 skips)
#   --mysql N     MariaDB tenant databases (default 200; 0 skips)
#   --files N     SQL migration files besides the Better Auth schema (default 10)
# Environment: AUTHMIGRATE_BENCH_PG_URL and AUTHMIGRATE_BENCH_MYSQL_URL (a user that may CREATE DATABASE;
# default the test servers of scripts/test-servers/env.sh), AUTHMIGRATE_BIN (default build-bench/src/cli/authmigrate, built when
# missing). Timings are information: exit 0 whatever they are, non-zero when a tool fails or a tenant
# is not fully migrated.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)
source "$bench/lib.sh"  # say, die, apt_install, ratio

sqlite_n=1000 pg_n=200 my_n=200 files=10
while (($#)); do
  case $1 in
  --sqlite) sqlite_n=${2:?}; shift 2 ;;
  --postgres) pg_n=${2:?}; shift 2 ;;
  --mysql) my_n=${2:?}; shift 2 ;;
  --files) files=${2:?}; shift 2 ;;
  *) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || apt_install time
command -v sqlite3 >/dev/null || apt_install sqlite3
am=${AUTHMIGRATE_BIN:-$root/build-bench/src/cli/authmigrate}
if [[ ! -x $am ]]; then
  say "building authmigrate (Release, no tests) into build-bench/"
  cmake -G Ninja -S "$root" -B "$root/build-bench" -DAUTHMIGRATE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >&2
  cmake --build "$root/build-bench" >&2
fi
if [[ -z ${AUTHMIGRATE_BENCH_PG_URL:-} ]] && ((pg_n > 0)); then
  AUTHMIGRATE_BENCH_PG_URL=$(source "$root/scripts/test-servers/env.sh" && echo "$AUTHMIGRATE_TEST_PG_URL")
fi
if [[ -z ${AUTHMIGRATE_BENCH_MYSQL_URL:-} ]] && ((my_n > 0)); then
  AUTHMIGRATE_BENCH_MYSQL_URL=$(source "$root/scripts/test-servers/env.sh" && echo "${AUTHMIGRATE_TEST_MYSQL_URL:-}")
fi
if ((my_n > 0)); then
  command -v mariadb >/dev/null || apt_install mariadb-client
  # The client reads the password from MYSQL_PWD: none on a command line. MY_HOST etc. serve the recipe.
  { read -r MY_HOST; read -r MY_PORT; read -r MY_USER; read -r MYSQL_PWD; } < <(python3 -c '
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print(p.hostname or "127.0.0.1", p.port or 3306, u.unquote(p.username or "root"), u.unquote(p.password or ""), sep="\n")' \
    "${AUTHMIGRATE_BENCH_MYSQL_URL:?set AUTHMIGRATE_BENCH_MYSQL_URL or pass --mysql 0}")
  export MY_HOST MY_PORT MY_USER MYSQL_PWD
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-bench-tenants.XXXXXX")
pg_dbs=() my_dbs=()
my_client() { mariadb --no-defaults -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" "$@"; }
cleanup() {
  set +e
  if ((${#my_dbs[@]})); then printf 'DROP DATABASE IF EXISTS `%s`;\n' "${my_dbs[@]}" | my_client >/dev/null 2>&1; fi
  if ((${#pg_dbs[@]})); then
    printf 'DROP DATABASE IF EXISTS "%s" WITH (FORCE);\n' "${pg_dbs[@]}" | psql -X -q "$AUTHMIGRATE_BENCH_PG_URL" -f - >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export BETTER_AUTH_SECRET=bench-secret-0123456789abcdef0123456789abcdef BETTER_AUTH_URL=https://bench.example.com
printf '[better_auth]\nplugins = ["organization", "twoFactor"]\n' >authmigrate.toml
mkdir -p better-auth_migrations
for ((i = 1; i <= files; i++)); do
  printf 'CREATE TABLE tenant_item_%03d (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\nCREATE INDEX tenant_item_%03d_name ON tenant_item_%03d (name);\n' \
    "$i" "$i" "$i" >"better-auth_migrations/$(printf '%04d' "$i")_item.sql"
done

# timed LABEL COMMAND...: "<wall s> <peak RSS KiB>" in samples.LABEL
timed() {
  local label=$1 t0 t1
  shift
  t0=$EPOCHREALTIME
  /usr/bin/time -o "time.$label" -f '%M' "$@" >"log.$label" 2>&1 </dev/null || { tail -n 20 "log.$label" >&2; die "$label failed"; }
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" -v r="$(tail -n 1 "time.$label")" 'BEGIN { printf "%.3f %d\n", b - a, r }' >"samples.$label"
}

# The recipe's loop for one tenant: the schema DDL, then every file, with the database's own client.
cat >recipe-one.sh <<'EOS'
#!/usr/bin/env bash
set -euo pipefail
case $1 in
sqlite:*) db=${1#sqlite:}; sqlite3 -bail "$db" <schema.sqlite.sql; for f in better-auth_migrations/*.sql; do sqlite3 -bail "$db" <"$f"; done ;;
mysql:*) db=${1##*/}; my() { mariadb --no-defaults -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" "$db"; }
   my <schema.mysql.sql; for f in better-auth_migrations/*.sql; do my <"$f"; done ;;
*) psql -X -q -v ON_ERROR_STOP=1 -f schema.postgres.sql "$1" >/dev/null
   for f in better-auth_migrations/*.sql; do psql -X -q -v ON_ERROR_STOP=1 -f "$f" "$1" >/dev/null; done ;;
esac
EOS
chmod +x recipe-one.sh
recipe() { xargs -P "$2" -I{} -d '\n' ./recipe-one.sh {} <"$1"; }

report() {  # DIALECT N
  local dialect=$1 n=$2 base j
  read -r base _ <"samples.$dialect.loop1"
  printf '\n%s, %d tenants, Better Auth schema (organization, twoFactor) + %d files each\n' "$dialect" "$n" "$files"
  printf '  %-28s %12s %14s %12s\n' variant "wall s" "ms per tenant" "vs loop 1"
  for label in loop1 loop4 loop16 am1 am4 am16; do
    read -r s rss <"samples.$dialect.$label"
    printf '  %-28s %12.2f %14.2f %12s%s\n' "$([[ $label == am* ]] && echo "authmigrate --jobs ${label#am}" || echo "recipe loop, ${label#loop} at a time")" \
      "$s" "$(awk -v s="$s" -v n="$n" 'BEGIN { printf "%.2f", s * 1000 / n }')" "$(ratio "$s" "$base")" \
      "$([[ $label == am* ]] && echo "   peak RSS $((rss / 1024)) MiB")"
  done
  read -r _ small <"samples.$dialect.am16.tenth"
  read -r _ full <"samples.$dialect.am16"
  printf '  peak RSS at --jobs 16: %d MiB for %d tenants, %d MiB for %d\n' $((small / 1024)) $((n / 10)) $((full / 1024)) "$n"
}

run_dialect() {  # DIALECT N make-urls-function prepare-function check-function
  local dialect=$1 n=$2 label jobs
  "$am" generate --from-empty --dialect "$dialect" --config authmigrate.toml --output "schema.$dialect.sql" >/dev/null
  for label in loop1 loop4 loop16 am1 am4 am16 am16.tenth; do
    "$4" "$n"
    "$3" "$n" >urls
    [[ $label == *.tenth ]] && { head -n $((n / 10)) urls >urls.tenth; mv urls.tenth urls; }
    jobs=${label%.tenth}; jobs=${jobs#am}; jobs=${jobs#loop}
    say "$dialect: $label"
    if [[ $label == am* ]]; then
      timed "$dialect.$label" "$am" deploy --urls-file urls --jobs "$jobs"
    else
      timed "$dialect.$label" bash -c "$(declare -f recipe); recipe urls $jobs"
    fi
    "$5" "$([[ $label == *.tenth ]] && echo $((n / 10)) || echo "$n")"
  done
  report "$dialect" "$n"
}

sqlite_urls() { for ((i = 1; i <= $1; i++)); do echo "sqlite:$work/t/t$i.db"; done; }
sqlite_fresh() { rm -rf t; mkdir t; }
sqlite_check() {
  for ((i = 1; i <= $1; i++)); do
    [[ $(sqlite3 "t/t$i.db" "SELECT count(*) FROM sqlite_master WHERE name LIKE 'tenant_item_%' AND type = 'table'") == "$files" ]] ||
      die "t$i.db lacks tables"
  done
}
pg_base=${AUTHMIGRATE_BENCH_PG_URL:-postgres://x/x}
pg_base=${pg_base%/*}
pg_urls() { for ((i = 1; i <= $1; i++)); do echo "$pg_base/bench_t$i?sslmode=disable"; done; }
pg_fresh() {
  local sql='SET client_min_messages = warning;'$'\n'
  for ((i = 1; i <= $1; i++)); do sql+="DROP DATABASE IF EXISTS bench_t$i WITH (FORCE); CREATE DATABASE bench_t$i;"$'\n'; pg_dbs+=("bench_t$i"); done
  printf '%s' "$sql" | psql -X -q "$AUTHMIGRATE_BENCH_PG_URL" -f - >/dev/null
}
pg_check() {
  for ((i = 1; i <= $1; i++)); do
    [[ $(psql -X -Atqc "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'tenant_item_%'" "$pg_base/bench_t$i") == "$files" ]] ||
      die "bench_t$i lacks tables"
  done
}

my_rest=${AUTHMIGRATE_BENCH_MYSQL_URL:-mysql://x}
my_rest=${my_rest#*://}
my_base="mysql://${my_rest%%/*}"  # the server, without the database the URL may name
my_urls() { for ((i = 1; i <= $1; i++)); do echo "$my_base/bench_t$i"; done; }
my_fresh() {
  local sql=''
  for ((i = 1; i <= $1; i++)); do sql+="DROP DATABASE IF EXISTS bench_t$i; CREATE DATABASE bench_t$i;"$'\n'; my_dbs+=("bench_t$i"); done
  printf '%s' "$sql" | my_client
}
my_check() {
  local counts
  counts=$(my_client -N -e "SELECT count(*) FROM information_schema.tables WHERE table_schema LIKE 'bench\\_t%' AND table_name LIKE 'tenant\\_item\\_%' GROUP BY table_schema" | sort -u)
  [[ $counts == "$files" && $(my_client -N -e "SELECT count(DISTINCT table_schema) FROM information_schema.tables WHERE table_schema LIKE 'bench\\_t%' AND table_name LIKE 'tenant\\_item\\_%'") == "$1" ]] ||
    die "a MariaDB tenant lacks tables"
}

say "authmigrate $("$am" --version | head -n 1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
((sqlite_n == 0)) || run_dialect sqlite "$sqlite_n" sqlite_urls sqlite_fresh sqlite_check
((pg_n == 0)) || run_dialect postgres "$pg_n" pg_urls pg_fresh pg_check
((my_n == 0)) || run_dialect mysql "$my_n" my_urls my_fresh my_check
