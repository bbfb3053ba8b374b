#!/usr/bin/env bash
# The release binary as users get it: fully static, run from a root file system that has nothing but
# the binary, and from a minimal Debian 12 one (mmdebstrap's essential variant: no libpq, no
# libmariadb, no libsqlite3, no OpenSSL, no CA certificates). In each, `authmigrate deploy` migrates a
# SQLite file, the loopback PostgreSQL (TLS off, TLS verified against the test CA, SCRAM) and MariaDB
# (a mysql_native_password and an ed25519 user: its auth plugin must be compiled in; TLS required of the
# user, and verified).
#   static_binary.sh [BINARY]    (default dist/linux-x64/authmigrate; needs root for chroot)
# An aarch64 binary on an x86-64 machine runs under qemu-aarch64-static (itself a static binary, copied
# into each root): the same deploys, on the CPU the binary was built for.
# The servers come from scripts/test-servers (env.sh). Exit 125 (skipped) without them outside CI.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${1:-$repo/dist/linux-x64/authmigrate}
source "$here/harness.sh"
DB_PREFIX=am_static

require_or_skip "[[ -x '$bin' ]]" "no static binary at $bin (scripts/build-static.sh)"
require_or_skip "((EUID == 0))" "chroot needs root"
require_or_skip "[[ -n \${AUTHMIGRATE_TEST_PG_URL:-} && -n \${AUTHMIGRATE_TEST_MYSQL_URL:-} ]]" \
  "no test servers (scripts/test.sh starts them)"

rootfs_tar=$(bash "$here/rootfs.sh") || { echo "FAIL: could not make the Debian 12 root file system"; exit 1; }
work=$(mktemp -d /tmp/am-static.XXXXXX)
trap 'rm -rf "$work"' EXIT
secret="static-test-secret-6f1d0c4e2b9a7d5e3c1b0a9f8e7d6c5b"

# A root with only the binary (and the app's files), and the Debian one, each made once.
empty=$work/empty debian=$work/debian
mkdir -p "$empty" "$debian"
tar -xf "$rootfs_tar" -C "$debian" --exclude='./dev/*'
emulator=()
if [[ $(file -b "$bin") == *aarch64* && $(uname -m) != aarch64 ]]; then
  require_or_skip "command -v qemu-aarch64-static >/dev/null" "no qemu-aarch64-static (package qemu-user-static)"
  emulator=(/qemu-aarch64-static)
