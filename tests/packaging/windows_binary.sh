#!/usr/bin/env bash
# The Windows release binary as a Windows user runs it, under Wine (Debian's wine64, with a private
# prefix in this test's folder): it imports only Windows' own DLLs; from a folder whose name has spaces
# and non-ASCII letters, `deploy`, `status` and `verify` work on SQLite, PostgreSQL (TLS verify-full
# against the test CA given as sslrootcert, and trusted in the Windows certificate store) and MariaDB
# (an ed25519 user, TLS verified both ways); a deploy
# --backup that fails restores the SQLite file, and a PostgreSQL database through the real Windows
# pg_dump.exe and pg_restore.exe (from npm: windows/postgres_tools.sh); an overall deadline and a Ctrl-C
# (a console control event, sent by windows/console_ctrl.c or typed into Wine's console) cancel the
# statement on the server and roll the file back. Wine is not Windows: docs/windows.md says what this
# leaves untested.
#   windows_binary.sh [EXE]    (default dist/win32-x64/authmigrate.exe)
# The servers come from scripts/test-servers (env.sh). Exit 125 (skipped) without them outside CI.
# The npm packages it takes are cached in ~/.cache/authmigrate/npm-packages (npm_cache.sh).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${1:-$repo/dist/win32-x64/authmigrate.exe}
source "$here/harness.sh"
source "$here/npm_cache.sh"
source "$here/windows/postgres_tools.sh"
DB_PREFIX=am_wine

wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver)
require_or_skip "[[ -f '$bin' ]]" "no Windows binary at $bin (scripts/build-static.sh windows-x64)"
require_or_skip "[[ -x '$wine' ]]" "no Wine (package wine64, scripts/setup.sh)"
require_or_skip "command -v x86_64-w64-mingw32-gcc >/dev/null" "no mingw-w64 (scripts/setup.sh) for the test helpers"
require_or_skip "command -v npm >/dev/null" "no npm (scripts/setup.sh) for the Windows PostgreSQL tools"
require_or_skip "command -v script >/dev/null" "no script(1) (util-linux) for a console on a terminal"
require_or_skip "[[ -n \${AUTHMIGRATE_TEST_PG_URL:-} && -n \${AUTHMIGRATE_TEST_MYSQL_URL:-} ]]" \
  "no test servers (scripts/test.sh starts them)"

work=$(mktemp -d /tmp/am-wine.XXXXXX)
chmod 711 "$work"  # the PostgreSQL 14 server (run as postgres) reaches its folder in here
# Our own Wine prefix and server: stopped (that prefix's wineserver only) and removed at the end.
# LANG: Wine decodes Unix file names by the locale; without a UTF-8 one, non-ASCII letters are lost.
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
trap 'stop_pg14 "$work/pg14"; "$wineserver" -k 2>/dev/null; rm -rf "$work"' EXIT
"$wine" wineboot -i >/dev/null 2>&1
# The test CA as a trusted root of this prefix's user, where Windows keeps them (the registry's
# SystemCertificates\Root store: a serialized certificate, property 32, under its SHA-1 thumbprint).
trust_in_windows_store() {  # PEM-FILE
  local thumb blob
  thumb=$(openssl x509 -in "$1" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d ':')
  blob=$(openssl x509 -in "$1" -outform DER | python3 -c 'import struct, sys; d = sys.stdin.buffer.read(); print((struct.pack("<III", 32, 1, len(d)) + d).hex())')
  "$wine" reg add "HKCU\\Software\\Microsoft\\SystemCertificates\\Root\\Certificates\\$thumb" /v Blob /t REG_BINARY /d "$blob" /f >/dev/null 2>&1
}
trust_in_windows_store "$AM_TEST_CA_FILE"
secret="wine-test-secret-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"
pg_password=$(url_part "$AUTHMIGRATE_TEST_PG_URL" password)
my_password=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password)

# The app: a folder with spaces and non-ASCII letters, the binary in another folder with a space.
app="$work/my app déjà 日本"
mkdir -p "$app/better-auth_migrations" "$work/Program Files/authmigrate"
cp "$bin" "$work/Program Files/authmigrate/authmigrate.exe"
exe="$work/Program Files/authmigrate/authmigrate.exe"
printf '[better_auth]\nplugins = ["username"]\n' >"$app/authmigrate.toml"
printf 'CREATE TABLE orders (id integer PRIMARY KEY, note text);\n' >"$app/better-auth_migrations/0001_orders.sql"
cp "$AM_TEST_CA_FILE" "$app/ca.crt"

