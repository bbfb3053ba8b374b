# shellcheck shell=bash  # sourced by deps.sh for `deps.sh windows-x64`
# The C libraries of the Windows x64 binary, cross-built with Debian's mingw-w64 (the -posix compilers,
# whose winpthreads the C++ runtime uses) into $prefix, which is also the "sysroot" cmake is given:
#   lib/ libssl.a libcrypto.a libsqlite3.a libpq.a libpgcommon.a libpgport.a libmariadbclient.a
#   include/ their headers, headers/ the header-only libraries (copied from the host's /usr/include).
# zlib is Debian's libz-mingw-w64-dev ($MINGW_ZLIB). Sources: versions.sh, checked against their pins.
mingw=x86_64-w64-mingw32
mingw_cc=$mingw-gcc-posix

fetch_windows_sources() {
  local dir=$srcdir pins
  pins=$(printf '%s  %s\n' "$OPENSSL_ORIG_SHA256" "$dir/$OPENSSL_ORIG" "$SQLITE_DSC_SHA256" "$dir/$SQLITE_DSC")
  sha256sum --quiet -c <(echo "$pins") 2>/dev/null && return 0
  apt_dir "$dir/apt-windows" "deb-src [signed-by=$keyring] $DEBIAN_MIRROR bookworm main" \
    "deb-src [signed-by=$keyring] $DEBIAN_SECURITY_MIRROR bookworm-security main"
  # --tar-only for OpenSSL: the security pool's .dsc has a `~` that some mirrors do not serve.
  (cd "$dir" && private_apt "$dir/apt-windows" apt-get -q -o Acquire::Retries=3 source --download-only \
    --tar-only "openssl=$OPENSSL_DEB_VERSION" >&2 &&
    private_apt "$dir/apt-windows" apt-get -q -o Acquire::Retries=3 source --download-only \
      "sqlite3=$SQLITE_DEB_VERSION" >&2) || {
    log "could not download openssl=$OPENSSL_DEB_VERSION and sqlite3=$SQLITE_DEB_VERSION from Debian's source"
    log "pool; when bookworm has moved on, update packaging/static/versions.sh (versions and checksums)"
    exit 1
  }
  sha256sum --quiet -c <(echo "$pins") >&2 || {
    log "checksum mismatch on a downloaded OpenSSL or SQLite source (expected the values in versions.sh)"
    exit 1
  }
}

build_windows_openssl() {
  local work=$1
  tar -xzf "$srcdir/$OPENSSL_ORIG" -C "$work"
  local src=$work/openssl-$OPENSSL_VERSION
  (cd "$src" && ./Configure mingw64 no-shared no-tests --cross-compile-prefix=$mingw- \
    --prefix="$prefix" --libdir=lib >"$work/openssl-configure.log" 2>&1 &&
    make -j"$(nproc)" build_libs >"$work/openssl-make.log" 2>&1 &&
    make install_dev >>"$work/openssl-make.log" 2>&1) ||
    { tail -n 30 "$work/openssl-configure.log" "$work/openssl-make.log" >&2; exit 1; }
  cp "$src/LICENSE.txt" "$prefix/licenses/openssl.LICENSE.txt"
}

# SQLite: Debian's .orig has no amalgamation, so a native configure (which needs tclsh) makes sqlite3.c,
# compiled for Windows with the CFLAGS of Debian's debian/rules.
build_windows_sqlite() {
  local work=$1 src=$work/sqlite3
  dpkg-source -x "$srcdir/$SQLITE_DSC" "$src" >"$work/sqlite.log" 2>&1 || { tail -n 30 "$work/sqlite.log" >&2; exit 1; }
  mkdir -p "$work/sqlite-build"
  (cd "$work/sqlite-build" && "$src/configure" --disable-tcl >>"$work/sqlite.log" 2>&1 &&
    make sqlite3.c >>"$work/sqlite.log" 2>&1) || { tail -n 30 "$work/sqlite.log" >&2; exit 1; }
  local defines
  defines=$(sed -n '/^export CFLAGS += /,/[^\\]$/p' "$src/debian/rules" | grep -o -- '-DSQLITE_[A-Z0-9_]*\(=[0-9]*\)\?')
  # shellcheck disable=SC2086  # one flag per word
  $mingw_cc -O2 -fno-strict-aliasing $defines -c "$work/sqlite-build/sqlite3.c" -o "$work/sqlite3.o" ||
    { log "compiling SQLite for Windows failed"; exit 1; }
  $mingw-ar rcs "$prefix/lib/libsqlite3.a" "$work/sqlite3.o"
  cp "$work/sqlite-build/sqlite3.h" "$src/src/sqlite3ext.h" "$prefix/include/"
  cp "$src/debian/copyright" "$prefix/licenses/sqlite3.copyright"
}

