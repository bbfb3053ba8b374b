#!/usr/bin/env bash
# Adds Better Auth releases to the catalogue compiled into authmigrate (src/authmigrate/schema/catalogue/):
# installs each release of better-auth from npm with the plugin packages published beside it, reads
# their schema from their own code (harvest.mjs), and merges it into the data (collapse.mjs). Review the
# data's diff, rebuild, run the conformance suite.
#
#   scripts/catalogue/update.sh 1.7.30          # one release (the usual: a new one came out)
#   scripts/catalogue/update.sh --latest        # the newest stable release on npm
#   scripts/catalogue/update.sh --all           # every stable release from 1.3.0 on (about an hour)
#
# Installs are cached in $AM_CATALOGUE_CACHE (~/.cache/authmigrate/catalogue): a rerun only merges.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
here=scripts/catalogue
data=src/authmigrate/schema/catalogue
cache=${AM_CATALOGUE_CACHE:-$HOME/.cache/authmigrate/catalogue}
mkdir -p "$cache/raw" "$cache/install"
export cache

meta() {  # package -> a file with `npm view PKG versions time --json` (fetched once per run)
  local f=$cache/meta-${1//\//+}.json
  [[ -s $f ]] || { npm view "$1" versions time --json >"$f.$$" && mv "$f.$$" "$f"; }
  echo "$f"
}

missing_peers() {  # install dir -> name@range of every required peer dependency no package there satisfies
  node -e '
    const fs = require("fs"), path = require("path");
    const root = path.join(process.argv[1], "node_modules");
    const dirs = [];
    for (const d of fs.readdirSync(root)) {
      if (d.startsWith("@")) for (const s of fs.readdirSync(path.join(root, d))) dirs.push(path.join(root, d, s));
      else dirs.push(path.join(root, d));
    }
    const want = new Map();
    for (const d of dirs) {
      let j; try { j = JSON.parse(fs.readFileSync(path.join(d, "package.json"), "utf8")); } catch { continue; }
      for (const [name, range] of Object.entries(j.peerDependencies ?? {})) {
        if (j.peerDependenciesMeta?.[name]?.optional) continue;
        if (!fs.existsSync(path.join(root, name, "package.json")) && !want.has(name)) want.set(name, range);
      }
    }
    for (const [name, range] of want) console.log(`${name}@${range.split("||").pop().trim()}`);' "$1"
}

externals=$(node --input-type=module -e "
  const { EXTERNAL_PACKAGES } = await import('./$here/plugins.mjs');
  console.log(EXTERNAL_PACKAGES.join(' '));")
# Registry metadata is fetched again when older than an hour (several runs may share it).
find "$cache" -maxdepth 1 -name 'meta-*.json' -mmin +60 -delete
for pkg in better-auth $externals; do meta "$pkg" >/dev/null; done

# The dependencies as they were when the release came out (npm --before): a release installed today
# with today's dependencies may not even load (better-auth 1.3 with a newer better-call does not).
release_day() {  # pkg@version... -> an ISO time one hour after the newest of their publish times
  node -e '
    const fs = require("fs");
    let newest = 0;
    for (const spec of process.argv.slice(1)) {
      const at = spec.lastIndexOf("@"), pkg = spec.slice(0, at), v = spec.slice(at + 1);
      const times = JSON.parse(fs.readFileSync(`${process.env.cache}/meta-${pkg.replace("/", "+")}.json`, "utf8")).time;
      newest = Math.max(newest, Date.parse(times[v]));
    }
    console.log(new Date(newest + 3600e3).toISOString());' "$@"
}

case ${1:-} in
  --all | --latest) mapfile -t versions < <(node -e '
    const cmp = (a, b) => { const x = a.split(".").map(Number), y = b.split(".").map(Number);
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i]; return 0; };
    const list = [].concat(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).versions)
      .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && cmp(v, "1.3.0") >= 0).sort(cmp);
    for (const v of process.argv[2] === "--latest" ? list.slice(-1) : list) console.log(v);' "$(meta better-auth)" "$1") ;;
  "" | -h | --help) sed -n '2,11p' "$0" >&2; exit 2 ;;
  *) versions=("$@") ;;
