#!/usr/bin/env bash
# Builds the fully static release binary for one CPU (no shared library at all: it runs on any Linux
# image, glibc or musl, even an empty one): the C libraries by packaging/static/deps.sh (cached), then
# authmigrate with -DAUTHMIGRATE_STATIC=ON into build-static-<cpu>/, stripped to dist/linux-<x64|arm64>/.
# Usage: scripts/build-static.sh [x86_64|aarch64]   (default: this machine's CPU)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# ccache (the compiler launcher when installed) keyed on paths relative to the checkout: a fresh clone
# in another folder (CI's) reuses what an earlier build on this machine compiled.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
arch=${1:-$(uname -m)}
case $arch in
  x86_64) npm_cpu=x64 strip=strip ;;
  aarch64) npm_cpu=arm64 strip=aarch64-linux-gnu-strip ;;
  *) echo "build-static.sh: unknown CPU '$arch' (x86_64 or aarch64)" >&2; exit 2 ;;
esac
prefix=$(bash packaging/static/deps.sh "$arch" | tail -n 1)
sysroot=$(cat "$prefix/sysroot")
cross=()
if [[ $arch != "$(uname -m)" ]]; then
  cross=(-DCMAKE_TOOLCHAIN_FILE="$PWD/packaging/static/toolchain-$arch.cmake" -DAM_SYSROOT="$sysroot")
fi
build=build-static-$arch
# A unity build: the release binary compiles in a third of the time, and nothing here needs its pieces.
cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DAUTHMIGRATE_STATIC=ON \
  -DAUTHMIGRATE_BUILD_TESTS=OFF -DAUTHMIGRATE_STATIC_PREFIX="$prefix" -DAUTHMIGRATE_SYSROOT="$sysroot" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 "${cross[@]}" >/dev/null
cmake --build "$build" --target authmigrate
out=dist/linux-$npm_cpu
mkdir -p "$out"
"$strip" -o "$out/authmigrate" "$build/src/cli/authmigrate"
if readelf -d "$out/authmigrate" | grep -q NEEDED; then
  echo "build-static.sh: $out/authmigrate still needs shared libraries:" >&2
  readelf -d "$out/authmigrate" | grep NEEDED >&2
  exit 1
fi
cp -r "$prefix/licenses" "$out/"
echo "build-static.sh: $out/authmigrate ($(du -h "$out/authmigrate" | cut -f1), static, $arch)"
