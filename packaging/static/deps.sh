#!/usr/bin/env bash
# Builds the C libraries a fully static authmigrate links, for one CPU, into a cached prefix, and
# prints that prefix. Only Debian 12's package registry is used:
#   - libpq 15 and MariaDB Connector/C from Debian's *source* packages (pinned versions, checksums
#     below): Debian's own libpq.a needs static Kerberos and LDAP, which Debian does not ship, and its
#     libmariadb.a loads the auth plugins (caching_sha2_password, ed25519, ...) from .so files at run time;
#   - OpenSSL, SQLite, zlib and the header-only libraries from Debian's -dev packages (for a foreign CPU
#     unpacked into a sysroot of our own: the system's dpkg architectures and sources are never touched);
#   - for windows-x64 (mingw-w64), OpenSSL and SQLite from Debian's sources as well (deps-windows.sh).
# Usage: packaging/static/deps.sh x86_64|aarch64|windows-x64   (prints the prefix on the last line of stdout)
# AM_STATIC_CACHE (default ~/.cache/authmigrate/static) keeps downloads and builds: a rerun is instant.
# AM_STATIC_MARIADB_SRC / AM_STATIC_POSTGRES_SRC: a source tree of your own instead of Debian's, e.g. to
# relink authmigrate with a modified Connector/C (LGPL-2.1; packaging/licenses/THIRD-PARTY.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/versions.sh"
source "$here/deps-windows.sh"

arch=${1:?usage: deps.sh x86_64|aarch64|windows-x64}
case $arch in
  x86_64) triplet=x86_64-linux-gnu debarch=amd64 ;;
  aarch64) triplet=aarch64-linux-gnu debarch=arm64 ;;
  windows-x64) triplet=$mingw ;;
  *) echo "deps.sh: unknown target '$arch' (x86_64, aarch64 or windows-x64)" >&2; exit 2 ;;
esac
host=$(uname -m)
cache=${AM_STATIC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authmigrate/static}
key=$(cat "$here/deps.sh" "$here/deps-windows.sh" "$here/versions.sh" | sha256sum | cut -c1-12)
prefix=$cache/$arch-$key
log() { echo "deps.sh: $*" >&2; }
# A source tree of the user's own is built every time: its edits are what the rebuild is for.
if [[ -n ${AM_STATIC_MARIADB_SRC:-}${AM_STATIC_POSTGRES_SRC:-} ]]; then
  prefix=$cache/$arch-own-sources
  rm -f "$prefix/.done"
fi

if [[ -f $prefix/.done ]]; then
  log "cached: $prefix"
  echo "$prefix"
  exit 0
fi

# ---- apt with a configuration of our own: nothing of the system's apt state changes.
private_apt() {  # dir apt-command args...
  local dir=$1
  shift
  "$@" -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" -o Debug::NoLocking=1 \
    -o APT::Sandbox::User=root
}
apt_dir() {  # dir sources-lines...: a private apt root, updated once
  local dir=$1
  shift
  [[ -f $dir/.updated ]] && return 0
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  printf '%s\n' "$@" >"$dir/sources.list"
  private_apt "$dir" apt-get -q -o Acquire::Retries=3 ${apt_extra:-} update >&2
  touch "$dir/.updated"
}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

# ---- sources, checked against the pinned checksums
fetch_sources() {
  local dir=$cache/src
  mkdir -p "$dir"
  if ! sha256sum --quiet -c <(printf '%s  %s\n' "$PG_ORIG_SHA256" "$dir/$PG_ORIG" "$MARIADB_ORIG_SHA256" "$dir/$MARIADB_ORIG") 2>/dev/null; then
    apt_dir "$dir/apt" "deb-src [signed-by=$keyring] $DEBIAN_MIRROR bookworm main"
    (cd "$dir" && private_apt "$dir/apt" apt-get -q -o Acquire::Retries=3 source --download-only \
      "postgresql-15=$PG_DEB_VERSION" "mariadb=$MARIADB_DEB_VERSION" >&2) || {
      log "could not download postgresql-15=$PG_DEB_VERSION and mariadb=$MARIADB_DEB_VERSION from Debian's"
      log "source pool; when bookworm has moved on, update packaging/static/versions.sh (versions and checksums)"
      exit 1
    }
    sha256sum --quiet -c <(printf '%s  %s\n' "$PG_ORIG_SHA256" "$dir/$PG_ORIG" "$MARIADB_ORIG_SHA256" "$dir/$MARIADB_ORIG") >&2 || {
      log "checksum mismatch on a downloaded source tarball (expected the values in versions.sh)"
      exit 1
    }
  fi
  srcdir=$dir
}

