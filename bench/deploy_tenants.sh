#!/usr/bin/env bash
# Benchmark of `authmigrate deploy` over many tenant databases on one PostgreSQL server, against the
# shell recipe's loop doing the same work (../../shared/docs/the-shell-recipe.md).
#
# Usage: bench/deploy_tenants.sh [--tenants N] [--files N] [--runs N] [--no-cli] [--keep]
#   --tenants N  tenant databases bt_1 .. bt_N (default 100)
#   --files N    SQL migration files besides the Better Auth schema (default 20): small tables with an
#                index; every third one has a "userId" referencing "user"("id")
#   --runs N     timed repetitions of every variant, each on freshly created databases (default 3)
#   --no-cli     skip the one real Better Auth CLI run (the npx extrapolation is then not printed)
#   --keep       keep the work folder (SQL files, URL list, logs) and print where it is
#
# What is compared (each on N fresh, empty databases; all create the same tables and indexes):
#   authmigrate deploy --urls-file URLS --jobs 1      the full Better Auth schema of
#   authmigrate deploy --urls-file URLS --jobs 4        tests/conformance/configs/all-plugins.toml
#                                                     (25 tables) plus the SQL files, with wait, lock,
#                                                     history table and verify
#   recipe loop (sequential)   for each database: psql -f full-schema.sql, then psql -f each SQL file.
#                              full-schema.sql is `authmigrate generate --from-empty --dialect postgres`
#                              of the same config, generated once beforehand (not timed). This is the
#                              raw work of the shell recipe without its Node start-up.
#   recipe loop, 4 at a time   the same loop, 4 databases at once (xargs -P 4), to set against --jobs 4
#   real CLI, extrapolated     ONE measured `auth migrate --yes` (tests/conformance/run-cli.sh, and
#                              `npx auth migrate --yes` when npx works offline) on a fresh database,
#                              times N, plus the measured psql-file part of the sequential loop: what the
#                              recipe would cost with the CLI per database. An extrapolation, not a run.
#
# Environment:
#   AUTHMIGRATE_BENCH_PG_URL  a PostgreSQL URL of a user that may CREATE DATABASE; default the dev server
#                             postgres://postgres:devpass@127.0.0.1:55432/postgres
#   AUTHMIGRATE_BIN           the authmigrate binary; default build-bench/src/cli/authmigrate, built
#                             (Release, no tests) when missing
#   TMPDIR                    where the work folder goes; default /tmp
#
# Prints wall times (median, min, max over the runs), client CPU, client peak RSS, and ratios. Timings
# are information: the exit status is 0 whatever they are (non-zero only when a tool fails, a database
# ends up with the wrong tables, or the setup is impossible). See bench/RESULTS-deploy-schema.md.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)
conformance=$root/tests/conformance
config=$conformance/configs/all-plugins.toml

tenants=100 files=20 runs=3 with_cli=1 keep=0
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while (($#)); do
  case $1 in
  --tenants) tenants=${2:?--tenants needs a number}; shift 2 ;;
  --files) files=${2:?--files needs a number}; shift 2 ;;
  --runs) runs=${2:?--runs needs a number}; shift 2 ;;
  --no-cli) with_cli=0; shift ;;
  --keep) keep=1; shift ;;
  -h | --help) usage; exit 0 ;;
  *) echo "error: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "error: --runs must be a positive number" >&2; exit 2; }
if ! [[ $tenants =~ ^[1-9][0-9]*$ ]] || ((tenants > 1000)); then echo "error: --tenants must be 1..1000" >&2; exit 2; fi
if ! [[ $files =~ ^[1-9][0-9]*$ ]] || ((files > 999)); then echo "error: --files must be 1..999" >&2; exit 2; fi

source "$bench/lib.sh"  # say, die, apt_install

# ---------------------------------------------------------------------------------------------------
# Tools

command -v psql >/dev/null || apt_install postgresql-client
[[ -x /usr/bin/time ]] || apt_install time

