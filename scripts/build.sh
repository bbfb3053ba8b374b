#!/usr/bin/env bash
# Configures and builds authmigrate with Ninja (RelWithDebInfo).
# Usage: scripts/build.sh [build-dir, relative to the repo root; default build] [extra cmake args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dir=${1:-build}
shift || true
cmake -G Ninja -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$dir"
