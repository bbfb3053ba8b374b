#!/usr/bin/env bash
# Builds every release package from the static binaries in dist/: the npm tarballs (dist/npm/), the
# .debs and the plain tarballs (dist/), for x64 and arm64, and the Windows x64 .zip (and its npm package).
# Build the binaries first:
#   scripts/build-static.sh x86_64 && scripts/build-static.sh aarch64 && scripts/build-static.sh windows-x64
# Usage: packaging/package.sh [--dist DIR] [--only x64|arm64]     (each script's default --out; --only: Linux only)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scripts=(npm/pack.sh deb/build.sh tarball/build.sh)
[[ " $* " == *" --only "* ]] || scripts+=(zip/build.sh)
for script in "${scripts[@]}"; do
  bash "$here/$script" "$@"
done
