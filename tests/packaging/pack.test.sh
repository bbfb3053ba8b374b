#!/usr/bin/env bash
# Builds every release package from the real static binaries in dist/ (packaging/npm/pack.sh,
# deb/build.sh, tarball/build.sh, into a temp dir) and checks what is inside: file lists, modes,
# package.json and control fields, reproducibility, and that the packaged binary runs and finds share/.
# Run: bash tests/packaging/pack.test.sh   (skips, exit 125, without both binaries unless CI=true)
# AM_DIST_DIR: binaries elsewhere than dist/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=SCRIPTDIR/../../packaging/common.sh
source "$repo/packaging/common.sh"  # run_binary, and the SOURCE_DATE_EPOCH every build here uses
dist=${AM_DIST_DIR:-$repo/dist}
all_binaries() { [[ -x $dist/linux-x64/authmigrate && -x $dist/linux-arm64/authmigrate && -f $dist/win32-x64/authmigrate.exe ]]; }
require_or_skip all_binaries \
  "no static binaries $dist/linux-{x64,arm64}/authmigrate and $dist/win32-x64/authmigrate.exe (scripts/build-static.sh)"
require_or_skip "command -v wine64 >/dev/null || [[ -x /usr/lib/wine/wine64 ]]" "no Wine to run the Windows binary (scripts/setup.sh)"

version=$(cmake_version)
out=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-pack-test.XXXXXX")
trap 'rm -rf "$out"' EXIT
build() {  # script out-dir
  bash "$repo/packaging/$1" --dist "$dist" --out "$2" >/dev/null
}
check "npm/pack.sh builds" build npm/pack.sh "$out/npm"
check "deb/build.sh builds" build deb/build.sh "$out/deb"
check "tarball/build.sh builds" build tarball/build.sh "$out/tar"

# "mode path" per entry, sorted by path; folders end in /.
by_path() { awk '{print $NF "\t" $0}' | LC_ALL=C sort | cut -f2-; }
listing() { tar -tvzf "$1" | awk '{print $1, $NF}' | by_path; }
package_json() { tar -xzOf "$1" package/package.json; }
field() {  # json key: the field as JSON, or <none>
  node -e 'const v = JSON.parse(process.argv[1])[process.argv[2]]; console.log(v === undefined ? "<none>" : JSON.stringify(v))' "$1" "$2"
}
licence_files() {  # cpu prefix: the expected "mode path" lines of the binary's licences
  (cd "$dist/linux-$1/licenses" && ls) | sed "s|^|-rw-r--r-- $2|"
}
expect() { printf '%s\n' "$@"; }
required_licences() {  # listing
  local f
  for f in libpq.COPYRIGHT mariadb-connector-c.COPYING.LIB libssl-dev.copyright libc6-dev.copyright; do
    expect_in "$1" "/$f" || return 1
  done
}
runs() {  # binary: prints "authmigrate <version>" (an arm64 one under qemu)
  same "authmigrate $version" "$(run_binary "$1" --version)"
}
# `schema export` in an empty folder: a binary that finds its export-schema.mjs gets as far as looking
# for the app's auth config. AUTHMIGRATE_SHARE_DIR is unset: the binary must find share/ by itself.
finds_share() {  # binary
  local empty output
  empty=$(mktemp -d "$out/empty.XXXXXX")
  output=$(cd "$empty" && unset AUTHMIGRATE_SHARE_DIR && run_binary "$1" schema export 2>&1) || true
  expect_in "$output" "no Better Auth config found"
}
misses_share() { ! finds_share "$1" >/dev/null; }

# ---- npm
main_tgz=$out/npm/authmigrate-$version.tgz
check "npm: the main package's files and modes" same "$(expect \
  "-rw-r--r-- package/LICENSE" "-rw-r--r-- package/README.md" "-rwxr-xr-x package/bin/authmigrate.js" \
  "-rw-r--r-- package/lib/index.cjs" "-rw-r--r-- package/lib/index.d.ts" "-rw-r--r-- package/lib/index.mjs" \
  "-rw-r--r-- package/package.json" "-rw-r--r-- package/share/authmigrate/export-schema.mjs" | by_path)" \
  "$(listing "$main_tgz")"
main_json=$(package_json "$main_tgz")
check "npm: authmigrate's name, version, bin, engines, licence" same \
  "\"authmigrate\" \"$version\" {\"authmigrate\":\"bin/authmigrate.js\"} {\"node\":\">=18\"} \"MIT\"" \
  "$(for k in name version bin engines license; do field "$main_json" $k; done | xargs -d '\n' echo)"
