# shellcheck shell=bash
# Shared by the packaging scripts (npm/pack.sh, deb/build.sh, tarball/build.sh): their options, the
# release binaries in dist/ and their version, and the files every package ships.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
me=${0##*/}
die() { echo "$me: $*" >&2; exit 1; }

# Options of every packaging script. --dist exists so that tests can package stand-in binaries.
dist_dir=$repo/dist
cpus=(x64 arm64)
windows=yes  # npm/pack.sh: also @authmigrate/win32-x64, from DIR/win32-x64/authmigrate.exe
usage() {  # default-out-dir
  cat <<EOF
usage: $me [--dist DIR] [--out DIR] [--only x64|arm64]
  --dist DIR   the release binaries, DIR/linux-<x64|arm64>/authmigrate (default dist/)
  --out DIR    where the packages go (default ${1#"$repo/"}/)
  --only CPU   package one Linux CPU (default: x64 and arm64, both required, and for npm the
               Windows x64 binary too)
EOF
}
parse_args() {  # default-out-dir args...
  out_dir=$1
  local default_out=$1
  shift
  while (($#)); do
    case $1 in
      --dist) dist_dir=$(realpath -m "${2:?--dist needs a folder}"); shift 2 ;;
      --out) out_dir=$(realpath -m "${2:?--out needs a folder}"); shift 2 ;;
      --only)
        [[ ${2:-} == x64 || ${2:-} == arm64 ]] || die "--only takes x64 or arm64"
        cpus=("$2")
        windows=
        shift 2 ;;
      -h | --help) usage "$default_out"; exit 0 ;;
      *) usage "$default_out" >&2; die "unknown argument '$1'" ;;
    esac
  done
  mkdir -p "$out_dir"
}

debian_arch() { case $1 in x64) echo amd64 ;; arm64) echo arm64 ;; esac; }
machine_of_cpu() { case $1 in x64) echo x86_64 ;; arm64) echo aarch64 ;; esac; }

binary() {  # cpu: the path of its release binary, which must be there
  local bin=$dist_dir/linux-$1/authmigrate
  [[ -x $bin ]] ||
    die "no $1 binary at $bin (build it with scripts/build-static.sh $(machine_of_cpu "$1"), or pass --only)"
  echo "$bin"
}

# Runs a release binary; one for another CPU runs under qemu user emulation.
run_binary() {  # binary args...
  local bin=$1 machine
  shift
  case $(od -An -tx1 -j18 -N2 "$bin" 2>/dev/null | tr -d ' ') in  # the ELF header's e_machine
    3e00) machine=x86_64 ;;
    b700) machine=aarch64 ;;
    *) machine=$(uname -m) ;;  # not ELF (a stand-in script in the tests): run it as it is
  esac
  if [[ $machine == "$(uname -m)" ]]; then "$bin" "$@"; else "qemu-$machine-static" "$bin" "$@"; fi
}

# The Windows binary, which must be there and say the version it is packaged as (it runs under Wine).
windows_binary() {  # version
  local exe=$dist_dir/win32-x64/authmigrate.exe wine wineserver prefix said
  [[ -f $exe ]] || die "no Windows binary at $exe (build it with scripts/build-static.sh windows-x64, or pass --only)"
  wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
  wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver)
  [[ -x $wine ]] || die "no Wine to ask $exe its version (package wine64, scripts/setup.sh)"
  prefix=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-wine.XXXXXX")
  said=$(WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" "$wine" "$exe" --version 2>/dev/null | tr -d '\r') || said="(it failed)"
  WINEPREFIX=$prefix "$wineserver" -k 2>/dev/null || true  # the prefix's own server, before it is removed
  rm -rf "$prefix"
  [[ $said == "authmigrate $1" ]] || die "$exe --version says '$said' but CMakeLists.txt has VERSION $1; rebuild it"
  echo "$exe"
}

cmake_version() {
  sed -n 's/^project(authmigrate VERSION \([0-9][0-9.]*\).*/\1/p' "$repo/CMakeLists.txt"
}

# The version every package gets: what the binaries say, which must be what CMakeLists.txt says, so that
# a stale binary in dist/ is never shipped under a new version (or the reverse).
release_version() {
  local want cpu bin said
  want=$(cmake_version)
  [[ -n $want ]] || die "no 'project(authmigrate VERSION x.y.z)' in $repo/CMakeLists.txt"
  for cpu in "${cpus[@]}"; do
    bin=$(binary "$cpu") || exit 1
    said=$(run_binary "$bin" --version) || die "$bin --version failed"
    [[ $said == "authmigrate $want" ]] || die "$bin --version says '$said' but CMakeLists.txt has VERSION $want; rebuild it"
  done
  echo "$want"
}

# The files every package ships, put where that package wants them.
put_binary() {  # cpu dest-file
  install -D -m 0755 "$(binary "$1")" "$2"
}
put_share() {  # dest-dir
  install -D -m 0644 "$repo/share/authmigrate/export-schema.mjs" "$1/export-schema.mjs"
}
put_licences() {  # cpu dir-for-THIRD-PARTY.md dir-for-the-licence-files
  local from
  from=$(dirname "$(binary "$1")")/licenses
  [[ -d $from ]] || die "no $from: the licences of what the $1 binary links statically must ship with it"
  install -D -m 0644 "$repo/packaging/licenses/THIRD-PARTY.md" "$2/THIRD-PARTY.md"
  mkdir -p "$3"
  cp -R "$from/." "$3/"
}

# Modes and times that do not depend on who built the package or when: files 0644, folders 0755
# (executables are set after), every time stamp the last commit's.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || echo 0)}
export SOURCE_DATE_EPOCH
normalize_tree() {  # dir executable-paths...
  local dir=$1
  shift
  find "$dir" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
  (($# == 0)) || chmod 0755 "$@"
  find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

make_work_dir() {  # sets $work, removed on exit
  work=$(mktemp -d "${TMPDIR:-/tmp}/authmigrate-pkg.XXXXXX")
  trap 'rm -rf "$work"' EXIT
}
