#!/usr/bin/env bash
# Installs the pinned real Better Auth runtime (better-auth 1.7.25, the judge of `authmigrate verify`)
# and Node 22 into tests/verify/node_modules from package-lock.json; skipped when it matches the lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stamp=node_modules/.am-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/node ]]; then
	echo "install.sh: node_modules is up to date with package-lock.json"
	exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
echo "install.sh: better-auth $(node_modules/.bin/node -p 'require("./node_modules/better-auth/package.json").version'), node $(node_modules/.bin/node -p 'process.versions.node')"
