#!/usr/bin/env bash
# Start-up and memory: the static release binary side by side with dbmate (a static Go binary) and with
# the floor, in one run.
#   1. `--version`: authmigrate (static release build; the dynamic dev build too, when built) vs dbmate;
#   2. a SQLite no-op `migrate` of 200 applied files vs dbmate's no-op `up`;
#   3. a PostgreSQL no-op `migrate` with the Better Auth schema (core + username) vs pg_select1.c, a
#      bare libpq program that logs in with the same URL and runs SELECT 1 (static, same libpq);
#   4. the same no-op on MariaDB vs my_select1.c (static, the same Connector/C), and dbmate's no-op `up`
#      of the same schema as one applied migration;
#   5. on both servers, `deploy` (the release step), `status` and `verify` of the same up-to-date
#      database against the same floors;
#   6. a second floor on both servers, "floor+reads": the same client, logging in and running the plainest
#      reads any schema check needs (the history rows, the four tables' columns and indexes), so that what
#      is left between it and authmigrate is authmigrate's own;
#   7. the peak RSS of every command above.
# Usage: bench/startup.sh [--runs N]   (default 30; medians are printed, never asserted)
# Environment: AUTHMIGRATE_BIN (default dist/linux-x64/authmigrate, from scripts/build-static.sh),
#   AUTHMIGRATE_BENCH_PG_URL, AUTHMIGRATE_BENCH_MYSQL_URL (default: the test servers of
#   scripts/test-servers/env.sh when they answer).
# Before the timed runs every binary's pages are dropped from the page cache once and read back by a
# warm-up run: RSS counts the file pages a process maps, and a file just written (by cp, strip or npm)
# sits in the page cache in large folios that are mapped whole (10 MB for a 2 MB working set).
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)
source "$bench/lib.sh"
runs=30
while (($#)); do
  case $1 in
  --runs) runs=${2:?--runs needs a number}; shift 2 ;;
  *) die "unknown argument: $1 (usage: bench/startup.sh [--runs N])" ;;
  esac
done

am=${AUTHMIGRATE_BIN:-$root/dist/linux-x64/authmigrate}
[[ -x $am ]] || die "no static binary at $am: run scripts/build-static.sh"
dynamic=$root/build/src/cli/authmigrate
dbmate=$(bench_dbmate)
command -v cc >/dev/null || apt_install gcc libc6-dev
command -v psql >/dev/null || apt_install postgresql-client
prefix=$(bash "$root/packaging/static/deps.sh" x86_64 | tail -n 1)

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-startup.XXXXXX")
cleanup() {
  rm -rf "$work"
  [[ -z ${pg_db:-} ]] || psql -X -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1
  [[ -z ${my_db:-} ]] || mariadb --no-defaults -h "$my_host" -P "$my_port" -u "$my_user" \
    -e "DROP DATABASE IF EXISTS $my_db; DROP DATABASE IF EXISTS ${my_db}_dbmate" >/dev/null 2>&1
  return 0
}
trap cleanup EXIT
cd "$work"
cc -O2 -o measure "$bench/measure.c"
cc -O2 -static -o pg_select1 "$bench/pg_select1.c" -I"$prefix/include" -L"$prefix/lib" -lpq -lpgcommon -lpgport \
  -lssl -lcrypto -lpthread 2>/dev/null
cc -O2 -o pg_select1_dynamic "$bench/pg_select1.c" -I/usr/include/postgresql -lpq
sysroot=$(cat "$prefix/sysroot")
cc -O2 -static -o my_select1 "$bench/my_select1.c" -I"$prefix/include/mariadb" -L"$prefix/lib" -lmariadbclient \
  -L"$sysroot/usr/lib/x86_64-linux-gnu" -lssl -lcrypto -lz -lpthread -ldl -lm 2>/dev/null

