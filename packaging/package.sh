#!/usr/bin/env bash
# Builds every release package from the static binaries in dist/: the npm tarballs (dist/npm/), the
# .debs and the plain tarballs (dist/), for x64 and arm64. Build the binaries first:
#   scripts/build-static.sh x86_64 && scripts/build-static.sh aarch64
# Usage: packaging/package.sh [--dist DIR] [--only x64|arm64]     (each script's default --out)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for script in npm/pack.sh deb/build.sh tarball/build.sh; do
  bash "$here/$script" "$@"
done