am=${AUTHMIGRATE_BIN:-$root/build-bench/src/cli/authmigrate}
if [[ ! -x $am ]]; then
  [[ -z ${AUTHMIGRATE_BIN:-} ]] || die "AUTHMIGRATE_BIN=$am is not an executable"
  say "building authmigrate (Release, no tests) into build-bench/"
  cmake -G Ninja -S "$root" -B "$root/build-bench" -DAUTHMIGRATE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >&2
  cmake --build "$root/build-bench" >&2
fi

if ((with_cli)); then
  if [[ ! -x $conformance/node_modules/.bin/node || ! -f $conformance/node_modules/auth/dist/index.mjs ]]; then
    say "installing the real Better Auth CLI (tests/conformance/install.sh)"
    bash "$conformance/install.sh" >&2 || die "tests/conformance/install.sh failed (or pass --no-cli)"
  fi
fi

# ---------------------------------------------------------------------------------------------------
# PostgreSQL

pg_admin=${AUTHMIGRATE_BENCH_PG_URL:-postgres://postgres:devpass@127.0.0.1:55432/postgres}
PGCONNECT_TIMEOUT=5 psql -X -Atqc 'SELECT 1' "$pg_admin" >/dev/null 2>&1 ||
  die "no PostgreSQL answers at ${pg_admin%%\?*} (set AUTHMIGRATE_BENCH_PG_URL)"
[[ $pg_admin =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?(.*))?$ ]] ||
  die "the PostgreSQL URL must look like postgres://user:password@host:port/database[?params]"
pg_base=${BASH_REMATCH[1]} pg_params=${BASH_REMATCH[5]}
# sslmode=disable for every tool alike (loopback; saves each client the TLS probe of sslmode=prefer).
pg_url() {
  local p=${pg_params:+$pg_params&}sslmode=disable
  [[ $pg_params == *sslmode=* ]] && p=$pg_params
  echo "$pg_base/$1?$p"
}
admin() { psql -X -q -v ON_ERROR_STOP=1 "$pg_admin" "$@"; }
pg_server=$(psql -X -Atqc "SHOW server_version" "$pg_admin")
pg_fsync=$(psql -X -Atqc "SHOW fsync" "$pg_admin")
pg_sync_commit=$(psql -X -Atqc "SHOW synchronous_commit" "$pg_admin")
pg_max_conn=$(psql -X -Atqc "SHOW max_connections" "$pg_admin")
pg_used_conn=$(psql -X -Atqc "SELECT count(*) FROM pg_stat_activity" "$pg_admin")
# jobs 4 (and the 4-at-a-time loop) need 4 connections, plus this script's admin connection.
((pg_max_conn - pg_used_conn >= 8)) ||
  die "the server has $pg_used_conn of max_connections=$pg_max_conn in use; this benchmark needs 6 more"

# Databases bt_1 .. bt_N (and bt_cli, bt_npx for the CLI runs). Refuse to touch any that already exist:
# they are not ours.
existing=$(psql -X -Atqc "SELECT string_agg(datname, ' ') FROM pg_database WHERE datname ~ '^bt_([0-9]+|cli|npx)$'" "$pg_admin")
[[ -z $existing ]] || die "databases named like this benchmark's already exist on the server: $existing (drop them, or use another server)"

created=()  # databases this script created and has not dropped
drop_all() {  # names...
  local sql='' d
  for d in "$@"; do sql+="DROP DATABASE IF EXISTS \"$d\" WITH (FORCE);"$'\n'; done
  [[ -z $sql ]] || printf '%s' "$sql" | admin -f - >/dev/null
}
create_tenants() {
  local sql='' i
  for ((i = 1; i <= tenants; i++)); do sql+="CREATE DATABASE \"bt_$i\";"$'\n'; created+=("bt_$i"); done
  printf '%s' "$sql" | admin -f - >/dev/null
}
drop_tenants() {
  local names=() i
  for ((i = 1; i <= tenants; i++)); do names+=("bt_$i"); done
  drop_all "${names[@]}"
  created=()
}