# ---- a sysroot for a foreign CPU: Debian's -dev packages of that architecture, unpacked
sysroot_for() {
  if [[ $arch == "$host" ]]; then sysroot=/; return; fi
  if [[ $arch == windows-x64 ]]; then sysroot=$prefix; return; fi  # what deps-windows.sh builds
  sysroot=$cache/sysroot-$debarch-$key
  [[ -f $sysroot/.done ]] && return
  local dir=$cache/apt-$debarch
  apt_extra="-o APT::Architecture=$debarch -o APT::Architectures=$debarch"
  apt_dir "$dir" "deb [arch=$debarch signed-by=$keyring] $DEBIAN_MIRROR bookworm main" \
    "deb [arch=$debarch signed-by=$keyring] $DEBIAN_SECURITY_MIRROR bookworm-security main"
  rm -rf "$sysroot" "$dir/debs" && mkdir -p "$sysroot" "$dir/debs"
  (cd "$dir/debs" && private_apt "$dir" apt-get -q $apt_extra -o Acquire::Retries=3 download "${SYSROOT_DEBS[@]/%/:$debarch}" >&2)
  for deb in "$dir/debs"/*.deb; do dpkg-deb -x "$deb" "$sysroot"; done
  unset apt_extra
  touch "$sysroot/.done"
}

# ---- libpq, libpgcommon, libpgport without GSSAPI and LDAP
build_libpq() {
  local work=$1 src=${AM_STATIC_POSTGRES_SRC:-}
  if [[ -z $src ]]; then
    tar -xjf "$srcdir/$PG_ORIG" -C "$work"
    src=$work/postgresql-$PG_VERSION
  fi
  local b=$work/pg-build
  mkdir -p "$b"
  local cross=() cppflags="" ldflags=""
  if [[ $arch != "$host" ]]; then
    cross=(--host="$triplet")
    cppflags="-I$sysroot/usr/include -I$sysroot/usr/include/$triplet"
    ldflags="-L$sysroot/usr/lib/$triplet"
  fi
  (cd "$b" && "$src/configure" "${cross[@]}" --prefix="$prefix" --without-gssapi --without-ldap \
    --with-openssl --without-readline --without-icu --without-zlib --without-llvm \
    CFLAGS="-O2 -fPIC" CPPFLAGS="$cppflags" LDFLAGS="$ldflags" >"$work/pg-configure.log" 2>&1) ||
    { tail -n 30 "$work/pg-configure.log" >&2; exit 1; }
  for d in src/interfaces/libpq src/common src/port; do
    make -s -C "$b/$d" -j"$(nproc)" >"$work/pg-make.log" 2>&1 || { tail -n 30 "$work/pg-make.log" >&2; exit 1; }
  done
  mkdir -p "$prefix/lib" "$prefix/include" "$prefix/licenses"
  cp "$b/src/interfaces/libpq/libpq.a" "$b/src/common/libpgcommon.a" "$b/src/port/libpgport.a" "$prefix/lib/"
  cp "$src/src/interfaces/libpq/libpq-fe.h" "$src/src/include/postgres_ext.h" "$b/src/include/pg_config_ext.h" \
    "$src/src/interfaces/libpq/libpq-events.h" "$prefix/include/"
  cp "$src/COPYRIGHT" "$prefix/licenses/libpq.COPYRIGHT"
}

# ---- MariaDB Connector/C with every client auth plugin compiled in
build_connector() {
  local work=$1 src=${AM_STATIC_MARIADB_SRC:-}
  if [[ -z $src ]]; then
    tar -xzf "$srcdir/$MARIADB_ORIG" -C "$work" "mariadb-$MARIADB_VERSION/libmariadb"
    src=$work/mariadb-$MARIADB_VERSION/libmariadb
  fi
  local b=$work/mariadb-build cflags="-Wno-maybe-uninitialized" cross=()
  if [[ $arch == windows-x64 ]]; then
    windows_connector_options
    cross=("${connector_cross[@]}")
  elif [[ $arch != "$host" ]]; then
    cflags+=" -I$sysroot/usr/include/$triplet"
    cross=(-DCMAKE_TOOLCHAIN_FILE="$here/toolchain-$arch.cmake" -DAM_SYSROOT="$sysroot"
      -DOPENSSL_ROOT_DIR="$sysroot/usr" -DOPENSSL_INCLUDE_DIR="$sysroot/usr/include"
      -DOPENSSL_SSL_LIBRARY="$sysroot/usr/lib/$triplet/libssl.a"
      -DOPENSSL_CRYPTO_LIBRARY="$sysroot/usr/lib/$triplet/libcrypto.a"
      -DZLIB_INCLUDE_DIR="$sysroot/usr/include" -DZLIB_LIBRARY="$sysroot/usr/lib/$triplet/libz.a")
  fi
  local plugins=()
  for p in CACHING_SHA2_PASSWORD SHA256_PASSWORD CLIENT_ED25519 DIALOG MYSQL_CLEAR_PASSWORD; do
    plugins+=(-DCLIENT_PLUGIN_$p=STATIC)
  done
  cmake -G Ninja -S "$src" -B "$b" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS="$cflags" \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DWITH_SSL=OPENSSL -DWITH_UNIT_TESTS=OFF -DWITH_CURL=OFF \
    -DWITH_EXTERNAL_ZLIB=ON "${plugins[@]}" -DCLIENT_PLUGIN_AUTH_GSSAPI_CLIENT=OFF \
    -DCLIENT_PLUGIN_REMOTE_IO=OFF -DMARIADB_UNIX_ADDR=/run/mysqld/mysqld.sock "${cross[@]}" \
    >"$work/mariadb-configure.log" 2>&1 || { tail -n 30 "$work/mariadb-configure.log" >&2; exit 1; }
  cmake --build "$b" --target mariadbclient >"$work/mariadb-make.log" 2>&1 ||
    { tail -n 30 "$work/mariadb-make.log" >&2; exit 1; }
  mkdir -p "$prefix/include/mariadb"
  cp "$b/libmariadb/libmariadbclient.a" "$prefix/lib/"
  cp -r "$src/include/." "$prefix/include/mariadb/"
  cp "$b/include/"*.h "$prefix/include/mariadb/"
  cp "$src/COPYING.LIB" "$prefix/licenses/mariadb-connector-c.COPYING.LIB"
}

# ---- the licences of what Debian's archives bring in (OpenSSL, SQLite, zlib, glibc, libstdc++, headers)
collect_licences() {
  local root=$sysroot pkg pkgs=("${LICENCE_PKGS[@]}")
  [[ $arch != windows-x64 ]] || pkgs=("${WINDOWS_LICENCE_PKGS[@]}")
  for pkg in "${pkgs[@]}"; do
    local f=$root/usr/share/doc/$pkg/copyright
    [[ -f $f ]] || f=/usr/share/doc/$pkg/copyright  # arch-independent texts: the host's copy
    [[ -f $f ]] && cp "$f" "$prefix/licenses/$pkg.copyright"
  done
}

fetch_sources
[[ $arch != windows-x64 ]] || fetch_windows_sources
sysroot_for
work=$(mktemp -d "${TMPDIR:-/tmp}/am-static-deps.XXXXXX")
trap 'rm -rf "$work"' EXIT
rm -rf "$prefix"
log "building libpq $PG_VERSION and Connector/C (mariadb $MARIADB_VERSION) for $arch into $prefix"
start=$SECONDS
if [[ $arch == windows-x64 ]]; then
  build_windows_deps "$work"
else
  build_libpq "$work"
fi
build_connector "$work"
collect_licences
echo "$sysroot" >"$prefix/sysroot"
printf 'postgresql-15 %s\nmariadb %s\n' "$PG_DEB_VERSION" "$MARIADB_DEB_VERSION" >"$prefix/versions"
[[ $arch != windows-x64 ]] ||
  printf 'openssl %s\nsqlite3 %s\n' "$OPENSSL_DEB_VERSION" "$SQLITE_DEB_VERSION" >>"$prefix/versions"
[[ $sysroot == / || $arch == windows-x64 ]] || (cd "$cache/apt-$debarch/debs" && ls *.deb) >>"$prefix/versions"
touch "$prefix/.done"
log "done in $((SECONDS - start)) s"
echo "$prefix"
