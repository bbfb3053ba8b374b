# real_sql: SQL that nobody here wrote for authmigrate — dumps made by each database's own dump tool
# (pg_dump, mariadb-dump --routines --triggers --events, sqlite3 .dump) of a database the test builds,
# pgTAP's install script and MariaDB's sys schema (both from Debian's packages) — applied once with the
# database's own client and once with `authmigrate migrate`. The two databases must come out the same:
# the schema, the routines, and the rows.

# native URL FILE: applies FILE the way the database's own client does, in one go, stopping on error.
native() {
  case $DB_KIND in
    postgres) psql -X -q -v ON_ERROR_STOP=1 -1 -f "$2" "$1" >/dev/null ;;
    mysql) mysql_admin --comments "$(url_part "$1" path)" <"$2" ;;  # routine bodies keep their comments, as ours do
    sqlite) sqlite3 -bail "${1#sqlite:}" <"$2" ;;
  esac
}

# sql_on URL STATEMENT: runs one statement with the native client.
sql_on() {
  case $DB_KIND in
    postgres) psql -X -q -tA -v ON_ERROR_STOP=1 -c "$2" "$1" ;;
    mysql) mysql_admin "$(url_part "$1" path)" -e "$2" ;;
    sqlite) sqlite3 -bail "${1#sqlite:}" "$2" ;;
  esac
}

# dump URL schema|data: what the database holds, by its own dump tool, without the history table and
# without what differs between any two dumps (pg_dump's \restrict key, dates).
dump() {
  case $DB_KIND in
    postgres)
      local what=--schema-only
      [ "$2" = data ] && what=--data-only
      pg_dump --no-comments "$what" -T authmigrate_migrations "$1" | grep -v '^\\\(un\)\{0,1\}restrict ' ;;
    mysql)
      local db what=(--no-data --routines --triggers --events)
      db=$(url_part "$1" path)
      [ "$2" = data ] && what=(--no-create-info --skip-triggers --skip-extended-insert --order-by-primary)
      MYSQL_PWD=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password) mariadb-dump --no-defaults \
        -h "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" host)" -P "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" port)" \
        -u "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" user)" --skip-dump-date --skip-comments \
        --ignore-table="$db.authmigrate_migrations" "${what[@]}" "$db" |
        sed -e 's/ AUTO_INCREMENT=[0-9]*//' -e "s/\`$db\`\./\`DB\`./g" ;;  # views name their database
    sqlite)
      if [ "$2" = schema ]; then
        sqlite3 "${1#sqlite:}" "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT LIKE 'authmigrate%' ORDER BY type, name"
      else
        sqlite3 "${1#sqlite:}" .dump | grep -v 'authmigrate_migrations' | grep '^INSERT'
      fi ;;
  esac
}

# same_as_native FILE: FILE applied natively into a fresh database and by authmigrate into DB_URL.
same_as_native() {
  local file=$1 native_url
  native_url=$(extra_db native)
  native "$native_url" "$file" || fail "the native client could not apply $file"
  cp "$file" better-auth_migrations/0001_dump.sql
  am migrate --url "$DB_URL" --tx-mode "${TX_MODE:-file}"
  expect_rc 0
  expect_out "applied 0001_dump.sql"
  dump "$native_url" schema >native.schema
  dump "$DB_URL" schema >am.schema
  [ -s native.schema ] || fail "empty native schema dump"
  diff -u native.schema am.schema >schema.diff || fail "schemas differ: $(head -40 schema.diff)"
  dump "$native_url" data >native.data
  dump "$DB_URL" data >am.data
  diff -u native.data am.data >data.diff || fail "rows differ: $(head -40 data.diff)"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE state = 'applied'")" 1
}

