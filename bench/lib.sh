# shellcheck shell=bash
# Shared by the bench scripts: messages, Debian packages, the dbmate peer, the timer, and statistics.
# Sourced; expects $bench (this folder).

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

apt_install() {  # packages...
  ((EUID == 0)) || die "missing $*; install the Debian package(s) $* (or run as root)"
  say "installing $* (apt-get)"
  apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

# The native binary that dbmate's npm package ships (pinned in package.json / package-lock.json), installed
# when missing. Its node wrapper (node_modules/.bin/dbmate) only spawns it; timing the binary itself keeps
# node's start-up (~40 ms, ~45 MB) out of dbmate's numbers.
find_dbmate() { compgen -G "$bench/node_modules/@dbmate/*/bin/dbmate" | head -n 1 || true; }
bench_dbmate() {
  local found
  found=$(find_dbmate)
  if [[ -z $found ]]; then
    say "installing dbmate (npm ci in bench/)"
    # npm ci refuses a lock file that lacks the optional per-platform packages the registry does not
    # serve at the pinned version; npm install --no-save then installs exactly the locked versions.
    (cd "$bench" && {
      npm ci --no-audit --no-fund >/tmp/authmigrate-bench-npm-ci.$$.log 2>&1 || {
        say "npm ci refused the lock file ($(grep -m1 -o 'Missing: .*' /tmp/authmigrate-bench-npm-ci.$$.log || echo 'see npm ci')); npm install --no-save"
        npm install --no-save --no-audit --no-fund >&2
      }
      rm -f /tmp/authmigrate-bench-npm-ci.$$.log
    })
    found=$(find_dbmate)
    [[ -n $found ]] || die "npm installed dbmate without a binary for this platform (bench/node_modules/@dbmate/*/bin/dbmate)"
  fi
  echo "$found"
}

# sample_stats FILE... -> "median_ms min_ms max_ms cpu_median_ms peak_rss_kib" of measure.c's result lines
sample_stats() {
  cat "$@" | awk '{ w[NR] = $1 / 1e6; c[NR] = $4 / 1e6; if ($2 > rss) rss = $2 }
    function median(a, k,   i, j, t) {
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    END { med = median(w, NR); min = w[1]; max = w[NR]; cm = median(c, NR)
          printf "%.2f %.2f %.2f %.2f %d\n", med, min, max, cm, rss }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = op == "<" ? a < b : a <= b; print ok ? "met" : "NOT met" }'; }