# libpq for Windows: PostgreSQL builds it as a DLL whose libpq.a is only the import library, so the
# static archive is made from the objects. Left out: the version resource and libpq's own pthread
# emulation (pthread-win32.o), which clashes with winpthreads; libpq then uses winpthreads.
build_windows_libpq() {
  local work=$1 src=${AM_STATIC_POSTGRES_SRC:-}
  if [[ -z $src ]]; then
    tar -xjf "$srcdir/$PG_ORIG" -C "$work"
    src=$work/postgresql-$PG_VERSION
  fi
  local b=$work/pg-build
  mkdir -p "$b"
  (cd "$b" && "$src/configure" --host=$mingw --prefix="$prefix" --without-gssapi --without-ldap \
    --with-openssl --without-readline --without-icu --without-zlib --without-llvm \
    CC=$mingw_cc CFLAGS="-O2" CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" \
    LIBS="-lcrypt32 -lws2_32 -luser32 -ladvapi32" >"$work/pg-configure.log" 2>&1) ||
    { tail -n 30 "$work/pg-configure.log" >&2; exit 1; }
  for d in src/port src/common src/interfaces/libpq; do
    make -s -C "$b/$d" -j"$(nproc)" >"$work/pg-make.log" 2>&1 || { tail -n 30 "$work/pg-make.log" >&2; exit 1; }
  done
  local objects=()
  for o in "$b"/src/interfaces/libpq/*.o; do
    [[ $o == */win32ver.o || $o == */pthread-win32.o ]] || objects+=("$o")
  done
  rm -f "$prefix/lib/libpq.a"
  $mingw-ar rcs "$prefix/lib/libpq.a" "${objects[@]}"
  cp "$b/src/common/libpgcommon.a" "$b/src/port/libpgport.a" "$prefix/lib/"
  cp "$src/src/interfaces/libpq/libpq-fe.h" "$src/src/include/postgres_ext.h" "$b/src/include/pg_config_ext.h" \
    "$src/src/interfaces/libpq/libpq-events.h" "$prefix/include/"
  cp "$src/COPYRIGHT" "$prefix/licenses/libpq.COPYRIGHT"
}

# Connector/C: deps.sh's build_connector with these options (the mingw toolchain, OpenSSL and zlib above).
windows_connector_options() {
  connector_cross=(-DCMAKE_TOOLCHAIN_FILE="$here/toolchain-mingw64.cmake" -DAM_SYSROOT="$prefix"
    -DOPENSSL_ROOT_DIR="$prefix" -DOPENSSL_INCLUDE_DIR="$prefix/include"
    -DOPENSSL_SSL_LIBRARY="$prefix/lib/libssl.a" -DOPENSSL_CRYPTO_LIBRARY="$prefix/lib/libcrypto.a"
    -DZLIB_INCLUDE_DIR=/usr/$mingw/include -DZLIB_LIBRARY="$MINGW_ZLIB")
}

windows_headers() {
  mkdir -p "$prefix/headers"
  local d
  for d in "${WINDOWS_HEADER_DIRS[@]}"; do cp -r "/usr/include/$d" "$prefix/headers/"; done
}

build_windows_deps() {
  local work=$1
  [[ -f $MINGW_ZLIB ]] || { log "no $MINGW_ZLIB: install libz-mingw-w64-dev (scripts/setup.sh)"; exit 1; }
  command -v $mingw_cc >/dev/null || { log "no $mingw_cc: install g++-mingw-w64-x86-64-posix (scripts/setup.sh)"; exit 1; }
  mkdir -p "$prefix/lib" "$prefix/include" "$prefix/licenses"
  build_windows_openssl "$work"
  build_windows_sqlite "$work"
  build_windows_libpq "$work"
  windows_headers
}
