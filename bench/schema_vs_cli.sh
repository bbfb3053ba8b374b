#!/usr/bin/env bash
# Benchmark of authmigrate's Better Auth schema sync against the real Better Auth CLI, side by side, on
# PostgreSQL and SQLite: a fresh migrate of the all-plugins schema, and a no-op migrate of an up-to-date
# database.
#
# Usage: bench/schema_vs_cli.sh [--runs N] [--db all|pg|sqlite] [--no-npx] [--keep]
#   --runs N   timed repetitions of every measurement (default 5); fresh = a new database each run
#   --db       which databases (default all)
#   --no-npx   leave out `npx auth migrate` (it is tried, offline, from tests/conformance/node_modules)
#   --keep     keep the work folder (databases, logs) and print where it is
#
# Tools, all with the same schema (25 tables, 276 columns on PostgreSQL):
#   authmigrate   authmigrate migrate --yes --config tests/conformance/configs/all-plugins.toml --url URL
#                 (no SQL files: the run is the schema sync plus the history-table check)
#   cli           tests/conformance/run-cli.sh all-plugins DIALECT URL migrate, i.e.
#                 node node_modules/auth/dist/index.mjs migrate --yes --config configs/all-plugins.mjs
#                 (Node 22 from node_modules, auth 1.7.7 / better-auth 1.7.7)
#   npx           npx --offline auth migrate --yes --config configs/all-plugins.mjs, from
#                 tests/conformance (what a deploy script calls; npm's own start-up on top)
#
# Environment:
#   AUTHMIGRATE_BENCH_PG_URL  a PostgreSQL URL of a user that may CREATE DATABASE; default the dev server
#                             postgres://postgres:devpass@127.0.0.1:55432/postgres
#   AUTHMIGRATE_BIN           the authmigrate binary; default build-bench/src/cli/authmigrate, built
#                             (Release, no tests) when missing
#   TMPDIR                    where the work folder (and so the SQLite databases) goes; default /tmp
#
# Wall time and CPU (user+sys of the whole process tree): bench/measure.c (ns / us resolution); peak
# RSS: /usr/bin/time -f '%e %M' (the largest process of the run: node for the CLI, not the wrappers).
# Prints medians, ratios and the targets (>= 50x faster than the real CLI, peak RSS under 15 MB) as
# information: the exit status is 0 whatever the timings (non-zero only when a tool fails or leaves the
# wrong tables). See bench/RESULTS-deploy-schema.md.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)
conformance=$root/tests/conformance
toml=$conformance/configs/all-plugins.toml
mjs=$conformance/configs/all-plugins.mjs

runs=5 which=all with_npx=1 keep=0
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while (($#)); do
  case $1 in
  --runs) runs=${2:?--runs needs a number}; shift 2 ;;
  --db) which=${2:?--db needs all, pg or sqlite}; shift 2 ;;
  --no-npx) with_npx=0; shift ;;
  --keep) keep=1; shift ;;
  -h | --help) usage; exit 0 ;;
  *) echo "error: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "error: --runs must be a positive number" >&2; exit 2; }
case $which in all | pg | sqlite) ;; *) echo "error: --db must be all, pg or sqlite" >&2; exit 2 ;; esac

source "$bench/lib.sh"  # say, die, apt_install

# ---------------------------------------------------------------------------------------------------
# Tools

[[ -x /usr/bin/time ]] || apt_install time
command -v sqlite3 >/dev/null || apt_install sqlite3
[[ $which == sqlite ]] || command -v psql >/dev/null || apt_install postgresql-client

am=${AUTHMIGRATE_BIN:-$root/build-bench/src/cli/authmigrate}
if [[ ! -x $am ]]; then
  [[ -z ${AUTHMIGRATE_BIN:-} ]] || die "AUTHMIGRATE_BIN=$am is not an executable"
  say "building authmigrate (Release, no tests) into build-bench/"
  cmake -G Ninja -S "$root" -B "$root/build-bench" -DAUTHMIGRATE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >&2
  cmake --build "$root/build-bench" >&2
fi
if [[ ! -x $conformance/node_modules/.bin/node || ! -f $conformance/node_modules/auth/dist/index.mjs ]]; then
  say "installing the real Better Auth CLI (tests/conformance/install.sh)"
  bash "$conformance/install.sh" >&2 || die "tests/conformance/install.sh failed"
