# shellcheck shell=bash
# For the packaging tests that are one scenario of steps in order (pack.test.sh, npm_e2e.sh):
# harness.sh's helpers (require_or_skip, expect_in), plus `check`, which counts one command as one
# test, `same`, and `finish`, which prints the closing line "N passed, N failed".
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=SCRIPTDIR/harness.sh
source "$repo/tests/packaging/harness.sh"
passed=0
failed=0

# Runs a command as one check; its output is shown only when it fails.
check() {  # description command...
  local description=$1 output
  shift
  if output=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "ok   $description"
  else
    failed=$((failed + 1))
    echo "FAIL $description"
    [[ -z $output ]] || sed 's/^/     | /' <<<"$output"  # indented under its FAIL line
  fi
}

same() {  # expected actual: equal strings, or a diff
  [[ $1 == "$2" ]] && return 0
  diff <(echo "$1") <(echo "$2")
  return 1
}

finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
}