# ---- the databases: 200 applied files on SQLite (both tools), the Better Auth schema on PostgreSQL
mkdir -p am dbmate am-schema/migrations logs samples
for ((i = 1; i <= 200; i++)); do
  sql=$(printf 'CREATE TABLE t_%03d (id integer primary key, name varchar(100));' "$i")
  printf '%s\n' "$sql" >"am/$(printf '%04d_t.sql' "$i")"
  printf -- '-- migrate:up\n%s\n-- migrate:down\n' "$sql" >"dbmate/$(printf '%04d_t.sql' "$i")"
done
printf '[better_auth]\nplugins = ["username"]\n' >am-schema/authmigrate.toml
"$am" migrate --url sqlite:am.db --dir am >/dev/null
"$dbmate" --url sqlite:dbmate.db --migrations-dir dbmate --no-dump-schema up >/dev/null

pg_admin=${AUTHMIGRATE_BENCH_PG_URL:-$(source "$root/scripts/test-servers/env.sh" && echo "$AUTHMIGRATE_TEST_PG_URL")}
psql -X -Atqc 'select 1' "$pg_admin" >/dev/null 2>&1 || die "no PostgreSQL at ${pg_admin%%\?*}: set AUTHMIGRATE_BENCH_PG_URL"
pg_db=bench_startup_$RANDOM$RANDOM
psql -X -q "$pg_admin" -c "CREATE DATABASE $pg_db" >/dev/null
pg_url="${pg_admin%/*}/$pg_db?sslmode=disable"
export BETTER_AUTH_SECRET=bench-secret-0123456789abcdef0123456789 BETTER_AUTH_URL=https://bench.example.test
"$am" migrate --url "$pg_url" --dir am-schema/migrations --config am-schema/authmigrate.toml --yes >/dev/null