fi
cli_version=$("$conformance/node_modules/.bin/node" -p "require('$conformance/node_modules/auth/package.json').version")
node_version=$("$conformance/node_modules/.bin/node" --version)

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-bench-schema.XXXXXX")
pg_databases=()
cleanup() {
  local status=$?
  set +e
  if ((${#pg_databases[@]})) && [[ -n ${pg_admin:-} ]]; then
    for d in "${pg_databases[@]}"; do psql -X -q "$pg_admin" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" >/dev/null 2>&1; done
  fi
  if ((keep)); then say "work folder kept: $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/cwd" "$work/logs" "$work/samples"
cd "$work/cwd"  # no .env and no better-auth_migrations here: authmigrate reads neither

export BETTER_AUTH_SECRET=bench-secret-0123456789abcdef0123456789abcdef
export BETTER_AUTH_URL=https://bench.example.com

# npx: usable only when it starts offline from the installed node_modules.
npx_env=(env PATH="$conformance/node_modules/.bin:$PATH" BETTER_AUTH_TELEMETRY=0 NO_COLOR=1 FORCE_COLOR=0
  NODE_NO_WARNINGS=1 npm_config_update_notifier=false npm_config_fund=false)
npx_note=''
if ((with_npx)); then
  if ! (cd "$conformance" && "${npx_env[@]}" timeout 120 npx --offline auth --version) >"$work/logs/npx-probe" 2>&1 </dev/null; then
    with_npx=0 npx_note="npx --offline auth did not start (see logs/npx-probe); npx left out"
    say "$npx_note"
  fi
fi
# The timer: bench/measure.c (CLOCK_MONOTONIC wall in ns, and the child tree's CPU time from wait4's
# rusage in microseconds; /usr/bin/time prints both with only 10 ms resolution, too coarse for a
# process of a few ms of CPU). Compiled into the work folder.
command -v cc >/dev/null || apt_install gcc libc6-dev
cc -O2 -o "$work/measure" "$bench/measure.c" || die "cannot compile bench/measure.c"
tools=(authmigrate cli)
((with_npx)) && tools+=(npx)

# ---------------------------------------------------------------------------------------------------
# Databases

pg_admin=''
if [[ $which != sqlite ]]; then
  pg_admin=${AUTHMIGRATE_BENCH_PG_URL:-postgres://postgres:devpass@127.0.0.1:55432/postgres}
  PGCONNECT_TIMEOUT=5 psql -X -Atqc 'SELECT 1' "$pg_admin" >/dev/null 2>&1 ||
    die "no PostgreSQL answers at ${pg_admin%%\?*} (set AUTHMIGRATE_BENCH_PG_URL, or --db sqlite)"
  [[ $pg_admin =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?(.*))?$ ]] ||
    die "the PostgreSQL URL must look like postgres://user:password@host:port/database[?params]"
  pg_base=${BASH_REMATCH[1]} pg_params=${BASH_REMATCH[5]}
  pg_prefix=bt_svc_$$
  pg_server=$(psql -X -Atqc "SHOW server_version" "$pg_admin")
  pg_fsync=$(psql -X -Atqc "SHOW fsync" "$pg_admin")
fi
pg_url() {
  local p=${pg_params:+$pg_params&}sslmode=disable
  [[ $pg_params == *sslmode=* ]] && p=$pg_params
  echo "$pg_base/$1?$p"
}
pg_create() { pg_databases+=("$1"); psql -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$1\"" "$pg_admin" >/dev/null; }
pg_drop() {
  psql -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE \"$1\" WITH (FORCE)" "$pg_admin" >/dev/null
  local d kept=()
  for d in "${pg_databases[@]}"; do [[ $d == "$1" ]] || kept+=("$d"); done
  pg_databases=("${kept[@]}")
}

# the Better Auth tables in a database (authmigrate's history table left out)
tables_in() {  # DIALECT TARGET
  if [[ $1 == pg ]]; then
    psql -X -Atqc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'authmigrate_migrations'" "$(pg_url "$2")"
  else
    sqlite3 "$2" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'authmigrate_migrations'"
  fi
}
want_tables=$("$am" generate --from-empty --dialect postgres --config "$toml" --output "$work/full.sql" >/dev/null 2>&1 &&
  grep -ci '^create table' "$work/full.sql") || die "authmigrate generate failed"

# ---------------------------------------------------------------------------------------------------
# Running one tool once

# tool_cmd TOOL DIALECT URL -> sets cmd=(...) and cmd_dir (the cwd)
tool_cmd() {
  local dialect=$2 url=$3 kind
  kind=$([[ $dialect == pg ]] && echo postgres || echo sqlite)
  case $1 in
  authmigrate)
    cmd_dir=$work/cwd
    if [[ $dialect == pg ]]; then cmd=("$am" migrate --yes --config "$toml" --url "$url")
    else cmd=("$am" migrate --yes --config "$toml" --url "sqlite:$url"); fi ;;
  cli)
    cmd_dir=$work/cwd
    cmd=("$conformance/run-cli.sh" all-plugins "$kind" "$url" migrate) ;;
  npx)
    cmd_dir=$conformance
    cmd=("${npx_env[@]}" AM_DIALECT="$kind" AM_DB_URL="$url" npx --offline auth migrate --yes --config "$mjs") ;;
  esac
}

# measure KEY TOOL DIALECT URL -> samples/KEY: "<wall s> <peak RSS KiB> <CPU s>"; output in logs/KEY.
# Wall and CPU (user+sys of the whole process tree) from bench/measure.c; peak RSS from
# /usr/bin/time -f %M (the largest single process of the tree: node for the CLI, not the wrappers).
measure() {
  local key=$1 rc=0 ns kib code cpu_ns rss
  tool_cmd "$2" "$3" "$4"
  (cd "$cmd_dir" && "$work/measure" "$work/samples/$key.measure" \
    /usr/bin/time -o "$work/samples/$key.time" -f '%e %M' "${cmd[@]}") >"$work/logs/$key" 2>&1 </dev/null || rc=$?
  if ((rc != 0)); then
    say "error: $key failed (exit $rc): ${cmd[*]}"
    tail -n 30 "$work/logs/$key" >&2
    exit 1
  fi
  read -r ns kib code cpu_ns <"$work/samples/$key.measure"
  read -r _ rss <"$work/samples/$key.time"
  awk -v w="$ns" -v r="$rss" -v c="$cpu_ns" 'BEGIN { printf "%.4f %d %.4f\n", w / 1e9, r, c / 1e9 }' >"$work/samples/$key"
}

expect_noop() {  # KEY TOOL: the run really had nothing to do
  case $2 in
  authmigrate) grep -q 'Better Auth schema is up to date' "$work/logs/$1" || die "$1: authmigrate did not report an up-to-date schema (logs/$1)" ;;
  *) grep -q 'No migrations needed' "$work/logs/$1" || die "$1: the CLI run was not a no-op (logs/$1)" ;;
  esac
}

