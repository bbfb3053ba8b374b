#!/usr/bin/env bash
# Prints the path of a minimal Debian 12 root file system as a tarball (mmdebstrap's "essential"
# variant: what every Debian image starts from, without apt, libpq, libssl or CA certificates), made
# once and cached in ~/.cache/authmigrate/rootfs (about a minute when cold).
set -euo pipefail
cache=${AM_ROOTFS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authmigrate/rootfs}
tar=$cache/bookworm-essential-amd64.tar
if [[ ! -s $tar ]]; then
  mkdir -p "$cache"
  command -v mmdebstrap >/dev/null || { echo "rootfs.sh: mmdebstrap is not installed (scripts/setup.sh)" >&2; exit 1; }
  # Both static_binary tests may make it at once on a cold machine: each into its own part file, then
  # an atomic rename (the same content whichever lands last).
  part=$tar.$$.part
  mmdebstrap --quiet --variant=essential --mode=root --format=tar bookworm "$part" \
    "${AM_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >&2
  mv -f "$part" "$tar"
fi
echo "$tar"
