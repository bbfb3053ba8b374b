#!/usr/bin/env bash
# The C and C++ sources in the one formatting of the root .clang-format (clang-format 14, Debian 12's
# package `clang-format`; scripts/setup.sh installs it).
#   scripts/format.sh          rewrites the files that differ
#   scripts/format.sh --check  changes nothing: names each file that differs, exits 1 if any (CI: ctest -L lint)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
check=false
case ${1:-} in
--check) check=true ;;
"") ;;
*) echo "format.sh: unknown argument '$1' (usage: scripts/format.sh [--check])" >&2; exit 2 ;;
esac
tool=$(command -v clang-format-14 || command -v clang-format || true)
[[ -n $tool ]] || { echo "format.sh: clang-format is not installed: run scripts/setup.sh (or apt-get install clang-format)" >&2; exit 2; }
# Every C and C++ source of the project; the fixture apps are other people's code.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- '*.cpp' '*.hpp' '*.c' '*.h' ':!tests/fixtures/**')
else
  mapfile -t files < <(find src tests bench packaging -name node_modules -prune -o -path tests/fixtures -prune -o \
    \( -name '*.cpp' -o -name '*.hpp' -o -name '*.c' -o -name '*.h' \) -print | sort)
fi
if ! $check; then
  "$tool" -i "${files[@]}"
  exit 0
fi
differ=0
for f in "${files[@]}"; do
  if ! "$tool" --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f"
    differ=1
  fi
done
if ((differ)); then
  echo "format.sh: run scripts/format.sh (clang-format $("$tool" --version | grep -o '[0-9][0-9.]*' | head -n 1)) and commit the result" >&2
  exit 1
fi
echo "format.sh: ${#files[@]} files formatted as .clang-format says"
