# shellcheck shell=bash disable=SC2034  # sourced by deps.sh
# What the static build is made of: Debian 12 ("bookworm") source packages, pinned with the checksums of
# their upstream tarballs (the .orig files apt-get source fetches; apt also checks them against Debian's
# signed Sources index). To move to a newer point release: change the versions, run deps.sh once, and put
# the new `sha256sum` of the two .orig files here.
DEBIAN_MIRROR=${AM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${AM_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

PG_VERSION=15.18
PG_DEB_VERSION=15.18-0+deb12u1
PG_ORIG=postgresql-15_$PG_VERSION.orig.tar.bz2
PG_ORIG_SHA256=11df0df97fe3ea4ba9a791faaf39cee1d2fe571e78885b5b55d8517d27c323b4

MARIADB_VERSION=10.11.18   # carries MariaDB Connector/C 3.3 in libmariadb/
MARIADB_DEB_VERSION=1:10.11.18-0+deb12u1
MARIADB_ORIG=mariadb_$MARIADB_VERSION.orig.tar.gz
MARIADB_ORIG_SHA256=a46852c68075be7c31c7b33fee233c5b5a00c8c28117f5204d124e4f2fd56fa8

# -dev packages unpacked into the sysroot of a foreign CPU (for the host CPU, scripts/setup.sh installs them)
SYSROOT_DEBS=(libssl-dev libsqlite3-dev zlib1g-dev libfmt-dev libtomlplusplus-dev libcli11-dev
  nlohmann-json3-dev libexpected-dev)
# Whose copyright files go into the packages' LICENSES (from the sysroot, or the host's /usr/share/doc)
LICENCE_PKGS=(libssl-dev libsqlite3-dev zlib1g-dev libfmt-dev libtomlplusplus-dev libcli11-dev
  nlohmann-json3-dev libexpected-dev libc6-dev libstdc++-12-dev libgcc-s1)
