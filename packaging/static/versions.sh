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

# Windows x64 (deps.sh windows-x64, cross-built with Debian's mingw-w64): Debian has no mingw package of
# OpenSSL or SQLite, so both are built from Debian's sources too. OpenSSL: the upstream tarball of the
# security update (its .dsc is not fetchable from every mirror; Debian's patches are packaging ones).
# SQLite: the whole source package (.dsc, checked by dpkg-source, with Debian's patches applied).
OPENSSL_VERSION=3.0.22
OPENSSL_DEB_VERSION=3.0.22-1~deb12u2
OPENSSL_ORIG=openssl_$OPENSSL_VERSION.orig.tar.gz
OPENSSL_ORIG_SHA256=67ebca7e50d17383028045486653492195b83db95f8558709701bb47b5c1ef81
SQLITE_DEB_VERSION=3.40.1-2+deb12u2
SQLITE_DSC=sqlite3_$SQLITE_DEB_VERSION.dsc
SQLITE_DSC_SHA256=ee3459ae9d00939741c7708fc1b8ce1bde12d8c3fb1dfa005bbbc8651d884e23
# zlib is Debian's libz-mingw-w64-dev (scripts/setup.sh installs it); the header-only libraries are the host's.
MINGW_ZLIB=/usr/x86_64-w64-mingw32/lib/libz.a
WINDOWS_HEADER_DIRS=(fmt toml++ nlohmann CLI tl)
WINDOWS_LICENCE_PKGS=(libz-mingw-w64-dev mingw-w64-common gcc-mingw-w64-base libfmt-dev libtomlplusplus-dev
  libcli11-dev nlohmann-json3-dev libexpected-dev)
