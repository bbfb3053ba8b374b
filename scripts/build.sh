#!/usr/bin/env bash
# Configures and builds authmigrate with Ninja (RelWithDebInfo).
# Usage: scripts/build.sh [build-dir, relative to the repo root; default build] [extra cmake args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# ccache (the compiler launcher when installed) keyed on paths relative to the checkout: a fresh clone
# in another folder (CI's) reuses what an earlier build on this machine compiled.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

dir=${1:-build}
shift || true
cmake -G Ninja -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$dir"