# one DIALECT TOOL RUN: a fresh migrate on a new database, checked; then (the database now up to date)
# the no-op runs use the tool's own database prepared at run 0.
target_for() {  # DIALECT NAME -> database name (pg) or file (sqlite)
  if [[ $1 == pg ]]; then echo "${pg_prefix}_$2"; else echo "$work/$2.sqlite"; fi
}
url_for() { if [[ $1 == pg ]]; then pg_url "$2"; else echo "$2"; fi; }

fresh() {  # DIALECT TOOL RUN
  local d=$1 t=$2 n=$3 target got
  target=$(target_for "$d" "fresh_${t}_$n")
  [[ $d == pg ]] && pg_create "$target"
  measure "$d.$t.fresh.$n" "$t" "$d" "$(url_for "$d" "$target")"
  got=$(tables_in "$d" "$target")
  [[ $got == "$want_tables" ]] || die "$t (fresh, $d, run $n) left $got tables, want $want_tables"
  if [[ $d == pg ]]; then pg_drop "$target"; else rm -f "$target"*; fi
}
noop() {  # DIALECT TOOL RUN
  local d=$1 t=$2 n=$3 target
  target=$(target_for "$d" "noop_$t")
  measure "$d.$t.noop.$n" "$t" "$d" "$(url_for "$d" "$target")"
  expect_noop "$d.$t.noop.$n" "$t"
}
prepare_noop() {  # DIALECT TOOL: the up-to-date database of the no-op runs, migrated by the tool itself
  local d=$1 t=$2 target
  target=$(target_for "$d" "noop_$t")
  [[ $d == pg ]] && pg_create "$target"
  measure "$d.$t.prepare" "$t" "$d" "$(url_for "$d" "$target")"
  [[ $(tables_in "$d" "$target") == "$want_tables" ]] || die "$t did not migrate the no-op database ($d)"
}

dbs=()
[[ $which == sqlite ]] || dbs+=(pg)
[[ $which == pg ]] || dbs+=(sqlite)

say "authmigrate: $am ($("$am" --version 2>/dev/null | head -n 1); built $(date -u -r "$am" '+%Y-%m-%d %H:%M UTC'))"
say "real CLI:    auth $cli_version, node $node_version (tests/conformance/node_modules)${npx_note:+; $npx_note}"
[[ -z $pg_admin ]] || say "PostgreSQL:  $pg_server at ${pg_base#*@} (fsync=$pg_fsync)"
say "SQLite:      databases in $work ($(df -PT "$work" | awk 'NR==2 {print $2}')); libsqlite3 for authmigrate, node:sqlite for the CLI"
say "machine:     $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
say "$runs runs of each measurement (+1 warm-up); tools: ${tools[*]}"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

