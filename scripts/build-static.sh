#!/usr/bin/env bash
# Builds the fully static release binary for one CPU (no shared library at all: it runs on any Linux
# image, glibc or musl, even an empty one): the C libraries by packaging/static/deps.sh (cached), then
# authmigrate with -DAUTHMIGRATE_STATIC=ON into build-static-<cpu>/, stripped to dist/linux-<x64|arm64>/.
# windows-x64: the same with mingw-w64, to dist/win32-x64/authmigrate.exe, which imports nothing but
# Windows' own DLLs (no MinGW runtime DLL ships with it).
# Usage: scripts/build-static.sh [x86_64|aarch64|windows-x64]   (default: this machine's CPU)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# ccache (the compiler launcher when installed) keyed on paths relative to the checkout: a fresh clone
# in another folder (CI's) reuses what an earlier build on this machine compiled.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
arch=${1:-$(uname -m)}
case $arch in
  x86_64) platform=linux-x64 strip=strip toolchain= exe= ;;
  aarch64) platform=linux-arm64 strip=aarch64-linux-gnu-strip toolchain=toolchain-aarch64.cmake exe= ;;
  windows-x64) platform=win32-x64 strip=x86_64-w64-mingw32-strip toolchain=toolchain-mingw64.cmake exe=.exe ;;
  *) echo "build-static.sh: unknown target '$arch' (x86_64, aarch64 or windows-x64)" >&2; exit 2 ;;
esac
prefix=$(bash packaging/static/deps.sh "$arch" | tail -n 1)
sysroot=$(cat "$prefix/sysroot")
cross=()
if [[ $arch != "$(uname -m)" ]]; then
  cross=(-DCMAKE_TOOLCHAIN_FILE="$PWD/packaging/static/$toolchain" -DAM_SYSROOT="$sysroot")
fi
build=build-static-$arch
# A unity build: the release binary compiles in a third of the time, and nothing here needs its pieces.
cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DAUTHMIGRATE_STATIC=ON \
  -DAUTHMIGRATE_BUILD_TESTS=OFF -DAUTHMIGRATE_STATIC_PREFIX="$prefix" -DAUTHMIGRATE_SYSROOT="$sysroot" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 "${cross[@]}" >/dev/null
cmake --build "$build" --target authmigrate
out=dist/$platform
mkdir -p "$out"
"$strip" -o "$out/authmigrate$exe" "$build/src/cli/authmigrate$exe"
if [[ -n $exe ]]; then
  # Windows' own DLLs only: a MinGW runtime DLL (libwinpthread, libstdc++, libgcc_s) would be missing.
  dlls=$(x86_64-w64-mingw32-objdump -p "$out/authmigrate$exe" | awk '/DLL Name:/ { print $3 }')
  if grep -qiv -E '^(kernel32|msvcrt|advapi32|bcrypt|crypt32|gdi32|secur32|shell32|shlwapi|user32|ws2_32)\.dll$' <<<"$dlls"; then
    echo "build-static.sh: $out/authmigrate$exe needs DLLs that Windows does not have:" >&2
    echo "$dlls" >&2
    exit 1
  fi
elif readelf -d "$out/authmigrate" | grep -q NEEDED; then
  echo "build-static.sh: $out/authmigrate still needs shared libraries:" >&2
  readelf -d "$out/authmigrate" | grep NEEDED >&2
  exit 1
fi
cp -r "$prefix/licenses" "$out/"
echo "build-static.sh: $out/authmigrate$exe ($(du -h "$out/authmigrate$exe" | cut -f1), static, $arch)"
