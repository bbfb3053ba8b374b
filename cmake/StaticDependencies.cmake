# AUTHMIGRATE_STATIC=ON: one binary with no shared library at all (docs/packaging.md). The targets the
# code links are the same names as in Dependencies.cmake, made here from archives:
#   AUTHMIGRATE_STATIC_PREFIX  libpq and Connector/C built by packaging/static/deps.sh;
#   AUTHMIGRATE_SYSROOT        where Debian's libssl.a, libsqlite3.a, libz.a and the header-only
#                              libraries are: / for the host CPU, the unpacked sysroot when cross-compiling
#                              (for Windows, the prefix: everything is built there).
set(AUTHMIGRATE_STATIC_PREFIX "" CACHE PATH "Prefix of the static libpq and Connector/C (packaging/static/deps.sh)")
set(AUTHMIGRATE_SYSROOT "/" CACHE PATH "Root of Debian's -dev packages for the target CPU")
if(NOT EXISTS "${AUTHMIGRATE_STATIC_PREFIX}/lib/libpq.a")
  message(FATAL_ERROR "AUTHMIGRATE_STATIC=ON needs -DAUTHMIGRATE_STATIC_PREFIX=<the prefix packaging/static/deps.sh "
    "prints>; ${AUTHMIGRATE_STATIC_PREFIX}/lib/libpq.a does not exist. scripts/build-static.sh does both steps.")
endif()
if(AUTHMIGRATE_BUILD_TESTS)
  message(FATAL_ERROR "AUTHMIGRATE_STATIC=ON builds the release binary only: add -DAUTHMIGRATE_BUILD_TESTS=OFF")
endif()

find_package(Threads REQUIRED)
if(WIN32)
  # Windows (packaging/static/toolchain-mingw64.cmake): deps.sh windows-x64 built OpenSSL and SQLite into
  # the prefix (the sysroot is the prefix) and copied the header-only libraries to its headers/; zlib is
  # Debian's libz-mingw-w64-dev. The system libraries are Windows' own DLLs (sockets, crypto, security).
  set(_am_arch_dir "${AUTHMIGRATE_STATIC_PREFIX}/lib")
  set(_am_includes "${AUTHMIGRATE_STATIC_PREFIX}/include" "${AUTHMIGRATE_STATIC_PREFIX}/headers")
  set(_am_zlib "/usr/x86_64-w64-mingw32/lib/libz.a")
  set(_am_crypto_system ws2_32 gdi32 crypt32 user32 advapi32 bcrypt)
  set(_am_pq_system ws2_32 secur32 shell32)
  set(_am_mariadb_system ws2_32 shlwapi secur32 crypt32)
  set(_am_math "")
else()
  set(_am_arch_dir "${AUTHMIGRATE_SYSROOT}/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}")
  set(_am_includes "${AUTHMIGRATE_SYSROOT}/usr/include")
  if(NOT AUTHMIGRATE_SYSROOT STREQUAL "/")
    list(APPEND _am_includes "${AUTHMIGRATE_SYSROOT}/usr/include/${CMAKE_LIBRARY_ARCHITECTURE}")
  endif()
  set(_am_zlib "${_am_arch_dir}/libz.a")
  set(_am_crypto_system ${CMAKE_DL_LIBS})
  set(_am_pq_system "")
  set(_am_mariadb_system ${CMAKE_DL_LIBS})
  set(_am_math m)
endif()

# am_static_archive(TARGET path [LINKS ...] [INCLUDES ...] [DEFINES ...])
function(am_static_archive target path)
  cmake_parse_arguments(ARG "" "" "LINKS;INCLUDES;DEFINES" ${ARGN})
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "static build: ${path} is missing (for ${target})")
  endif()
  add_library(${target} STATIC IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${path}"
    INTERFACE_LINK_LIBRARIES "${ARG_LINKS}" INTERFACE_INCLUDE_DIRECTORIES "${ARG_INCLUDES}"
    INTERFACE_COMPILE_DEFINITIONS "${ARG_DEFINES}")
endfunction()

# am_headers(TARGET [DEFINES ...]): a header-only library from the sysroot's /usr/include
function(am_headers target)
  add_library(${target} INTERFACE IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_am_includes}"
    INTERFACE_COMPILE_DEFINITIONS "${ARGN}")
endfunction()

am_static_archive(OpenSSL::Crypto "${_am_arch_dir}/libcrypto.a" LINKS Threads::Threads ${_am_crypto_system}
  INCLUDES ${_am_includes})
am_static_archive(OpenSSL::SSL "${_am_arch_dir}/libssl.a" LINKS OpenSSL::Crypto INCLUDES ${_am_includes})
am_static_archive(am_zlib "${_am_zlib}")
am_static_archive(SQLite::SQLite3 "${_am_arch_dir}/libsqlite3.a" LINKS Threads::Threads ${_am_math} ${CMAKE_DL_LIBS}
  INCLUDES ${_am_includes})
set(_am_p "${AUTHMIGRATE_STATIC_PREFIX}")
am_static_archive(am_pgport "${_am_p}/lib/libpgport.a")
am_static_archive(am_pgcommon "${_am_p}/lib/libpgcommon.a" LINKS am_pgport OpenSSL::Crypto)
am_static_archive(PostgreSQL::PostgreSQL "${_am_p}/lib/libpq.a"
  LINKS am_pgcommon am_pgport OpenSSL::SSL OpenSSL::Crypto Threads::Threads ${_am_pq_system} INCLUDES "${_am_p}/include")
am_static_archive(PkgConfig::MARIADB "${_am_p}/lib/libmariadbclient.a"
  LINKS OpenSSL::SSL OpenSSL::Crypto am_zlib Threads::Threads ${_am_math} ${_am_mariadb_system}
  INCLUDES "${_am_p}/include/mariadb")
# Debian ships fmt and toml++ as shared libraries only: both are used header-only here.
am_headers(fmt::fmt FMT_HEADER_ONLY=1)
am_headers(tomlplusplus::tomlplusplus TOML_HEADER_ONLY=1)
am_headers(CLI11::CLI11)
am_headers(nlohmann_json::nlohmann_json)
am_headers(tl::expected)

# Plain -static: no start-up relocations (-static-pie would rewrite 700 kB of them at every start). Its
# one cost is libgcc's unwinder sorting every FDE of the binary at the first exception thrown, 5 ms: no
# ordinary command throws (--version is answered before CLI11 is built: src/cli/main.cpp).
# Unused sections are dropped: a smaller file is fewer pages to map.
add_compile_options(-ffunction-sections -fdata-sections)
add_link_options(-static -Wl,--gc-sections)