# A source database with what real schemas hold, built with the native client, then dumped by the
# database's own dump tool.
build_source_and_dump() {
  local src
  src=$(extra_db src)
  case $DB_KIND in
    postgres) cat >build.sql <<'SQL'
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE app.person (id serial PRIMARY KEY, name text NOT NULL, mood app.mood, bio text, born date, data jsonb);
CREATE TABLE public.note (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id int REFERENCES app.person (id) ON DELETE CASCADE, body text, tags text[]);
CREATE INDEX note_person ON public.note (person_id);
CREATE VIEW app.person_notes AS
  SELECT p.name, count(n.*) AS notes FROM app.person p LEFT JOIN public.note n ON n.person_id = p.id GROUP BY p.name;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := coalesce(NEW.body, ''); RETURN NEW; END $$;
CREATE TRIGGER note_touch BEFORE INSERT ON public.note FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE FUNCTION app.add(a int, b int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a + b; SELECT CASE WHEN a > b THEN a ELSE b END; END;
INSERT INTO app.person (name, mood, bio, born, data) VALUES
  ('Ann', 'happy', E'line1\nline2\ttab \\ back', '1990-01-02', '{"a": [1, 2]}'), ('Bo', NULL, NULL, NULL, NULL),
  (E'Zo\u00eb ;', 'sad', 'it''s; \.', NULL, '{}');
INSERT INTO public.note (person_id, body, tags) SELECT 1 + i % 3, 'note ' || i, ARRAY['a', 'b;c'] FROM generate_series(1, 500) i;
SQL
      native "$src" build.sql
      pg_dump "$src" >dump.sql ;;
    mysql) cat >build.sql <<'SQL'
CREATE TABLE person (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, bio TEXT, born DATE,
  score DECIMAL(6,2) DEFAULT 0, KEY person_name (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE note (id INT AUTO_INCREMENT PRIMARY KEY, person_id INT NOT NULL, body VARCHAR(255),
  CONSTRAINT note_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE) ENGINE=InnoDB;
CREATE VIEW person_notes AS SELECT p.name, COUNT(n.id) AS notes FROM person p LEFT JOIN note n ON n.person_id = p.id GROUP BY p.name;
DELIMITER //
CREATE TRIGGER note_fill BEFORE INSERT ON note FOR EACH ROW BEGIN
  IF NEW.body IS NULL THEN SET NEW.body = 'empty; really'; END IF;
END//
CREATE FUNCTION add_up(a INT, b INT) RETURNS INT DETERMINISTIC BEGIN
  DECLARE s INT DEFAULT 0;
  SET s = a + b;
  RETURN CASE WHEN s > 100 THEN 100 ELSE s END;
END//
CREATE PROCEDURE bump(IN pid INT) BEGIN
  UPDATE person SET score = score + 1 WHERE id = pid;
  SELECT score FROM person WHERE id = pid;
END//
CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO BEGIN
  DELETE FROM note WHERE body = 'x';
END//
DELIMITER ;
INSERT INTO person (name, bio, born) VALUES ('Ann', 'line1\nline2\ttab \\ back', '1990-01-02'), ('Bo', NULL, NULL),
  ('Zoë ;', 'it''s; DELIMITER', NULL);
INSERT INTO note (person_id, body) VALUES (1, 'a'), (2, NULL), (3, 'c;d');
SQL
      native "$src" build.sql
      MYSQL_PWD=$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" password) mariadb-dump --no-defaults \
        -h "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" host)" -P "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" port)" \
        -u "$(url_part "$AUTHMIGRATE_TEST_MYSQL_URL" user)" --routines --triggers --events "$(url_part "$src" path)" >dump.sql ;;
    sqlite) cat >build.sql <<'SQL'
PRAGMA foreign_keys = ON;
CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, bio TEXT, photo BLOB);
CREATE TABLE [note;s] ("id" INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person (id) ON DELETE CASCADE, `body` TEXT);
CREATE INDEX note_person ON [note;s] (person_id);
CREATE VIEW person_notes AS SELECT p.name, count(n.id) AS notes FROM person p LEFT JOIN [note;s] n ON n.person_id = p.id GROUP BY p.name;
CREATE TRIGGER note_fill AFTER INSERT ON [note;s] WHEN NEW.body IS NULL BEGIN
  UPDATE [note;s] SET body = CASE WHEN NEW.person_id > 1 THEN 'late; note' ELSE 'early' END WHERE id = NEW.id;
