# Every dependency is a Debian 12 package; scripts/setup.sh installs them. AUTHMIGRATE_STATIC=ON takes
# them from archives instead (StaticDependencies.cmake).
if(AUTHMIGRATE_STATIC)
  include(${CMAKE_CURRENT_LIST_DIR}/StaticDependencies.cmake)
  return()
endif()
find_package(PkgConfig REQUIRED)
find_package(PostgreSQL REQUIRED)          # libpq-dev
find_package(SQLite3 REQUIRED)             # libsqlite3-dev
pkg_check_modules(MARIADB REQUIRED IMPORTED_TARGET libmariadb)  # libmariadb-dev
find_package(fmt REQUIRED)                 # libfmt-dev
find_package(CLI11 REQUIRED)               # libcli11-dev
find_package(nlohmann_json REQUIRED)       # nlohmann-json3-dev
find_package(tomlplusplus REQUIRED)        # libtomlplusplus-dev
find_package(tl-expected REQUIRED)         # libexpected-dev
find_package(OpenSSL REQUIRED)             # libssl-dev
find_package(Threads REQUIRED)
if(AUTHMIGRATE_BUILD_TESTS)
  find_package(GTest REQUIRED)             # googletest / libgtest-dev
endif()