esac

raws=()
for v in "${versions[@]}"; do
  node -e 'process.exit([].concat(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).versions)
    .includes(process.argv[2]) ? 0 : 1)' "$(meta better-auth)" "$v" || { echo "update.sh: better-auth $v is not on npm" >&2; exit 2; }
  raw=$cache/raw/$v.json
  if [[ ! -s $raw ]]; then
    dir=$cache/install/$v
    rm -rf "$dir" && mkdir -p "$dir"
    specs=("better-auth@$v")
    for pkg in $externals; do
      pv=$(node "$here/beside.mjs" "$(meta "$pkg")" "$(meta better-auth)" "$v" --same-minor)
      [[ -n $pv ]] && specs+=("$pkg@$pv")
    done
    pins=()
    while read -r pin; do [[ -n $pin ]] && pins+=("$pin"); done < <(node --input-type=module -e "
      const { DEPENDENCY_PINS } = await import('$PWD/$here/plugins.mjs');
      const n = (v) => v.split('.').map(Number), le = (a, b) => { const x = n(a), y = n(b);
        for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i]; return true; };
      for (const p of DEPENDENCY_PINS) if (le(p.from, '$v') && le('$v', p.to)) console.log(p.specs.join('\n'));")
    echo "update.sh: installing ${specs[*]} ${pins[*]}" >&2
    npm_flags=(--prefix "$dir" --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error
      --before="$(release_day "${specs[@]}")")
    specs+=("${pins[@]}")
    # npm's own peer resolution first (core and its plugins pin exact peers: better-call, utils);
    # when the peers conflict, without it, and the plugin packages one by one.
    # A release whose own sibling packages came out after it (an exact dependency published later)
    # cannot install as of its day: then with today's dependencies, said in the log.
    if ! npm install "${npm_flags[@]}" "${specs[@]}" >/dev/null 2>&1; then
      npm_flags+=(--legacy-peer-deps)
      if ! npm install "${npm_flags[@]}" "better-auth@$v" >/dev/null 2>&1; then
        echo "update.sh: better-auth@$v does not install with the dependencies of its day; using today's" >&2
        kept=()
        for flag in "${npm_flags[@]}"; do [[ $flag == --before=* ]] || kept+=("$flag"); done
        npm_flags=("${kept[@]}")
        npm install "${npm_flags[@]}" "better-auth@$v" >/dev/null
      fi
      for spec in "${specs[@]:1}"; do npm install "${npm_flags[@]}" "$spec" >/dev/null 2>&1 || echo "update.sh: $spec did not install beside better-auth@$v" >&2; done
    fi
    # --legacy-peer-deps installs no peers: add the required ones nothing brought (@opentelemetry/api, ...)
    mapfile -t peers < <(missing_peers "$dir")
    if ((${#peers[@]})); then npm install "${npm_flags[@]}" "${peers[@]}" >/dev/null; fi
    (cd "$dir" && node "$OLDPWD/$here/harvest.mjs") >"$raw.tmp"
    mv "$raw.tmp" "$raw"
    rm -rf "$dir"  # the npm cache keeps the tarballs; the record is what we need
  fi
  raws+=("$raw")
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const failed = r.plugins.filter((p) => p.error).map((p) => `${p.name} (${p.package}): ${p.error}`);
    console.error(`update.sh: better-auth ${r.betterAuth}: ${r.plugins.length} plugins` + (failed.length ? `; not read: ${failed.join("; ")}` : ""));' "$raw"
done
# AM_CATALOGUE_NO_MERGE=1: harvest only (several runs side by side), merge with a last run.
[[ ${AM_CATALOGUE_NO_MERGE:-} == 1 ]] && exit 0
node "$here/collapse.mjs" "$data" "${raws[@]}"
echo "update.sh: merged ${#raws[@]} release(s) into $data; review with: git diff --stat $data" >&2
