# Broken and hostile input: each a clear error naming the thing, a documented exit code, nothing
# changed, and never a crash.

expect_no_crash() { [ "$RC" -lt 128 ] || [ "$RC" -eq 130 ] || fail "crashed with exit $RC"; }

test_empty_migration_file_is_applied_as_a_no_op() {
  : > better-auth_migrations/0001_empty.sql
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "applied 0001_empty.sql"
}

test_binary_file_is_a_clear_error() {
  { printf 'CREATE TABLE before_noise (id INT);\n\\]\0'; head -c 4096 /dev/urandom; } > better-auth_migrations/0001_binary.sql
  am migrate --url "$DB_URL"
  expect_no_crash
  expect_rc 2
  expect_err "0001_binary.sql is not SQL text: line 2 holds a NUL byte"
  expect_eq "$(table_exists before_noise)" 0 "nothing of a binary file runs"
}

test_non_utf8_text_is_reported_not_crashed_on() {
  printf 'CREATE TABLE latin (v VARCHAR(20));\nINSERT INTO latin (v) VALUES (\x27caf\xe9\x27);\n' > better-auth_migrations/0001_latin1.sql
  am migrate --url "$DB_URL"
  expect_no_crash
  if [ "$RC" -ne 0 ]; then
    expect_rc 1
    expect_err "0001_latin1.sql"
  fi
}

test_fifo_in_the_folder_is_refused_instead_of_hanging() {
  mkfifo better-auth_migrations/0001_pipe.sql
  am migrate --url "$DB_URL" --timeout 20
  expect_rc 2
  expect_err "0001_pipe.sql: is not a regular file"
}

test_migration_folder_that_is_a_file_is_an_error() {
  echo x > notadir
  am migrate --url "$DB_URL" --dir notadir
  expect_rc 2
  expect_err "notadir is not a folder"
}

test_very_large_file_is_handled() {
  [ "$DB_KIND" = sqlite ] || not_on_this_database "SQLite only"
  python3 - <<'PY'
with open("better-auth_migrations/0001_big.sql", "w") as f:
    f.write("CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT);\n")
    row = "INSERT INTO big (v) VALUES ('" + "x" * 1000 + "');\n"
    for _ in range(100_000):  # ~100 MB
        f.write(row)
PY
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(sql "SELECT count(*) FROM big")" 100000
}

test_identifiers_that_need_quoting_are_quoted() {
  cat > authmigrate.toml <<'TOML'
[better_auth]
plugins = []

[better_auth.user]
model_name = "app user's \"table\""

[better_auth.user.additional_fields.nickname]
type = "string"
required = false
field_name = "nick name ü"
TOML
  am migrate --url "$DB_URL"
  expect_rc 0
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_out "Better Auth schema is up to date"
}

# A command that fails before it needs the database reports its own error, whatever the server does:
# here one that accepts and never answers. (Logging in on a thread while the files and the schema are
# read was tried for issue 19 and measured no faster on two cores: the server's backend needs one too.)
test_a_file_error_is_reported_while_the_login_hangs() {
  [ "$DB_KIND" != sqlite ] || not_on_this_database "a SQLite file opens when it is needed"
  python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
print(s.getsockname()[1], flush=True)
held = []
while True:
    c, _ = s.accept(); held.append(c)
' >"$WORK/port" &
  local listener=$!
  local tries=0
  while [ ! -s "$WORK/port" ] && [ $tries -lt 100 ]; do sleep 0.05; tries=$((tries + 1)); done
  local scheme=postgres && [ "$DB_KIND" = mysql ] && scheme=mysql
  migration 12-bad.sql "SELECT 1;"
  am migrate --url "$scheme://u:p@127.0.0.1:$(cat "$WORK/port")/db" --timeout 3
  kill "$listener" 2>/dev/null || true
  wait "$listener" 2>/dev/null || true
  expect_rc 2
  expect_err "12-bad.sql: the name does not start with a version"
}