END;
INSERT INTO person (name, bio, photo) VALUES ('Ann', 'line1
line2', x'00ff10'), ('Zoë ;', 'it''s; COMMIT;', NULL);
INSERT INTO [note;s] (person_id, body) VALUES (1, 'a'), (2, NULL);
SQL
      native "$src" build.sql
      sqlite3 "${src#sqlite:}" .dump >dump.sql ;;
  esac
}

test_a_dump_applies_as_the_native_client_applies_it() {
  build_source_and_dump
  same_as_native dump.sql
  case $DB_KIND in
    postgres)
      grep -q '^COPY ' dump.sql || fail "pg_dump wrote no COPY"
      expect_eq "$(sql "SELECT count(*) FROM public.note")" 500
      expect_eq "$(sql "SELECT app.add(2, 3)")" 3
      expect_eq "$(sql "SELECT bio FROM app.person WHERE name = 'Ann'")" "$(printf 'line1\nline2\ttab \\ back')" ;;
    mysql)
      grep -q '^DELIMITER ;;' dump.sql || fail "mariadb-dump wrote no DELIMITER"
      expect_eq "$(sql "SELECT add_up(2, 3)")" 5
      sql "INSERT INTO note (person_id) VALUES (1)"
      expect_eq "$(sql "SELECT body FROM note ORDER BY id DESC LIMIT 1")" "empty; really"
      expect_eq "$(sql "SELECT count(*) FROM information_schema.routines WHERE routine_schema = DATABASE()")" 2 ;;
    sqlite)
      grep -q '^BEGIN TRANSACTION;' dump.sql || fail "sqlite3 .dump wrote no BEGIN TRANSACTION"
      sql "INSERT INTO [note;s] (person_id) VALUES (2)"
      expect_eq "$(sql "SELECT body FROM [note;s] ORDER BY id DESC LIMIT 1")" "late; note" ;;
  esac
}

test_a_dump_applies_in_deploys_one_transaction() {
  build_source_and_dump
  TX_MODE=all same_as_native dump.sql
}

# pgTAP 1.2.0's install script (Debian's postgresql-15-pgtap): 11,000 lines of functions.
test_pgtap_install_script() {
  [ "$DB_KIND" = postgres ] || not_on_this_database "PostgreSQL only"
  local script=/usr/share/postgresql/15/extension/pgtap--1.2.0.sql
  [ -f "$script" ] || skip_test "postgresql-15-pgtap is not installed (no $script)"
  same_as_native "$script"
  expect_eq "$(sql "SELECT count(*) > 900 FROM pg_proc WHERE pronamespace = 'public'::regnamespace")" t
  expect_eq "$(sql "SELECT pgtap_version()")" 1.2
}

# MariaDB's own sys schema (mariadb-server's mysql_sys_schema.sql): 13,000 lines, DELIMITER $$,
# routines, views and triggers. As shipped it creates and switches to its database: refused, with the
# lines; without those two lines it applies as the client applies it.
test_mariadb_sys_schema() {
  [ "$DB_KIND" = mysql ] || not_on_this_database "MySQL/MariaDB only"
  local script=/usr/share/mysql/mysql_sys_schema.sql
  [ -f "$script" ] || fail "no $script"
  cp "$script" better-auth_migrations/0001_dump.sql
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "line $(grep -n -m1 '^CREATE DATABASE' "$script" | cut -d: -f1): CREATE DATABASE"
  expect_err "line $(grep -n -m1 '^USE ' "$script" | cut -d: -f1): USE switches"
  expect_eq "$(sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()")" 1 \
    "nothing but the history table"
  rm better-auth_migrations/0001_dump.sql
  grep -v -i -e '^CREATE DATABASE' -e '^USE ' "$script" >sys.sql  # it ends with `use mysql;` too
  same_as_native sys.sql
  [ "$(sql "SELECT count(*) FROM information_schema.routines WHERE routine_schema = DATABASE()")" -gt 40 ] ||
    fail "the sys routines are missing"
}