work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-bench-deploy.XXXXXX")
cleanup() {
  local status=$?
  set +e
  ((${#created[@]} == 0)) || drop_all "${created[@]}" 2>/dev/null
  if ((keep)); then say "work folder kept: $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$work"  # no .env here: authmigrate reads none

# ---------------------------------------------------------------------------------------------------
# The work: the full schema DDL (generated once), the SQL files, the URL list.

export BETTER_AUTH_SECRET=bench-secret-0123456789abcdef0123456789abcdef
export BETTER_AUTH_URL=https://bench.example.com
"$am" generate --from-empty --dialect postgres --config "$config" --output "$work/full-schema.sql" >logs.generate 2>&1 ||
  { cat logs.generate >&2; die "authmigrate generate failed"; }
schema_tables=$(grep -ci '^create table' full-schema.sql)

mkdir -p better-auth_migrations logs samples
for ((i = 1; i <= files; i++)); do
  n=$(printf '%03d' "$i")
  if ((i % 3 == 0)); then
    sql="create table \"tenant_note_$n\" (\"id\" text not null primary key, \"userId\" text not null references \"user\" (\"id\") on delete cascade, \"body\" text, \"createdAt\" timestamptz not null default now());
create index \"tenant_note_${n}_userId_idx\" on \"tenant_note_$n\" (\"userId\");"
  else
    sql="create table \"tenant_item_$n\" (\"id\" bigint generated by default as identity primary key, \"name\" varchar(100) not null, \"qty\" integer not null default 0, \"createdAt\" timestamptz not null default now());
create index \"tenant_item_${n}_name_idx\" on \"tenant_item_$n\" (\"name\");"
  fi
  printf '%s\n' "$sql" >"better-auth_migrations/0$n""_tenant_$n.sql"
done
want_tables=$((schema_tables + files))

: >urls
for ((i = 1; i <= tenants; i++)); do pg_url "bt_$i" >>urls; done

# The shell recipe's loop for ONE database (its URL is $1), as a script of its own; it writes the time
# of its two parts (schema DDL, SQL files; microseconds) to $2 when given.
cat >recipe-one.sh <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
url=$1 times=${2:-/dev/null}
t0=${EPOCHREALTIME/./}
psql -X -q -v ON_ERROR_STOP=1 -f full-schema.sql "$url" >/dev/null
t1=${EPOCHREALTIME/./}
for file in ./better-auth_migrations/*.sql; do
  psql -X -q -v ON_ERROR_STOP=1 -f "$file" "$url" >/dev/null
done
t2=${EPOCHREALTIME/./}
echo "$((t1 - t0)) $((t2 - t1))" >>"$times"
EOF
# ON_ERROR_STOP (which the recipe lacks) only makes a failure visible here; it does not change the work.
cat >recipe-loop.sh <<'EOF'
#!/usr/bin/env bash
# recipe-loop.sh URLS PARALLEL TIMES: every database of URLS through recipe-one.sh, PARALLEL at a time.
set -euo pipefail
if [[ $2 == 1 ]]; then
  while IFS= read -r url; do ./recipe-one.sh "$url" "$3"; done <"$1"
else
  xargs -P "$2" -I{} -d '\n' ./recipe-one.sh {} "$3" <"$1"
fi
EOF
chmod +x recipe-one.sh recipe-loop.sh

# ---------------------------------------------------------------------------------------------------
# Measuring: /usr/bin/time for the client's peak RSS and CPU, the shell's clock for the wall time.

# timed KEY COMMAND... -> samples/KEY: "<wall s> <peak RSS KiB> <user+sys CPU s>"; output in logs/KEY
timed() {
  local key=$1 t0 t1 rc=0
  shift
  t0=$EPOCHREALTIME
  /usr/bin/time -o "samples/$key.time" -f '%e %M %U %S' "$@" >"logs/$key" 2>&1 </dev/null || rc=$?
  t1=$EPOCHREALTIME
  if ((rc != 0)); then
    say "error: $key failed (exit $rc): $*"
    tail -n 30 "logs/$key" >&2
    exit 1
  fi
  read -r _ rss u s <"samples/$key.time"
  awk -v a="$t0" -v b="$t1" -v r="$rss" -v u="$u" -v s="$s" 'BEGIN { printf "%.3f %d %.2f\n", b - a, r, u + s }' >"samples/$key"
}

# check_tenants LABEL: every tenant database has the schema's and the files' tables and the same
# number of indexes as a reference database (authmigrate's own history table left out).
check_tenants() {
  local label=$1 i got
  for ((i = 1; i <= tenants; i++)); do
    got=$(psql -X -Atq -F ' ' -c "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'authmigrate_migrations'),
      (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'authmigrate_migrations')" "$(pg_url "bt_$i")")
    [[ ${got% *} == "$want_tables" ]] || die "$label: bt_$i has ${got% *} tables, want $want_tables"
    if [[ -z ${want_indexes:-} ]]; then want_indexes=${got#* }; fi
    [[ ${got#* } == "$want_indexes" ]] || die "$label: bt_$i has ${got#* } indexes, want $want_indexes"
  done
}

variants=(am1 am4 loop1 loop4)
run_variant() {  # VARIANT RUN
  local v=$1 n=$2
  create_tenants
  case $v in
  am1) timed "am1.$n" "$am" deploy --urls-file urls --jobs 1 --dir better-auth_migrations --config "$config" ;;
  am4) timed "am4.$n" "$am" deploy --urls-file urls --jobs 4 --dir better-auth_migrations --config "$config" ;;
  loop1) timed "loop1.$n" ./recipe-loop.sh urls 1 "samples/loop1.$n.parts" ;;
  loop4) timed "loop4.$n" ./recipe-loop.sh urls 4 "samples/loop4.$n.parts" ;;
  esac
  check_tenants "$v (run $n)"
  drop_tenants
}

say "authmigrate: $am ($("$am" --version 2>/dev/null | head -n 1); built $(date -u -r "$am" '+%Y-%m-%d %H:%M UTC'))"
say "recipe:      $(psql --version | head -n 1), bash $BASH_VERSION"
say "PostgreSQL:  $pg_server at ${pg_base#*@} (fsync=$pg_fsync, synchronous_commit=$pg_sync_commit, max_connections=$pg_max_conn)"
say "machine:     $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
say "$tenants tenant databases; Better Auth schema: $schema_tables tables ($(basename "$config")); $files SQL files; $runs runs"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# One untimed warm-up (page cache, binaries, the server's catalog caches) on 4 databases.
say "warm-up"
saved=$tenants tenants=4
head -n 4 urls >urls.warm
create_tenants
"$am" deploy --urls-file urls.warm --jobs 1 --dir better-auth_migrations --config "$config" >logs/warm 2>&1 || { cat logs/warm >&2; die "warm-up deploy failed"; }
drop_tenants
create_tenants
./recipe-loop.sh urls.warm 1 /dev/null >/dev/null 2>&1 || die "warm-up recipe loop failed"
drop_tenants
tenants=$saved want_indexes=

# The variants interleaved within each run, in a rotating order, so a noisy moment hits all alike.
for ((n = 1; n <= runs; n++)); do
  for ((k = 0; k < ${#variants[@]}; k++)); do
    v=${variants[$(((k + n - 1) % ${#variants[@]}))]}
    say "run $n of $runs: $v"
    run_variant "$v" "$n"
  done
done

# ONE real CLI run (and one npx run) on a fresh database, then its psql files (untimed) and a check.
cli_s='' npx_s='' cli_rss='' npx_rss='' npx_note=''
if ((with_cli)); then
  export AM_DIALECT=postgres
  say "one real Better Auth CLI run: run-cli.sh all-plugins postgres ... migrate"
  created+=(bt_cli)
  admin -c 'CREATE DATABASE "bt_cli"' >/dev/null
  timed cli "$conformance/run-cli.sh" all-plugins postgres "$(pg_url bt_cli)" migrate
  read -r cli_s cli_rss _ <samples/cli
  got=$(psql -X -Atqc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" "$(pg_url bt_cli)")
  [[ $got == "$schema_tables" ]] || die "the real CLI created $got tables in bt_cli, want $schema_tables"
  drop_all bt_cli
  created=()

  # npx, offline, from the installed node_modules, as the recipe calls it (Node 22 first on PATH, as
  # run-cli.sh does; the CLI's package is `auth`, the renamed @better-auth/cli).
  say "one real Better Auth CLI run through npx: npx --offline auth migrate --yes"
  created+=(bt_npx)
  admin -c 'CREATE DATABASE "bt_npx"' >/dev/null
  mkdir -p npx-cwd
  if (cd "$conformance" && env PATH="$conformance/node_modules/.bin:$PATH" AM_DIALECT=postgres AM_DB_URL="$(pg_url bt_npx)" \
    BETTER_AUTH_TELEMETRY=0 NO_COLOR=1 FORCE_COLOR=0 NODE_NO_WARNINGS=1 npm_config_update_notifier=false \
    timeout 120 npx --offline --no-install auth --help) >logs/npx-probe 2>&1 </dev/null; then
    t0=$EPOCHREALTIME
    if (cd "$conformance" && env PATH="$conformance/node_modules/.bin:$PATH" AM_DIALECT=postgres AM_DB_URL="$(pg_url bt_npx)" \
      BETTER_AUTH_TELEMETRY=0 NO_COLOR=1 FORCE_COLOR=0 NODE_NO_WARNINGS=1 npm_config_update_notifier=false \
      /usr/bin/time -o "$work/samples/npx.time" -f '%e %M %U %S' \
      npx --offline --no-install auth migrate --yes --config "$conformance/configs/all-plugins.mjs") >logs/npx 2>&1 </dev/null; then
      t1=$EPOCHREALTIME
      npx_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
      read -r _ npx_rss _ _ <samples/npx.time
      got=$(psql -X -Atqc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" "$(pg_url bt_npx)")
      [[ $got == "$schema_tables" ]] || { npx_s='' npx_note="npx ran but created $got tables, not $schema_tables"; }
    else
      npx_note="npx auth migrate failed offline (logs/npx)"
      tail -n 5 logs/npx >&2
    fi
  else
    npx_note="npx --offline auth did not start (logs/npx-probe)"
  fi
  drop_all bt_npx
  created=()
fi

# ---------------------------------------------------------------------------------------------------
# Report

# stats KEY -> "median min max cpu_median rss_max" over runs 1..N
stats() {
  local n
  for ((n = 1; n <= runs; n++)); do cat "samples/$1.$n"; done |
    awk '{ w[NR] = $1; c[NR] = $3; if ($2 > rss) rss = $2 }
      function sort(a, k,   i, j, t) { for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
      function median(a, k) { return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
      END { sort(w, NR); sort(c, NR); printf "%.2f %.2f %.2f %.2f %d\n", median(w, NR), w[1], w[NR], median(c, NR), rss }'
}
# parts KEY -> "schema_s files_s": the sequential loop's two parts summed over the databases, median over runs
parts() {
  local n
  for ((n = 1; n <= runs; n++)); do
    awk '{ a += $1; b += $2 } END { printf "%.3f %.3f\n", a / 1e6, b / 1e6 }' "samples/$1.$n.parts"
  done | sort -n -k2 | awk '{ s[NR] = $1; f[NR] = $2 } END { m = int((NR + 1) / 2); printf "%.2f %.2f\n", s[m], f[m] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }

declare -A med cpum
label_of() {
  case $1 in
  am1) echo "authmigrate deploy --jobs 1" ;;
  am4) echo "authmigrate deploy --jobs 4" ;;
  loop1) echo "recipe loop (psql -f), sequential" ;;
  loop4) echo "recipe loop (psql -f), 4 at a time" ;;
  esac
}

echo
echo "Deploying $tenants fresh tenant databases (Better Auth all-plugins: $schema_tables tables; + $files SQL files):" \
  "median of $runs runs; $(date -u +%Y-%m-%d), $(nproc) cores, PostgreSQL $pg_server (fsync=$pg_fsync)"
echo
printf '%-38s %9s %9s %9s %12s %13s %9s\n' variant "median s" "min s" "max s" "per db ms" "client CPU s" "RSS MB"
for v in "${variants[@]}"; do
  read -r m lo hi cpu rss < <(stats "$v")
  med[$v]=$m cpum[$v]=$cpu
  printf '%-38s %9s %9s %9s %12s %13s %9s\n' "$(label_of "$v")" "$m" "$lo" "$hi" \
    "$(awk -v m="$m" -v t="$tenants" 'BEGIN { printf "%.0f", m * 1000 / t }')" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
done
read -r loop_schema loop_files < <(parts loop1)
echo "  (sequential loop, median run: schema DDL psql -f ${loop_schema} s, SQL files psql -f ${loop_files} s, over $tenants databases;"
echo "   client CPU/RSS of the loops: bash, xargs and all the psql processes together, RSS = the largest one)"
echo
echo "Ratios (medians):"
echo "  recipe loop sequential / authmigrate --jobs 1    = $(ratio "${med[loop1]}" "${med[am1]}")x"
echo "  recipe loop 4 at a time / authmigrate --jobs 4   = $(ratio "${med[loop4]}" "${med[am4]}")x"
echo "  recipe loop sequential / authmigrate --jobs 4    = $(ratio "${med[loop1]}" "${med[am4]}")x"
echo "  authmigrate --jobs 1 / --jobs 4 (speed-up)       = $(ratio "${med[am1]}" "${med[am4]}")x   ($(nproc) cores, server on the same machine)"
echo "  client CPU: recipe loop sequential / authmigrate --jobs 1 = $(ratio "${cpum[loop1]}" "${cpum[am1]}")x   (the server's CPU is in neither)"

if ((with_cli)); then
  echo
  echo "EXTRAPOLATION (not a run): the recipe with the real Better Auth CLI per database ="
  echo "  $tenants x (one measured CLI migrate of all-plugins on a fresh database) + the measured psql-file part ($loop_files s)"
  extra() { awk -v c="$1" -v t="$tenants" -v f="$loop_files" 'BEGIN { printf "%.0f", c * t + f }'; }
  e_cli=$(extra "$cli_s")
  printf '  %-52s one run %6s s, %5.0f MB  -> %6s s = %s x authmigrate --jobs 1, %s x --jobs 4\n' \
    "node node_modules/auth/dist/index.mjs (run-cli.sh)" "$cli_s" "$(awk -v k="$cli_rss" 'BEGIN { print k / 1024 }')" \
    "$e_cli" "$(ratio "$e_cli" "${med[am1]}")" "$(ratio "$e_cli" "${med[am4]}")"
  if [[ -n $npx_s ]]; then
    e_npx=$(extra "$npx_s")
    printf '  %-52s one run %6s s, %5.0f MB  -> %6s s = %s x authmigrate --jobs 1, %s x --jobs 4\n' \
      "npx --offline auth migrate --yes" "$npx_s" "$(awk -v k="$npx_rss" 'BEGIN { print k / 1024 }')" \
      "$e_npx" "$(ratio "$e_npx" "${med[am1]}")" "$(ratio "$e_npx" "${med[am4]}")"
  else
    echo "  npx: not measured ($npx_note)"
  fi
  echo "  (a single CLI run under this machine's load; the CLI's time is dominated by Node start-up and loading"
  echo "   the config's plugins, so N runs would cost about N times one; npx from a cold cache or with a"
  echo "   download would cost more)"
fi
echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $load_start at the start (1, 5, 15 min; above $(nproc) means other work competed for the cores)."