windows_path() { local p=${1//\//\\}; echo "Z:$p"; }

# in_app COMMAND...: run from the app's folder with a clean environment, as a release step on Windows
# would (extra_env: VAR=value... for the next runs).
extra_env=()
in_app() {
  (cd "$app" && env -i PATH=/usr/bin:/bin HOME="$HOME" LANG=C.UTF-8 WINEPREFIX="$WINEPREFIX" WINEDEBUG=-all \
    WINEDLLOVERRIDES="$WINEDLLOVERRIDES" BETTER_AUTH_SECRET=$secret BETTER_AUTH_URL=https://app.example.test \
    "${extra_env[@]}" "$@")
}
# am ARGS...: the exe under Wine; the output is checked for secrets.
am() {
  OUT=$(in_app "$wine" "$exe" "$@" 2>&1 | tr -d '\r')
  RC=${PIPESTATUS[0]}
  no_secret_in "$OUT" "$pg_password" "$my_password" "$secret"
}
deploy() { am deploy --dir better-auth_migrations --config authmigrate.toml "$@"; }

# expect_deployed URL CHECK ARG: deploy, `CHECK ARG` lists the tables, status and verify agree, a
# second deploy is a no-op.
expect_deployed() {
  local url=$1 check=$2 arg=$3 tables
  deploy --url "$url" || return 1
  expect_rc 0 "deploy" && expect_in "$OUT" "1 applied" || return 1
  tables=$("$check" "$arg") || { echo "  could not read the tables back"; return 1; }
  [[ $tables == *user*orders* || $tables == *orders*user* ]] || { echo "  expected tables user and orders, got: $tables"; return 1; }
  am status --url "$url" --dir better-auth_migrations || return 1
  expect_rc 0 "status" && expect_in "$OUT" "0001_orders.sql" || return 1
  am verify --url "$url" --config authmigrate.toml || return 1
  expect_rc 0 "verify" || return 1
  deploy --url "$url" || return 1
  expect_rc 0 "second deploy" && expect_in "$OUT" "0 applied, 1 already applied"
}

test_imports_only_windows_dlls() {
  local dlls
  dlls=$(x86_64-w64-mingw32-objdump -p "$bin" | awk '/DLL Name:/ { print tolower($3) }' | sort | tr '\n' ' ')
  expect_in "$dlls" "kernel32.dll" || return 1
  [[ $dlls != *libwinpthread* && $dlls != *libstdc++* && $dlls != *libgcc* && $dlls != *libssl* ]] ||
    { echo "  imports a DLL Windows does not have: $dlls"; return 1; }
}

test_version() {
  am --version
  expect_rc 0 && expect_in "$OUT" "authmigrate $(sed -n 's/^project(authmigrate VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")"
}

test_sqlite_in_a_folder_with_spaces_and_non_ascii_letters() {
  expect_deployed sqlite:app.db sqlite_tables "$app/app.db"
}

test_sqlite_by_absolute_windows_path() {
  rm -f "$app/abs.db"
  local path
  path=$(windows_path "$app/abs.db")
  deploy --url "sqlite:${path// /%20}"
  expect_rc 0 "deploy by Z:\\ path" && expect_in "$(sqlite_tables "$app/abs.db")" "orders"
}

# deploy_a_broken_file URL BACKUP-DIR VAR=value...: deploy --backup with a second file that fails, in
# an environment with those variables too; the database is restored.
deploy_a_broken_file() {
  local url=$1 backup_dir=$2 rc
  shift 2
  printf 'CREATE TABLE broken (id integer PRIMARY KEY);\nTHIS IS NOT SQL;\n' >"$app/better-auth_migrations/0002_broken.sql"
  extra_env=("$@")
  deploy --url "$url" --backup --backup-dir "$backup_dir"
  rc=$RC
  extra_env=()
  rm -f "$app/better-auth_migrations/0002_broken.sql"
  RC=$rc
  expect_rc 1 "a broken file" && expect_in "$OUT" "restored"
}

test_sqlite_deploy_backup_restores_on_failure() {
  rm -f "$app/backed.db"
  deploy --url sqlite:backed.db || return 1
  expect_rc 0 "first deploy" || return 1
  deploy_a_broken_file sqlite:backed.db "backups ü" || return 1
  [[ $(sqlite_tables "$app/backed.db") != *broken* ]] || { echo "  table broken survived the restore"; return 1; }
  compgen -G "$app/backups ü/*" >/dev/null || { echo "  no backup file in 'backups ü'"; return 1; }
}

test_postgres_tls_verify_full_with_root_cert() {
  local db
  db=$(pg_db) || return 1
  expect_deployed "$(pg_url "$db" '?sslmode=verify-full&sslrootcert=ca.crt')" pg_tables "$db"
}

test_postgres_tls_verify_full_with_the_windows_certificate_store() {
  local db
  db=$(pg_db) || return 1
  expect_deployed "$(pg_url "$db" '?sslmode=verify-full')" pg_tables "$db"
}

test_postgres_tls_with_a_wrong_ca_fails() {
  local db
  db=$(pg_db) || return 1
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj "/CN=someone else" \
    -keyout "$work/other.key" -out "$app/other-ca.crt" 2>/dev/null
  deploy --url "$(pg_url "$db" '?sslmode=verify-full&sslrootcert=other-ca.crt')" --wait-timeout 2
  expect_rc 3 "an unknown CA" && expect_in "$OUT" "certificate" && [[ -z $(pg_tables "$db") ]]
}

# MariaDB's tools are stand-ins (windows/tool_standin.c): npm has no Windows mariadb-dump.exe or
# mariadb.exe. backup_through_standins URL: a deploy --backup whose second file fails; the tools ran as
# child processes, with the password in their environment only, and the restore got the dump back.
backup_through_standins() {
  local url=$1 tools=$work/tools log=$work/standin-$RANDOM.log tool
  mkdir -p "$tools"
  for tool in mariadb-dump mariadb; do
    [[ -f $tools/$tool.exe ]] || x86_64-w64-mingw32-gcc -O1 -o "$tools/$tool.exe" "$here/windows/tool_standin.c" || return 1
  done
  deploy --url "$url" || return 1
  expect_rc 0 "first deploy" || return 1
  deploy_a_broken_file "$url" "backups ü $RANDOM" WINEPATH="$(windows_path "$tools")" AM_STANDIN_LOG="$(windows_path "$log")" || return 1
  SEEN=$(cat "$log")
  [[ $SEEN != *"variable=unset"* && $SEEN != *"password in arguments: yes"* ]] ||
    { echo "  the password did not travel in the environment only:"; echo "$SEEN" | sed 's/^/  | /'; return 1; }
  expect_in "$SEEN" "restored file holds the dump: yes"
}

# The real pg_dump.exe and pg_restore.exe (14.9, against a PostgreSQL 14: windows/postgres_tools.sh),
# found on PATH. The second file fails and the database is restored from the dump: a row written before
# the deploy is back in a table that pg_restore --clean made anew. Wine's process trace shows the
# command lines authmigrate gave the tools; am() finds the password in none of its output.
test_postgres_deploy_backup_with_the_real_pg_dump_and_pg_restore() {
  local tools db url oid backup calls
  tools=$(windows_pg_tools) || return 1
  start_pg14 "$work/pg14" || return 1
  db=${DB_PREFIX}_$RANDOM
  pg14() { psql -X -tA "${PG14_URL%/*}/$db" -c "$1"; }
  psql -X -q "$PG14_URL" -c "CREATE DATABASE $db" || return 1
  url="${PG14_URL%/*}/$db?sslmode=disable"
  deploy --url "$url" || return 1
  expect_rc 0 "first deploy" || return 1
  pg14 "INSERT INTO orders VALUES (7, 'written before the deploy')" >/dev/null || return 1
  oid=$(pg14 "SELECT 'orders'::regclass::oid")
  backup="backups ü $RANDOM"
  deploy_a_broken_file "$url" "$backup" WINEPATH="$(windows_path "$tools")" WINEDEBUG=trace+process || return 1
  calls=$(grep -a 'trace:process:CreateProcessInternalW app (null) cmdline' <<<"$OUT")
  expect_in "$calls" 'cmdline L"pg_dump --format=custom' && expect_in "$calls" 'cmdline L"pg_restore --clean' || return 1
  [[ $(pg14 "SELECT note FROM orders WHERE id = 7") == "written before the deploy" ]] ||
    { echo "  the row written before the deploy is not back"; return 1; }
  [[ $(pg14 "SELECT 'orders'::regclass::oid") != "$oid" ]] || { echo "  pg_restore did not make orders anew"; return 1; }
  [[ $(pg14 "SELECT to_regclass('broken') IS NULL") == t ]] || { echo "  table broken survived"; return 1; }
  expect_in "$("$AM_PG_BIN/pg_restore" --list "$app/$backup"/*.pgdump)" "TABLE public orders"
}

test_mariadb_deploy_backup_restores_through_stdin() {
  local db
  db=$(my_db) || return 1
  backup_through_standins "$(my_url "$db")" || return 1
  expect_in "$SEEN" "mariadb-dump.exe argc=" && expect_in "$SEEN" "mariadb.exe argc=" &&
    expect_in "$SEEN" "arg: --no-defaults" && expect_in "$SEEN" "arg: $db" || return 1
  [[ $(my_tables "$db") != *broken* ]] || { echo "  table broken survived"; return 1; }
}

expect_slow_file_undone() {  # DB: the file was rolled back and its statement no longer runs
  [[ $(pg_tables "$1") != *slow* ]] || { echo "  table slow was not rolled back"; return 1; }
  [[ $(pg_sleeping "$1") == 0 ]] || { echo "  the statement still runs on the server"; return 1; }
}

test_postgres_deadline_mid_file_rolls_back() {
  local db start
  db=$(pg_db) || return 1
  write_slow_migration "$app/slow"
  start=$SECONDS
  am migrate --url "$(pg_url "$db" '?sslmode=disable')" --dir slow --timeout 3
  expect_rc 3 "the deadline" && expect_in "$OUT" "deadline" || return 1
  ((SECONDS - start <= 15)) || { echo "  took $((SECONDS - start)) s for a 3 s deadline"; return 1; }
  expect_slow_file_undone "$db"
}

# After a Ctrl-C mid-file: exit 130 as on Linux, the statement cancelled on the server (57014), the
# file rolled back.
expect_interrupted() {  # DB
  expect_rc 130 "interrupted" && expect_in "$OUT" "[57014]" && expect_in "$OUT" "hint: the running statement was cancelled and rolled back" || return 1
  expect_slow_file_undone "$1"
}

# Ctrl-C as another program sends it: CTRL_C_EVENT to every process on the console, by
# windows/console_ctrl.c (on a console it makes: Wine runs us without one) once the slow statement runs.
# Wine delivers no other event: its server answers CTRL_BREAK_EVENT with STATUS_NOT_IMPLEMENTED.
test_ctrl_c_event_cancels_the_statement_and_rolls_back() {
  local db helper=$work/console_ctrl.exe go=$work/go-$RANDOM pid
  db=$(pg_db) || return 1
  write_slow_migration "$app/slow"
  x86_64-w64-mingw32-gcc -O1 -municode -o "$helper" "$here/windows/console_ctrl.c" || return 1
  in_app "$wine" "$helper" c "$(windows_path "$go")" "$exe" migrate --url "$(pg_url "$db" '?sslmode=disable')" \
    --dir slow --yes >"$work/ctrl-c.out" 2>&1 &
  pid=$!
  wait_until_pg_sleeping "$db"
  touch "$go"
  wait "$pid"
  RC=$?
  OUT=$(tr -d '\r' <"$work/ctrl-c.out")
  no_secret_in "$OUT" "$pg_password" && expect_in "$OUT" "console_ctrl: event sent" && expect_interrupted "$db"
}

# The exe in Wine's console on a pseudo-terminal (script(1)): start_on_a_terminal ARGS... runs it in the
# background, with keys typed by `type_key`; screen_text prints what the console drew so far (a space
# may be a cursor move there); finish_on_a_terminal waits for it: RC and OUT.
start_on_a_terminal() {
  local keys=$work/keys-$RANDOM
  mkfifo "$keys"
  in_app script -qefc "$(printf '%q ' "$wine" "$exe" "$@")" /dev/null <"$keys" >"$work/terminal.out" 2>&1 &
  TERMINAL_PID=$!
  exec 3>"$keys"
  trap '' PIPE  # (in this test's subshell) a key typed after the exit fails, and nothing more
}
type_key() { printf '%s' "$1" >&3 2>/dev/null || true; }
screen_text() { sed 's/\x1b\[1C/ /g; s/\x1b\[[0-9;?]*[A-Za-z]//g' "$work/terminal.out" | tr -d '\r'; }
finish_on_a_terminal() {
  wait "$TERMINAL_PID"
  RC=$?
  exec 3>&-
  OUT=$(screen_text)
  no_secret_in "$OUT" "$pg_password"
}

# Ctrl-C typed on the terminal: Wine's console reads the ^C and sends CTRL_C_EVENT, as a console
# window does on Windows.
test_ctrl_c_typed_in_the_console_cancels_the_statement_and_rolls_back() {
  local db
  db=$(pg_db) || return 1
  write_slow_migration "$app/slow"
  start_on_a_terminal migrate --url "$(pg_url "$db" '?sslmode=disable')" --dir slow --yes
  wait_until_pg_sleeping "$db"
  type_key $'\003'
  finish_on_a_terminal && expect_interrupted "$db"
}

# A second Ctrl-C more than a second after the first ends authmigrate at once, exit 130: here at the
# question before a schema change (a read from the console). Since 2026-12-07 the first Ctrl-C ends the
# question itself when the console ends the read; either way the run is over within seconds.
test_a_second_ctrl_c_ends_authmigrate_at_once() {
  local db i start
  db=$(pg_db) || return 1
  start_on_a_terminal migrate --url "$(pg_url "$db" '?sslmode=disable')" --dir better-auth_migrations
  for ((i = 0; i < 150; i++)); do
    [[ $(screen_text) == *"[y/N]"* ]] && break
    sleep 0.2
  done
  type_key $'\003'
  sleep 1.5
  start=$SECONDS
  type_key $'\003'
  for ((i = 0; i < 50; i++)); do
    kill -0 "$TERMINAL_PID" 2>/dev/null || break
    sleep 0.2
  done
  type_key $'n\r'  # when still asking after 10 s: no, and the test fails
  finish_on_a_terminal
  expect_rc 130 "a second Ctrl-C" && expect_in "$OUT" "Apply these changes to the Better Auth schema? [y/N]" || return 1
  ((SECONDS - start <= 5)) || { echo "  took $((SECONDS - start)) s after the second Ctrl-C"; return 1; }
  [[ $(pg_tables "$db") == "" || $(pg_tables "$db") == authmigrate_migrations ]] || { echo "  tables were made: $(pg_tables "$db")"; return 1; }
}

test_mariadb_ed25519_user_with_tls_verified() {
  local db user="am_wine_$$"
  db=$(my_db) || return 1
  mysql_root -e "INSTALL SONAME 'auth_ed25519'" 2>/dev/null || true
  mysql_root -e "DROP USER IF EXISTS '$user'@'127.0.0.1'; CREATE USER '$user'@'127.0.0.1' IDENTIFIED VIA ed25519 USING PASSWORD('ed-Pass-42') REQUIRE SSL; GRANT ALL ON $db.* TO '$user'@'127.0.0.1'" || return 1
  expect_deployed "mysql://$user:ed-Pass-42@127.0.0.1:$AM_MYSQL_PORT/$db?ssl-mode=VERIFY_IDENTITY&ssl-ca=ca.crt" my_tables "$db"
}

test_mariadb_tls_verified_with_the_windows_certificate_store() {
  local db user="am_wine_store_$$"
  db=$(my_db) || return 1
  mysql_root -e "DROP USER IF EXISTS '$user'@'127.0.0.1'; CREATE USER '$user'@'127.0.0.1' IDENTIFIED BY 'tls-Pass-42' REQUIRE SSL; GRANT ALL ON $db.* TO '$user'@'127.0.0.1'" || return 1
  expect_deployed "mysql://$user:tls-Pass-42@127.0.0.1:$AM_MYSQL_PORT/$db?sslaccept=strict" my_tables "$db"
}

# The .zip (packaging/zip/build.sh), unpacked into a folder with a space: the exe finds its share\
# (GetModuleFileNameW) and then looks for node with CreateProcessW; Wine has no node.exe.
test_zip_unpacked_finds_its_share_folder() {
  local zip listing
  zip=$(bash "$repo/packaging/zip/build.sh" --dist "$(dirname "$(dirname "$bin")")" --out "$work/zip") || return 1
  listing=$(unzip -Z1 "$zip")
  expect_in "$listing" "/bin/authmigrate.exe" && expect_in "$listing" "/share/authmigrate/export-schema.mjs" &&
    expect_in "$listing" "/LICENSES/openssl.LICENSE.txt" || return 1
  mkdir -p "$work/unzipped here" && unzip -q "$zip" -d "$work/unzipped here" || return 1
  exe=$(echo "$work/unzipped here"/authmigrate-*-win32-x64/bin/authmigrate.exe)
  cmp "$exe" "$bin" || return 1
  am schema export
  expect_rc 2 "no node" && expect_in "$OUT" "node is not installed or not on PATH" || return 1
  exe="$work/Program Files/authmigrate/authmigrate.exe"
  am schema export
  expect_rc 2 "no share folder" && expect_in "$OUT" "export-schema.mjs is not installed next to"
}

run_tests
