#!/usr/bin/env bash
# Compares two schemas through introspect.mjs; exit 0 when identical, 1 with a unified diff otherwise.
#
#   compare-introspection.sh <sqlite|postgres|mysql> <a> <b>
#
# <a>, <b>: a database (sqlite file path or URL, as for introspect.mjs), or a saved
# introspection (*.json, e.g. tests/golden/cli/postgres/core.introspect.json).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -eq 3 ]] || { sed -n '2,7p' "${BASH_SOURCE[0]}" >&2; exit 64; }
dialect="$1"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
snap() { # <source> <dest>
	if [[ "$1" == *.json && -f "$1" ]]; then cp "$1" "$2"; else node "$here/introspect.mjs" "$dialect" "$1" >"$2"; fi
}
snap "$2" "$tmp/a.json"
snap "$3" "$tmp/b.json"
if diff -u --label "a: $2" --label "b: $3" "$tmp/a.json" "$tmp/b.json"; then
	echo "compare-introspection.sh: identical ($dialect)" >&2
else
	exit 1
fi