check "npm: optionalDependencies pin the three platform packages at $version" same \
  "{\"@authmigrate/linux-arm64\":\"$version\",\"@authmigrate/linux-x64\":\"$version\",\"@authmigrate/win32-x64\":\"$version\"}" \
  "$(field "$main_json" optionalDependencies)"
# jiti: what `schema export` loads TypeScript with when the app has no loader of its own (nothing to install)
check "npm: authmigrate has no scripts, depends on jiti only, and exports exportAuthSchema" same \
  "<none> {\"jiti\":\"^2.7.0\"} \"lib/index.cjs\"" \
  "$(field "$main_json" scripts) $(field "$main_json" dependencies) $(field "$main_json" main)"

for cpu in x64 arm64; do
  tgz=$out/npm/authmigrate-linux-$cpu-$version.tgz
  check "npm $cpu: the platform package's files and modes" same "$({
    expect "-rw-r--r-- package/LICENSE" "-rw-r--r-- package/README.md" "-rw-r--r-- package/THIRD-PARTY.md" \
      "-rwxr-xr-x package/bin/authmigrate" "-rw-r--r-- package/package.json"
    licence_files $cpu package/licenses/
  } | by_path)" "$(listing "$tgz")"
  check "npm $cpu: the licences of the static libraries are there" required_licences "$(listing "$tgz")"
  check "npm $cpu: the binary is dist's, byte for byte" \
    cmp <(tar -xzOf "$tgz" package/bin/authmigrate) "$dist/linux-$cpu/authmigrate"
  json=$(package_json "$tgz")
  check "npm $cpu: name, version, os, cpu, preferUnplugged" same \
    "\"@authmigrate/linux-$cpu\" \"$version\" [\"linux\"] [\"$cpu\"] true" \
    "$(for k in name version os cpu preferUnplugged; do field "$json" $k; done | xargs -d '\n' echo)"
  check "npm $cpu: no libc (the binary is static), no scripts, no bin" same "<none> <none> <none>" \
    "$(field "$json" libc) $(field "$json" scripts) $(field "$json" bin)"
done

tgz=$out/npm/authmigrate-win32-x64-$version.tgz
check "npm win32-x64: the platform package's files and modes" same "$({
  expect "-rw-r--r-- package/LICENSE" "-rw-r--r-- package/README.md" "-rw-r--r-- package/THIRD-PARTY.md" \
    "-rwxr-xr-x package/bin/authmigrate.exe" "-rw-r--r-- package/package.json"
  (cd "$dist/win32-x64/licenses" && ls) | sed "s|^|-rw-r--r-- package/licenses/|"
} | by_path)" "$(listing "$tgz")"
check "npm win32-x64: the Windows licence list and texts are there" expect_in \
  "$(tar -xzOf "$tgz" package/THIRD-PARTY.md) $(listing "$tgz")" "mingw-w64"
check "npm win32-x64: the binary is dist's, byte for byte" \
  cmp <(tar -xzOf "$tgz" package/bin/authmigrate.exe) "$dist/win32-x64/authmigrate.exe"
json=$(package_json "$tgz")
check "npm win32-x64: name, version, os, cpu, preferUnplugged" same \
  "\"@authmigrate/win32-x64\" \"$version\" [\"win32\"] [\"x64\"] true" \
  "$(for k in name version os cpu preferUnplugged; do field "$json" $k; done | xargs -d '\n' echo)"
check "npm win32-x64: no scripts, no bin" same "<none> <none>" "$(field "$json" scripts) $(field "$json" bin)"

# ---- .deb
for cpu in x64 arm64; do
  debarch=$([[ $cpu == x64 ]] && echo amd64 || echo arm64)
  deb=$out/deb/authmigrate_${version}_$debarch.deb
  check "deb $cpu: control fields" same "authmigrate $version $debarch nodejs" \
    "$(dpkg-deb -f "$deb" Package Version Architecture Recommends | cut -d' ' -f2 | xargs echo)"
  check "deb $cpu: Suggests the dump clients, Depends on nothing" same \
    "postgresql-client, mariadb-client|" "$(dpkg-deb -f "$deb" Suggests)|$(dpkg-deb -f "$deb" Depends)"
  check "deb $cpu: a Maintainer and a Description" same 2 "$(dpkg-deb -f "$deb" Maintainer Description | grep -c '^[MD][a-z]*: .')"
  contents=$(dpkg-deb -c "$deb" | awk '{print $1, $2, $NF}')
  doc=./usr/share/doc/authmigrate
  check "deb $cpu: files, modes and owners" same "$({
    expect "-rwxr-xr-x root/root ./usr/bin/authmigrate" \
      "-rw-r--r-- root/root ./usr/share/authmigrate/export-schema.mjs" \
      "-rw-r--r-- root/root $doc/THIRD-PARTY.md" "-rw-r--r-- root/root $doc/copyright"
    licence_files $cpu "$doc/licenses/" | sed 's|^-rw-r--r-- |&root/root |'
  } | by_path)" "$(grep -v '^d' <<<"$contents" | by_path)"
  check "deb $cpu: folders are 0755 root/root" same "" "$(grep '^d' <<<"$contents" | grep -v '^drwxr-xr-x root/root' || true)"
  check "deb $cpu: the licences of the static libraries are there" required_licences "$contents"
  root=$out/deb/root-$cpu
  dpkg-deb -x "$deb" "$root"
  check "deb $cpu: copyright is authmigrate's MIT licence" expect_in "$(cat "$root/$doc/copyright")" "License: MIT"
  check "deb $cpu: usr/bin/authmigrate --version" runs "$root/usr/bin/authmigrate"
  check "deb $cpu: usr/bin/authmigrate finds usr/share/authmigrate" finds_share "$root/usr/bin/authmigrate"
