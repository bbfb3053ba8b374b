#!/usr/bin/env bash
# Runs one integration suite against one database kind, the way users run authmigrate: the real
# binary, a real server, a fresh database per test.
#   run_suite.sh SUITE.sh sqlite|postgres|mysql BINARY
# Exit 125 (ctest: skipped) when the suite does not apply to this database, or when the server is
# not configured outside CI. With CI=true a missing server is a failure. A test that does not run is
# counted as skipped (lib.sh: not_on_this_database, declared by the suite; skip_test, a failure with
# CI=true), never as passed.
set -uo pipefail
SUITE=$1 DB_KIND=$2 AM_BIN=$3
AM_SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
export AM_SOURCE_DIR
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
# shellcheck disable=SC1090
source "$SUITE"

if ! suite_supports "$DB_KIND"; then
  echo "skip: $(basename "$SUITE") does not apply to $DB_KIND"
  exit 125
fi
am_check_server || exit $?

tests=$(declare -F | awk '{print $3}' | grep '^test_' || true)
passed=0 failed=0 skipped=0
for t in $tests; do
  am_begin_test "$t"
  # Not inside `if`: bash ignores set -e in a condition, and a failed assertion must end the test.
  ( set -e; "$t" )
  rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "ok   $t"
    passed=$((passed + 1))
  elif [ "$rc" -eq 78 ] || { [ "$rc" -eq 77 ] && [ "${CI:-}" != true ]; }; then
    echo "skip $t"  # the reason is on the line above (lib.sh: not_on_this_database, skip_test)
    skipped=$((skipped + 1))
  elif [ "$rc" -eq 77 ]; then
    echo "FAIL $t: skipped, and CI=true allows no skip the suite did not declare"
    failed=$((failed + 1))
  else
    echo "FAIL $t (work dir kept: $WORK)"
    failed=$((failed + 1))
  fi
  am_end_test
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