fi
for root in "$empty" "$debian"; do
  cp "$bin" "$root/authmigrate"
  ((${#emulator[@]} == 0)) || cp "$(command -v qemu-aarch64-static)" "$root/qemu-aarch64-static"
  mkdir -p "$root/app/better-auth_migrations"
  printf '[better_auth]\nplugins = ["username"]\n' >"$root/app/authmigrate.toml"
  printf 'CREATE TABLE orders (id integer PRIMARY KEY, note text);\n' \
    >"$root/app/better-auth_migrations/0001_orders.sql"
done
# The Debian root trusts the test CA as a system CA (what update-ca-certificates writes).
mkdir -p "$debian/etc/ssl/certs"
cp "$AM_TEST_CA_FILE" "$debian/etc/ssl/certs/ca-certificates.crt"
cp "$AM_TEST_CA_FILE" "$empty/app/ca.crt"
# A CA that signed nothing of ours: verification against it must fail.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj "/CN=someone else" \
  -keyout "$work/other.key" -out "$empty/app/other-ca.crt" 2>/dev/null

pg_password=$(url_part "$AUTHMIGRATE_TEST_PG_URL" password)
my_password=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password)

# deploy_in ROOT URL...: the binary inside ROOT, with a clean environment, as a release step runs it.
deploy_in() {
  local root=$1
  shift
  OUT=$(env -i PATH=/usr/bin:/bin BETTER_AUTH_SECRET=$secret BETTER_AUTH_URL=https://app.example.test \
    "$(command -v chroot)" "$root" "${emulator[@]}" /authmigrate deploy --dir /app/better-auth_migrations --config /app/authmigrate.toml \
    "$@" 2>&1)
  RC=$?
  no_secret_in "$OUT" "$pg_password" "$my_password" "$secret"
}

# expect_deployed ROOT URL check-command: deploys, checks the tables, deploys again (a no-op).
expect_deployed() {
  local root=$1 url=$2 check=$3
  deploy_in "$root" --url "$url" || return 1
  expect_rc 0 "deploy in $(basename "$root")" && expect_in "$OUT" "1 applied" || return 1
  local tables
  tables=$($check) || { echo "  could not read the tables back"; return 1; }
  [[ $tables == *user*orders* || $tables == *orders*user* ]] ||
    { echo "  expected tables user and orders, got: $tables"; return 1; }
  deploy_in "$root" --url "$url" || return 1
  expect_rc 0 "second deploy" && expect_in "$OUT" "0 applied, 1 already applied" && expect_in "$OUT" "1 database up to date"
}


test_no_shared_library() {
  local dynamic
  dynamic=$(readelf -d "$bin" 2>&1 | grep NEEDED)
  [[ -z $dynamic ]] || { echo "  readelf -d lists shared libraries:"; echo "$dynamic"; return 1; }
  expect_in "$(file -b "$bin")" "statically linked" && [[ -z $(readelf -l "$bin" | grep -i interpreter) ]]
}

sqlite_case() { expect_deployed "$1" sqlite:/app/app.db "sqlite_tables $1/app/app.db"; }
# pg_deployed ROOT URL-PARAMS: a fresh database on the test server, deployed from ROOT with those params
pg_deployed() {
  local db
  db=$(pg_db) || return 1
  expect_deployed "$1" "$(pg_url "$db" "$2")" "pg_tables $db"
}
pg_plain_case() { pg_deployed "$1" '?sslmode=disable'; }
mariadb_case() {
  local db
  db=$(my_db) || return 1
  expect_deployed "$1" "$(my_url "$db")" "my_tables $db"
}
test_empty_root_sqlite() { sqlite_case "$empty"; }
test_debian_root_sqlite() { sqlite_case "$debian"; }
test_empty_root_postgres_without_tls() { pg_plain_case "$empty"; }
test_debian_root_postgres_without_tls() { pg_plain_case "$debian"; }
test_empty_root_mariadb_native_password() { mariadb_case "$empty"; }
test_debian_root_mariadb_native_password() { mariadb_case "$debian"; }

test_empty_root_postgres_tls_verify_full_with_root_cert() {
  pg_deployed "$empty" '?sslmode=verify-full&sslrootcert=/app/ca.crt'
}

test_empty_root_postgres_verify_full_without_any_ca_is_a_clear_error() {
  local db
  db=$(pg_db) || return 1
  deploy_in "$empty" --url "$(pg_url "$db" '?sslmode=verify-full')" --wait-timeout 2
  expect_rc 2 "no CA bundle" && expect_in "$OUT" "no CA bundle" && expect_in "$OUT" "SSL_CERT_FILE"
}

test_empty_root_postgres_tls_with_a_wrong_ca_fails() {
  local db
  db=$(pg_db) || return 1
  deploy_in "$empty" --url "$(pg_url "$db" '?sslmode=verify-full&sslrootcert=/app/other-ca.crt')" --wait-timeout 2
  expect_rc 3 "an unknown CA" && expect_in "$OUT" "certificate" && expect_in "$OUT" "check sslrootcert" &&
    [[ -z $(pg_tables "$db") ]]
}

test_debian_root_postgres_tls_verify_full_with_system_cas() {
  # No sslrootcert: the system's CA bundle, found where Debian keeps it (libpq 15 alone would fail).
  pg_deployed "$debian" '?sslmode=verify-full' && pg_deployed "$debian" '?sslmode=verify-full&sslrootcert=system'
}

test_debian_root_postgres_tls_checks_the_host_name() {
  local db
  db=$(pg_db) || return 1
  # localhost resolves through the root's /etc/hosts, and the certificate names it.
  local url="postgres://postgres:$(url_userinfo_password "$AUTHMIGRATE_TEST_PG_URL")@localhost:$AM_PG_PORT/$db?sslmode=verify-full"
  grep -q localhost "$debian/etc/hosts" 2>/dev/null || echo "127.0.0.1 localhost" >>"$debian/etc/hosts"
  expect_deployed "$debian" "$url" "pg_tables $db"
}

test_debian_root_postgres_tls_require() { pg_deployed "$debian" '?sslmode=require'; }

test_empty_root_mariadb_ed25519_user() {
  local db
  db=$(my_db) || return 1
  mysql_root -e "INSTALL SONAME 'auth_ed25519'" 2>/dev/null || true
  mysql_root -e "DROP USER IF EXISTS 'am_ed_$$'@'127.0.0.1'; CREATE USER 'am_ed_$$'@'127.0.0.1' IDENTIFIED VIA ed25519 USING PASSWORD('ed-Pass-42'); GRANT ALL ON $db.* TO 'am_ed_$$'@'127.0.0.1'" || return 1
  expect_deployed "$empty" "mysql://am_ed_$$:ed-Pass-42@127.0.0.1:$AM_MYSQL_PORT/$db" "my_tables $db"
}

# A user the server refuses without TLS: proves ssl-mode=REQUIRED really encrypts. Users are named per
# process: the x64 and arm64 runs of this file share the server and run at the same time.
tls_user() {  # DB
  mysql_root -e "DROP USER IF EXISTS 'am_tls_$$'@'127.0.0.1'; CREATE USER 'am_tls_$$'@'127.0.0.1' IDENTIFIED BY 'tls-Pass-42' REQUIRE SSL; GRANT ALL ON $1.* TO 'am_tls_$$'@'127.0.0.1'"
}
test_empty_root_mariadb_tls_required_and_verified() {
  local db
  db=$(my_db) || return 1
  tls_user "$db" || return 1
  deploy_in "$empty" --url "mysql://am_tls_$$:tls-Pass-42@127.0.0.1:$AM_MYSQL_PORT/$db" --wait-timeout 2
  expect_rc 3 "no TLS: the server refuses" || return 1
  expect_deployed "$empty" "mysql://am_tls_$$:tls-Pass-42@127.0.0.1:$AM_MYSQL_PORT/$db?ssl-mode=VERIFY_IDENTITY&ssl-ca=/app/ca.crt" \
    "my_tables $db"
}
test_debian_root_mariadb_tls_with_system_cas() {
  local db
  db=$(my_db) || return 1
  tls_user "$db" || return 1
  expect_deployed "$debian" "mysql://am_tls_$$:tls-Pass-42@127.0.0.1:$AM_MYSQL_PORT/$db?sslaccept=strict" "my_tables $db"
}
test_empty_root_mariadb_tls_with_a_wrong_ca_fails() {
  local db
  db=$(my_db) || return 1
  deploy_in "$empty" --url "$(my_url "$db")?ssl-mode=VERIFY_IDENTITY&ssl-ca=/app/other-ca.crt" --wait-timeout 2
  expect_rc 3 "an unknown CA" && expect_in "$OUT" "TLS/SSL error" || return 1
  local count
  count=$(mysql_root -N -B -e "select count(*) from information_schema.tables where table_schema = '$db'")
  [[ $count == 0 ]] || { echo "  a refused connection still created $count tables"; return 1; }
}

run_tests