done

# ---- tarball
for cpu in x64 arm64; do
  name=authmigrate-$version-linux-$cpu
  tgz=$out/tar/$name.tar.gz
  check "tarball $cpu: layout and modes" same "$({
    expect "drwxr-xr-x $name/" "-rw-r--r-- $name/LICENSE" "drwxr-xr-x $name/LICENSES/" \
      "-rw-r--r-- $name/LICENSES/THIRD-PARTY.md" "drwxr-xr-x $name/bin/" "-rwxr-xr-x $name/bin/authmigrate" \
      "drwxr-xr-x $name/share/" "drwxr-xr-x $name/share/authmigrate/" \
      "-rw-r--r-- $name/share/authmigrate/export-schema.mjs"
    licence_files $cpu "$name/LICENSES/"
  } | by_path)" "$(listing "$tgz")"
  check "tarball $cpu: owned by 0/0" same "" "$(tar -tvzf "$tgz" | awk '$2 != "0/0"')"
  mkdir -p "$out/tar/x-$cpu"
  tar -xzf "$tgz" -C "$out/tar/x-$cpu"
  check "tarball $cpu: bin/authmigrate --version" runs "$out/tar/x-$cpu/$name/bin/authmigrate"
  check "tarball $cpu: bin/authmigrate finds share/authmigrate without AUTHMIGRATE_SHARE_DIR" finds_share "$out/tar/x-$cpu/$name/bin/authmigrate"
done
lone=$out/lone/authmigrate
install -D "$dist/linux-x64/authmigrate" "$lone"
check "a binary without share/ beside it does not find the script (so the check above means something)" \
  misses_share "$lone"

# ---- the same inputs give the same bytes
rebuilds_identically() {
  local f
  build deb/build.sh "$out/again" && build tarball/build.sh "$out/again" || return 1
  for f in "$out"/deb/*.deb "$out"/tar/*.tar.gz; do cmp "$f" "$out/again/${f##*/}" || return 1; done
}
check "deb and tarball: a second build is byte-identical" rebuilds_identically

# ---- refusals, with stand-in binaries
standin_dist() {  # dir version cpus...: binaries that print "authmigrate <version>"
  local dir=$1 v=$2 cpu
  shift 2
  for cpu in "$@"; do
    mkdir -p "$dir/linux-$cpu/licenses"
    printf '#!/bin/sh\necho "authmigrate %s"\n' "$v" >"$dir/linux-$cpu/authmigrate"
    chmod 755 "$dir/linux-$cpu/authmigrate"
    cp "$dist/linux-$cpu/licenses/"* "$dir/linux-$cpu/licenses/"
  done
}
refuses() {  # expected-message script args...
  local want=$1 script=$2 output
  shift 2
  if output=$(bash "$repo/packaging/$script" "$@" 2>&1); then echo "it succeeded: $output"; return 1; fi
  expect_in "$output" "$want"
}
standin_dist "$out/stale" 0.0.1 x64 arm64
check "pack.sh refuses binaries whose version is not CMakeLists.txt's" \
  refuses "CMakeLists.txt has VERSION $version" npm/pack.sh --dist "$out/stale" --out "$out/stale/npm"
standin_dist "$out/x64only" "$version" x64
check "pack.sh refuses a missing arm64 binary" refuses "no arm64 binary" npm/pack.sh --dist "$out/x64only" --out "$out/x64only/npm"
standin_dist "$out/linuxonly" "$version" x64 arm64
check "pack.sh refuses a missing Windows binary" refuses "no Windows binary" npm/pack.sh --dist "$out/linuxonly" --out "$out/linuxonly/npm"
check "pack.sh --only x64 builds without it" bash "$repo/packaging/npm/pack.sh" --only x64 --dist "$out/x64only" --out "$out/x64only/npm"
finish
