#!/usr/bin/env bash
# Measures a no-op `auth migrate --yes` of the real CLI (wall time and peak RSS, /usr/bin/time -v).
#
#   measure-noop.sh <config> <dialect> <db-url> [runs=5]
#
# The database is first brought up to date by one `migrate`; then <runs> no-op runs of
#   node node_modules/auth/dist/index.mjs migrate --config configs/<config>.mjs --yes
# (Node 22 from node_modules/.bin, no npx) are timed. Prints each run and the medians.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 3 ]] || { sed -n '2,9p' "${BASH_SOURCE[0]}" >&2; exit 64; }
config="$1" dialect="$2" url="$3" runs="${4:-5}"
[[ -x /usr/bin/time ]] || { echo "measure-noop.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 69; }
"$here/run-cli.sh" "$config" "$dialect" "$url" migrate >/dev/null 2>&1
wd="$(mktemp -d)"; trap 'rm -rf "$wd"' EXIT
export PATH="$here/node_modules/.bin:$PATH" AM_DIALECT="$dialect" AM_DB_URL="$url"
export BETTER_AUTH_URL=http://localhost:3000 BETTER_AUTH_SECRET=conformance-secret-0123456789abcdef0123456789abcdef
walls=() rss=() cpus=()
for ((i = 1; i <= runs; i++)); do
	(cd "$wd" && /usr/bin/time -v node "$here/node_modules/auth/dist/index.mjs" migrate --config "$here/configs/$config.mjs" --yes) \
		>"$wd/out" 2>"$wd/time" </dev/null
	grep -q "No migrations needed" "$wd/out" "$wd/time" || { cat "$wd/out" "$wd/time" >&2; echo "measure-noop.sh: not a no-op" >&2; exit 1; }
	w="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(k=1;k<=n;k++) s=s*60+a[k]; print s}' "$wd/time")"
	r="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$wd/time")"
	u="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$wd/time")"
	echo "run $i: ${w} s wall, ${u} s CPU (user+sys), $((r / 1024)) MB max RSS"
	walls+=("$w") rss+=("$r") cpus+=("$u")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median: $(median "${walls[@]}") s wall, $(median "${cpus[@]}") s CPU, $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MB max RSS ($config, $dialect, $runs runs; load average $(cut -d' ' -f1 /proc/loadavg))"
