#!/usr/bin/env bash
# The test command: installs what is missing, builds with sanitizers into build-test, starts throwaway
# PostgreSQL and MariaDB servers on loopback, runs ctest (extra args go to ctest, e.g. -L unit) and always
# stops the servers. With CI=true a server that fails to start fails the run.
# AM_SKIP_SETUP=1 / AM_SKIP_BUILD=1 skip those steps; AM_TEST_BUILD_DIR overrides build-test. Then the
# fuzz targets run for a bounded time (tests/fuzz/run.sh); AM_SKIP_FUZZ=1 skips that.
# The release binaries are built too (scripts/build-static.sh, x86-64, arm64 and Windows x64, cached libraries) for the
# packaging tests (ctest -L packaging); AM_SKIP_STATIC=1 skips that, and those tests then skip (fail with CI=true).
# When the ctest arguments select the unit label alone (-L unit), only setup, the build and ctest run: unit
# tests need no release binaries, no servers and no fuzzing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${AM_TEST_BUILD_DIR:-build-test}

# only_unit_label CTEST-ARGS...: 0 when every label they select (-L/--label-regex) is `unit`, and one is.
only_unit_label() {
  local labels=() arg next=
  for arg in "$@"; do
    if [[ -n $next ]]; then
      [[ $next == label ]] && labels+=("$arg")
      next=
      continue
    fi
    case $arg in
      -LE | --label-exclude) next=skip ;;
      -LE* | --label-exclude=*) ;;
      -L | --label-regex) next=label ;;
      --label-regex=*) labels+=("${arg#*=}") ;;
      -L*) labels+=("${arg#-L}") ;;
    esac
  done
  ((${#labels[@]} > 0)) || return 1
  for arg in "${labels[@]}"; do [[ $arg == unit || $arg == '^unit$' ]] || return 1; done
}

run_ctest() {
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
  ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j2 "$@"
}

[[ ${AM_SKIP_SETUP:-} == 1 ]] || bash scripts/setup.sh
[[ ${AM_SKIP_BUILD:-} == 1 ]] ||
  bash scripts/build.sh "$build_dir" "-DAUTHMIGRATE_SANITIZE=address;undefined" -DAUTHMIGRATE_WERROR=ON
if only_unit_label "$@"; then
  echo "test.sh: the unit label alone: no release binaries, test servers or fuzzing"
  run_ctest "$@"
  exit
fi
if [[ ${AM_SKIP_STATIC:-} != 1 ]]; then
  bash scripts/build-static.sh x86_64
  bash scripts/build-static.sh aarch64
  bash scripts/build-static.sh windows-x64
fi

# Each run gets its own state dir and, unless given, the first free ports from the defaults on, so two
# runs (or a developer's own servers on the default ports) do not meet.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
export AM_SERVERS_DIR=${AM_SERVERS_DIR:-$(mktemp -d /tmp/authmigrate-test-servers.XXXXXX)}
export AM_PG_PORT=${AM_PG_PORT:-$(free_port 55432)}
export AM_MYSQL_PORT=${AM_MYSQL_PORT:-$(free_port 53306)}
export AM_PGBOUNCER_PORT=${AM_PGBOUNCER_PORT:-$(free_port 56432)}
export AM_PG_REPLICA_PORT=${AM_PG_REPLICA_PORT:-$(free_port $((AM_PG_PORT + 1)))}
# Galera's nodes use base..base+2 and base+11.., +21.., +31..: the first base where all of them are free.
free_galera_base() {
  local base=$1 offset
  for offset in 0 1 2 11 12 13 21 22 23 31 32 33; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$((base + offset))") 2>/dev/null; then free_galera_base $((base + 40)); return; fi
  done
  echo "$base"
}
export AM_GALERA_PORT_BASE=${AM_GALERA_PORT_BASE:-$(free_galera_base 53316)}
trap 'bash scripts/test-servers/stop.sh' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=() missing_urls=()
start_server() {  # name url-variable
  if bash "scripts/test-servers/start-$1.sh"; then
    started+=("$1")
  elif [[ ${CI:-} == true ]]; then
    echo "error: the $1 test server did not start (CI=true: a missing server is a failure)" >&2
    exit 1
  else
    echo "warning: the $1 test server did not start; its integration tests will be skipped" >&2
    missing_urls+=("$2")
  fi
}
start_server postgres AUTHMIGRATE_TEST_PG_URL
start_server mariadb AUTHMIGRATE_TEST_MYSQL_URL
# The topologies (tests/integration/suites/{pooler,replica,galera}.sh): in front of, beside and instead
# of the servers above.
if [[ " ${started[*]} " == *" postgres "* ]]; then
  start_server pgbouncer AUTHMIGRATE_TEST_PGBOUNCER_URL
  start_server pg-replica AUTHMIGRATE_TEST_PG_REPLICA_URL
fi
start_server galera AUTHMIGRATE_TEST_GALERA_URLS
source scripts/test-servers/env.sh
unset "${missing_urls[@]}"
echo "test servers started: ${started[*]:-none} (state in $AM_SERVERS_DIR)"

# Scratch databases for the unit tests that round-trip a schema through a real server.
if [[ -n ${AUTHMIGRATE_TEST_PG_URL:-} ]] && psql -X -q "$AUTHMIGRATE_TEST_PG_URL" -c "CREATE DATABASE am_schema_rt" >/dev/null; then
  export AM_SCHEMA_TEST_POSTGRES_URL="${AUTHMIGRATE_TEST_PG_URL%/*}/am_schema_rt"
fi
if [[ -n ${AUTHMIGRATE_TEST_MYSQL_URL:-} ]] &&
  MYSQL_PWD=$AM_TEST_PASSWORD mariadb --no-defaults -h127.0.0.1 -P"$AM_MYSQL_PORT" -uroot -e "CREATE DATABASE am_schema_rt"; then
  export AM_SCHEMA_TEST_MYSQL_URL="${AUTHMIGRATE_TEST_MYSQL_URL%/}/am_schema_rt"
fi

run_ctest "$@"

# ---- Fuzzing (tests/fuzz/README.md), after ctest: a clang build of its own into build-fuzz; each
# target replays its corpus, then fuzzes for AM_FUZZ_SECONDS (20 s each, under 2 minutes in all).
# A crash fails the run. AM_SKIP_FUZZ=1 skips this step.
if [[ ${AM_SKIP_FUZZ:-} != 1 ]]; then
  bash tests/fuzz/run.sh
fi