# MariaDB: the same schema; dbmate's no-op is its `up` with that schema applied as one migration
my_admin=${AUTHMIGRATE_BENCH_MYSQL_URL:-$(source "$root/scripts/test-servers/env.sh" && echo "${AUTHMIGRATE_TEST_MYSQL_URL:-}")}
my_db=bench_startup_$RANDOM$RANDOM
[[ -n $my_admin ]] || die "no MariaDB URL: set AUTHMIGRATE_BENCH_MYSQL_URL"
my_userinfo=${my_admin#*://} && my_userinfo=${my_userinfo%%@*}  # as written (percent-encoded), for dbmate
{ read -r my_host; read -r my_port; read -r my_user; read -r MYSQL_PWD; } < <(python3 -c '
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print(p.hostname, p.port or 3306, u.unquote(p.username or "root"), u.unquote(p.password or ""), sep="\n")' "$my_admin")
export MYSQL_PWD
mariadb --no-defaults -h "$my_host" -P "$my_port" -u "$my_user" -e "CREATE DATABASE $my_db" ||
  die "no MariaDB at $my_host:$my_port: set AUTHMIGRATE_BENCH_MYSQL_URL"
my_url="${my_admin%/}/$my_db"
"$am" migrate --url "$my_url" --dir am-schema/migrations --config am-schema/authmigrate.toml --yes >/dev/null
mkdir -p dbmate-my
{ echo '-- migrate:up'; "$am" generate --from-empty --dialect mysql --config am-schema/authmigrate.toml --output - 2>/dev/null; echo; echo '-- migrate:down'; } >dbmate-my/0001_auth.sql
"$dbmate" --url "mysql://$my_userinfo@$my_host:$my_port/${my_db}_dbmate" \
  --migrations-dir dbmate-my --no-dump-schema up >/dev/null 2>&1 || dbmate_my=missing

# ---- the commands: name, then argv
declare -A cmd
names=(am.version dbmate.version am.sqlite dbmate.sqlite am.pg floor.pg floor_dynamic.pg am.mysql floor.mysql
  deploy.pg status.pg verify.pg deploy.mysql status.mysql verify.mysql reads.pg reads.mysql)
cmd[am.version]="$am --version"
cmd[dbmate.version]="$dbmate --version"
cmd[am.sqlite]="$am migrate --url sqlite:am.db --dir am"
cmd[dbmate.sqlite]="$dbmate --url sqlite:dbmate.db --migrations-dir dbmate --no-dump-schema up"
cmd[am.pg]="$am migrate --url $pg_url --dir am-schema/migrations --config am-schema/authmigrate.toml"
cmd[floor.pg]="./pg_select1 $pg_url"
cmd[floor_dynamic.pg]="./pg_select1_dynamic $pg_url"
cmd[am.mysql]="$am migrate --url $my_url --dir am-schema/migrations --config am-schema/authmigrate.toml"
cmd[floor.mysql]="./my_select1 $my_host $my_port $my_user $my_db"
cmd[reads.pg]="./pg_select1 $pg_url <the history, the columns and indexes of user, session, account, verification>"
cmd[reads.mysql]="./my_select1 $my_host $my_port $my_user $my_db <the same reads from information_schema>"
schema_args="--dir am-schema/migrations --config am-schema/authmigrate.toml"
# floor+reads: bench code, written here as plainly as each server allows (not authmigrate's queries).
tables="'\"user\"'::regclass, '\"session\"'::regclass, '\"account\"'::regclass, '\"verification\"'::regclass"
reads_pg=("SELECT version, checksum FROM authmigrate_migrations UNION ALL SELECT '', ''"
  "SELECT attrelid, attname, atttypid, attnotnull, atthasdef FROM pg_catalog.pg_attribute WHERE attrelid = ANY (ARRAY[$tables]) AND attnum > 0 AND NOT attisdropped"
  "SELECT indrelid, indexrelid, indkey, indisunique FROM pg_catalog.pg_index WHERE indrelid = ANY (ARRAY[$tables])")
in_list="('user', 'session', 'account', 'verification')"
reads_my=("SELECT version, checksum FROM authmigrate_migrations UNION ALL SELECT '', ''"
  "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = '$my_db' AND table_name IN $in_list"
  "SELECT table_name, index_name, column_name, non_unique FROM information_schema.statistics WHERE table_schema = '$my_db' AND table_name IN $in_list")
for db in pg mysql; do
  url=$pg_url && [[ $db == pg ]] || url=$my_url
  cmd[deploy.$db]="$am deploy --url $url $schema_args"
  cmd[status.$db]="$am status --url $url $schema_args"
  cmd[verify.$db]="$am verify --url $url --config am-schema/authmigrate.toml"
done
if [[ -z ${dbmate_my:-} ]]; then
  names+=(dbmate.mysql)
  cmd[dbmate.mysql]="$dbmate --url mysql://$my_userinfo@$my_host:$my_port/${my_db}_dbmate --migrations-dir dbmate-my --no-dump-schema up"
fi
if [[ -x $dynamic ]]; then names+=(dynamic.version); cmd[dynamic.version]="$dynamic --version"; fi

binaries=("$am" "$dbmate" ./pg_select1 ./pg_select1_dynamic ./my_select1)
[[ ! -x $dynamic ]] || binaries+=("$dynamic")
for binary in "${binaries[@]}"; do
  sync "$binary"  # dirty pages (a binary just built) cannot be dropped
  dd if="$binary" iflag=nocache count=0 status=none 2>/dev/null || true
done
for ((n = 0; n <= runs; n++)); do  # run 0 warms up; the commands interleave within each round
  for name in "${names[@]}"; do
    case $name in  # the reads hold SQL; the other commands are word lists without quoting needs
    reads.pg) argv=(./pg_select1 "$pg_url" "${reads_pg[@]}") ;;
    reads.mysql) argv=(./my_select1 "$my_host" "$my_port" "$my_user" "$my_db" "${reads_my[@]}") ;;
    *) read -ra argv <<<"${cmd[$name]}" ;;
    esac
    ./measure "samples/$name.$n" "${argv[@]}" >"logs/$name.log" 2>&1 </dev/null ||
      { tail -5 "logs/$name.log" >&2; die "$name failed: ${cmd[$name]}"; }
  done