test_a_file_that_sets_search_path_keeps_the_history_where_it_was() {
  [ "$DB_KIND" = postgres ] || not_on_this_database "PostgreSQL only"
  migration 0001_app.sql "CREATE SCHEMA app; SET search_path = app; CREATE TABLE t (a int);"
  migration 0002_next.sql "CREATE TABLE u (a int);"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(sql "SELECT to_regclass('app.t') IS NOT NULL AND to_regclass('public.u') IS NOT NULL")" t
  expect_eq "$(sql "SELECT count(*) FROM public.authmigrate_migrations")" 2
  am status --url "$DB_URL" --exit-code
  expect_rc 0
}

test_copy_errors_name_the_row_and_apply_nothing() {
  [ "$DB_KIND" = postgres ] || not_on_this_database "PostgreSQL only"
  migration 0001_copy.sql "CREATE TABLE t (a int, b text);
COPY t (a, b) FROM stdin;
1	one
two	2
\\.
"
  am migrate --url "$DB_URL"
  expect_rc 1
  expect_err "invalid input syntax for type integer"
  expect_err "0001_copy.sql:2 (statement 2 of 2)"
  expect_eq "$(sql "SELECT to_regclass('public.t') IS NULL")" t
  am migrate --url "$DB_URL" --dry-run
  expect_rc 0
}

test_client_commands_are_refused_before_anything_runs() {
  case $DB_KIND in
    postgres) migration 0001_a.sql "CREATE TABLE a (x int);"
              migration 0002_b.sql "CREATE TABLE b (x int);
\\connect other
\\i more.sql
" ;;
    mysql) migration 0001_a.sql "CREATE TABLE a (x int);"
           migration 0002_b.sql "CREATE TABLE b (x int);
USE other;
" ;;
    sqlite) migration 0001_a.sql "CREATE TABLE a (x int);"
            migration 0002_b.sql "CREATE TABLE b (x int);
.read more.sql
" ;;
  esac
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "0002_b.sql cannot run as written"
  expect_err "line 2:"
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations")" 0
}

test_transaction_control_in_the_middle_is_refused_and_a_wrapping_one_taken_over() {
  [ "$DB_KIND" = mysql ] && return 0
  migration 0001_a.sql "CREATE TABLE a (x int);
COMMIT;
CREATE TABLE b (x int);"
  am migrate --url "$DB_URL"
  expect_rc 2
  expect_err "line 2: \`COMMIT\` controls the transaction"
  expect_err "authmigrate:no-transaction"
  migration 0001_a.sql "BEGIN TRANSACTION;
CREATE TABLE a (x int);
INSERT INTO a VALUES (1);
COMMIT;"
  migration 0002_b.sql "BEGIN;
INSERT INTO a VALUES (2);
INSERT INTO a VALUES ('not a number at all');
COMMIT;"
  am migrate --url "$DB_URL"
  if [ "$DB_KIND" = postgres ]; then
    expect_rc 1
    expect_eq "$(sql "SELECT count(*) FROM a")" 1 "0002 rolled back whole"
  else
    expect_rc 0  # SQLite stores the text: no error, both rows
  fi
  expect_eq "$(sql "SELECT count(*) FROM authmigrate_migrations WHERE version = '0001'")" 1
}

test_mysql_trigger_and_procedure_bodies_without_delimiter() {
  [ "$DB_KIND" = mysql ] || not_on_this_database "MySQL/MariaDB only"
  migration 0001_t.sql "CREATE TABLE t (a int);
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = NEW.a + 1; END;
CREATE PROCEDURE p() BEGIN INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END;
CALL p();"
  am migrate --url "$DB_URL"
  expect_rc 0
  expect_eq "$(sql "SELECT group_concat(a ORDER BY a) FROM t")" "2,3"
}