for d in "${dbs[@]}"; do
  say "$d: preparing the up-to-date databases"
  for t in "${tools[@]}"; do prepare_noop "$d" "$t"; done
  # run 0 is the warm-up (not reported); the tools interleaved in a rotating order within each run
  for ((n = 0; n <= runs; n++)); do
    if ((n == 0)); then say "$d: warm-up"; else say "$d: run $n of $runs"; fi
    for ((k = 0; k < ${#tools[@]}; k++)); do
      t=${tools[$(((k + n) % ${#tools[@]}))]}
      fresh "$d" "$t" "$n"
      noop "$d" "$t" "$n"
    done
  done
  for t in "${tools[@]}"; do
    if [[ $d == pg ]]; then pg_drop "$(target_for pg "noop_$t")"; else rm -f "$(target_for sqlite "noop_$t")"*; fi
  done
done

# ---------------------------------------------------------------------------------------------------
# Report

stats() {  # KEY -> "median_s min_s max_s cpu_median_s rss_max_kib" over runs 1..N
  local n
  for ((n = 1; n <= runs; n++)); do cat "$work/samples/$1.$n"; done |
    awk '{ w[NR] = $1; c[NR] = $3; if ($2 > rss) rss = $2 }
      function sort(a, k,   i, j, t) { for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
      function median(a, k) { return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
      END { sort(w, NR); sort(c, NR); printf "%.4f %.4f %.4f %.4f %d\n", median(w, NR), w[1], w[NR], median(c, NR), rss }'
}
ms() { awk -v s="$1" 'BEGIN { v = s * 1000; printf (v < 100 ? "%.1f" : "%.0f"), v }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf (a / b < 10 ? "%.1f" : "%.0f"), a / b }'; }
label_of() {
  case $1 in
  authmigrate) echo "authmigrate migrate" ;;
  cli) echo "auth migrate (node, run-cli.sh)" ;;
  npx) echo "npx --offline auth migrate" ;;
  esac
}

declare -A med rss cpum
echo
echo "Better Auth schema sync (all-plugins: $want_tables tables): authmigrate vs the real CLI (auth $cli_version, node $node_version);" \
  "median of $runs runs; $(date -u +%Y-%m-%d), $(nproc) cores${pg_admin:+, PostgreSQL $pg_server (fsync=$pg_fsync)}"
echo
printf '%-8s %-9s %-34s %10s %10s %10s %9s %8s\n' db scenario tool "median ms" "min ms" "max ms" "CPU ms" "RSS MB"
for d in "${dbs[@]}"; do
  for s in noop fresh; do
    for t in "${tools[@]}"; do
      read -r m lo hi cpu r < <(stats "$d.$t.$s")
      med[$d.$s.$t]=$m rss[$d.$s.$t]=$r cpum[$d.$s.$t]=$cpu
      printf '%-8s %-9s %-34s %10s %10s %10s %9s %8s\n' "$([[ $d == pg ]] && echo postgres || echo sqlite)" "$s" \
        "$(label_of "$t")" "$(ms "$m")" "$(ms "$lo")" "$(ms "$hi")" "$(ms "$cpu")" "$(mb "$r")"
    done
  done
done

echo
echo "Ratios of the medians (how many times faster authmigrate is; wall, and CPU in brackets) and the targets (information only):"
am_rss=0
for d in "${dbs[@]}"; do
  for s in noop fresh; do
    for t in "${tools[@]}"; do
      [[ $t == authmigrate ]] && continue
      r=$(ratio "${med[$d.$s.$t]}" "${med[$d.$s.authmigrate]}")
      printf '  %-8s %-6s %-34s / authmigrate = %6sx wall (%sx CPU)   target >= 50x (wall): %s\n' \
        "$([[ $d == pg ]] && echo postgres || echo sqlite)" "$s" "$(label_of "$t")" "$r" \
        "$(ratio "${cpum[$d.$s.$t]}" "${cpum[$d.$s.authmigrate]}")" \
        "$(awk -v r="${med[$d.$s.$t]}" -v a="${med[$d.$s.authmigrate]}" 'BEGIN { print (r / a >= 50) ? "met" : "NOT met" }')"
    done
    ((rss[$d.$s.authmigrate] > am_rss)) && am_rss=${rss[$d.$s.authmigrate]}
  done
done
printf '  authmigrate peak RSS (all runs) = %s MB   target < 15 MB: %s\n' "$(mb "$am_rss")" \
  "$(awk -v k="$am_rss" 'BEGIN { print (k / 1024 < 15) ? "met" : "NOT met" }')"
echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $load_start at the start (1, 5, 15 min; above $(nproc) means other work competed for the cores)."