done
grep -q "nothing to apply\|up to date" logs/am.sqlite.log || die "the SQLite run was not a no-op: $(cat logs/am.sqlite.log)"
for db in pg mysql; do
  grep -q "nothing to apply: 0 migrations" "logs/am.$db.log" || die "the $db migrate was not a no-op"
  grep -q "no lock taken" "logs/deploy.$db.log" || die "the $db deploy was not a no-op: $(tail -3 "logs/deploy.$db.log")"
  grep -q "accepts this database" "logs/verify.$db.log" || die "the $db verify did not accept the database"
done

declare -A med rss
echo "authmigrate start-up and memory: $runs runs each (median ms, CPU ms, peak RSS MB); $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %10s %10s %10s  %s\n' command "median ms" "cpu ms" "RSS MB" "what"
for name in "${names[@]}"; do
  list=()
  for ((n = 1; n <= runs; n++)); do list+=("samples/$name.$n"); done
  read -r m _ _ c r < <(sample_stats "${list[@]}")
  med[$name]=$m rss[$name]=$r
  printf '%-18s %10s %10s %10s  %s\n' "$name" "$m" "$c" "$(awk -v k="$r" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$(sed -E 's#(://[^:/@]*):[^@/]*@#\1:****@#g' <<<"${cmd[$name]//$work\//}")"  # no password printed
done
peak=0
for name in am.version am.sqlite am.pg am.mysql deploy.pg deploy.mysql; do ((rss[$name] > peak)) && peak=${rss[$name]}; done
echo
echo "Targets (information only):"
printf '  --version                 %6s ms, %5s MB   target < 2 ms and < 3 MB   %s / %s\n' "${med[am.version]}" \
  "$(awk -v k="${rss[am.version]}" 'BEGIN { printf "%.1f", k / 1024 }')" "$(verdict "${med[am.version]}" "<" 2)" \
  "$(verdict "${rss[am.version]}" "<" 3072)"
r=$(ratio "${med[am.sqlite]}" "${med[dbmate.sqlite]}")
printf '  SQLite no-op (200 files)  authmigrate/dbmate = %s   target < 0.5   %s\n' "$r" "$(verdict "$r" "<" 0.5)"
r=$(ratio "${med[am.pg]}" "${med[floor.pg]}")
printf '  PostgreSQL no-op + schema authmigrate/libpq floor = %s   target <= 1.2   %s\n' "$r" "$(verdict "$r" "<=" 1.2)"
r=$(ratio "${med[am.mysql]}" "${med[floor.mysql]}")
printf '  MariaDB no-op + schema    authmigrate/Connector-C floor = %s   target <= 1.3   %s\n' "$r" "$(verdict "$r" "<=" 1.3)"
for db in pg mysql; do
  printf '  %-25s authmigrate/(floor + the plainest reads of history, columns, indexes) = %s\n' \
    "$([[ $db == pg ]] && echo PostgreSQL || echo MariaDB) no-op" "$(ratio "${med[am.$db]}" "${med[reads.$db]}")"
done
for step in deploy status verify; do
  printf '  %-25s PostgreSQL %s x the floor, MariaDB %s x   targets 1.2 / 1.3   %s / %s\n' "$step no-op" \
    "$(ratio "${med[$step.pg]}" "${med[floor.pg]}")" "$(ratio "${med[$step.mysql]}" "${med[floor.mysql]}")" \
    "$(verdict "$(ratio "${med[$step.pg]}" "${med[floor.pg]}")" "<=" 1.2)" \
    "$(verdict "$(ratio "${med[$step.mysql]}" "${med[floor.mysql]}")" "<=" 1.3)"
done
if [[ -n ${med[dbmate.mysql]:-} ]]; then
  printf '  MariaDB no-op             authmigrate/dbmate = %s\n' "$(ratio "${med[am.mysql]}" "${med[dbmate.mysql]}")"
fi
printf '  peak RSS of authmigrate   %s MB   target < 10 MB   %s\n' "$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')" \
  "$(verdict "$peak" "<" 10240)"
