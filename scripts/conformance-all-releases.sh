#!/usr/bin/env bash
# The per-release conformance suite (tests/integration/suites/releases.sh) over every release the
# catalogue knows, not only CI's sample: each installed as an app of its day, its own CLI beside
# authmigrate on one database kind. Needs the test servers of scripts/test.sh for postgres and mysql
# (source scripts/test-servers/env.sh first); sqlite needs none. A few hours: every release installs once
# (cached in ~/.cache/authmigrate/releases).
#   scripts/conformance-all-releases.sh [sqlite|postgres|mysql] [BINARY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=${1:-sqlite}
bin=${2:-$PWD/build-test/src/cli/authmigrate}
releases=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))["better-auth"].join(" "))' \
  src/authmigrate/schema/catalogue/releases.json)
AM_CONFORMANCE_RELEASES=$releases exec bash tests/integration/run_suite.sh tests/integration/suites/releases.sh "$db" "$bin"
