# The real Better Auth runtime (better-auth 1.7.25, pinned in tests/verify/package-lock.json) judges
# `authmigrate verify`: for each drifted database of the corpus, its runtime schema check
# (ctx.checkSchema, tests/verify/judge.mjs) and `authmigrate verify --log-format json` must give the
# same verdict, the same findings (kind, table, column) and the same "Database schema mismatch" text.
# Then the 1.7.0-1.7.2 issuer shape: the real sign-up fails, `repair account-issuer` runs (on SQLite
# by the table rebuild), and the real sign-up succeeds. No npm: skipped, and fails with CI=true.

JUDGE_DIR=$AM_SOURCE_DIR/tests/verify

JUDGE_INSTALL_FAILED=""
suite_supports() {
  local log=${TMPDIR:-/tmp}/authmigrate-judge-install.$$.log lock=${TMPDIR:-/tmp}/authmigrate-judge-install.lock
  if command -v npm >/dev/null 2>&1 && flock "$lock" bash "$JUDGE_DIR/install.sh" >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  cat "$log" 2>/dev/null; rm -f "$log"
  if [ "${CI:-}" = "true" ]; then JUDGE_INSTALL_FAILED=1; return 0; fi
  echo "skip: the real Better Auth could not be installed (tests/verify/install.sh)"
  return 1
}

export PATH="$JUDGE_DIR/node_modules/.bin:$PATH" BETTER_AUTH_TELEMETRY=0 NODE_NO_WARNINGS=1

node_db_url() { [ "$DB_KIND" = sqlite ] && echo "$WORK/test.db" || echo "$DB_URL"; }

judge() {  # check|signup config
  AM_DIALECT=$DB_KIND AM_DB_URL=$(node_db_url) node "$JUDGE_DIR/judge.mjs" "$1" "$JUDGE_DIR/configs/$2.mjs"
}

# Both verdicts as lines: the verdict, each finding "kind table column" sorted, then the message.
judge_lines() {
  node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    console.log(r.verdict); for (const f of r.findings.map((f) => `${f.kind} ${f.table} ${f.column}`.trim()).sort()) console.log(f);
    console.log(r.message ?? "")'
}
authmigrate_lines() {
  node -e 'const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const verdict = lines.find((l) => l.event === "verify.verdict") ?? {};
    const refusing = lines.filter((l) => l.event === "verify.finding" && l.severity === "refuses");
    console.log(verdict.verdict); for (const f of refusing.map((f) => `${f.code} ${f.table} ${f.column ?? ""}`.trim()).sort()) console.log(f);
    console.log(verdict.better_auth_message ?? "")'
}

# authmigrate's schema for a config: the export in $WORK when the test made one, else its TOML twin.
schema_args() {  # config
  if [ -f "$WORK/$1.json" ]; then echo "--schema $WORK/$1.json"; else echo "--config $JUDGE_DIR/configs/$1.toml"; fi
}

# The corpus entry is judged by both; `expected` is the verdict both must reach.
same_verdict() {  # config expected
  [ -z "$JUDGE_INSTALL_FAILED" ] || fail "tests/verify/install.sh failed: the real Better Auth is not installed" || return 1
  local theirs ours
  theirs=$(judge check "$1") || fail "the judge failed: $theirs" || return 1
  am verify --url "$DB_URL" $(schema_args "$1") --log-format json
  [ "$RC" -eq 0 ] || [ "$RC" -eq 6 ] || fail "verify could not check (exit $RC)" || return 1
  ours=$(authmigrate_lines <<<"$OUT")
  theirs=$(judge_lines <<<"$theirs")
  expect_eq "$ours" "$theirs" "authmigrate verify vs Better Auth's runtime check" || return 1
  expect_eq "$(head -1 <<<"$theirs")" "$2" "the verdict"
}

migrated() {  # config
  am migrate --url "$DB_URL" $(schema_args "$1") --yes
  expect_rc 0
}


# A NOT NULL column without a default, added to a table that has rows or not (SQLite: the table is
# made again with it, as an older tool would have left it).
add_required_column() {  # table column
  if [ "$DB_KIND" = sqlite ]; then
    sql "ALTER TABLE \"$1\" RENAME TO \"old_$1\""
    local cols
    cols=$(sql "SELECT group_concat('\"' || name || '\" ' || type || CASE WHEN \"notnull\" THEN ' not null' ELSE '' END || CASE WHEN pk THEN ' primary key' ELSE '' END, ', ') FROM pragma_table_info('old_$1')")
    sql "CREATE TABLE \"$1\" ($cols, \"$2\" text not null)"
    sql "DROP TABLE \"old_$1\""
  else
    sql "ALTER TABLE $(q "$1") ADD COLUMN $(q "$2") $(text_type) NOT NULL DEFAULT 'x'"
    sql "ALTER TABLE $(q "$1") ALTER COLUMN $(q "$2") DROP DEFAULT"
  fi
}

drop_column() { sql "ALTER TABLE $(q "$1") DROP COLUMN $(q "$2")"; }
drop_table() { sql "DROP TABLE $(q "$1")"; }

test_a_fresh_database_is_accepted_by_both() {
  migrated core
  same_verdict core accepts
}

test_an_empty_database_misses_every_table() {
  same_verdict core refuses
}

test_a_missing_column() {
  migrated core
  drop_column user image
  same_verdict core refuses
}

test_a_missing_table() {
  migrated core
  drop_table verification
  same_verdict core refuses
}

test_a_required_column_better_auth_never_writes() {
  migrated core
  add_required_column verification legacy
  same_verdict core refuses
}

test_drift_alone_is_accepted_by_both() {
  migrated core
  sql "DROP INDEX $(q session_userId_idx)$( [ "$DB_KIND" = mysql ] && echo " ON $(q session)")" 2>/dev/null || true
  same_verdict core accepts
}

test_several_findings_with_plugins() {
  migrated plugins
  drop_table twoFactor
  drop_column user displayUsername
  add_required_column session legacyDevice
  drop_column verification value
  same_verdict plugins refuses
}

test_plugin_tables_missing_after_adding_plugins() {
  migrated core
  same_verdict plugins refuses
}

test_renamed_models_and_fields() {
  migrated renamed
  same_verdict renamed accepts || return 1
  drop_column users created_at
  add_required_column sessions legacy
  same_verdict renamed refuses
}

# The issuer shape of better-auth 1.7.0-1.7.2: Better Auth refuses it and a real sign-up fails;
# after `repair account-issuer` both accept it and the sign-up goes through.
test_issuer_shape_repaired_then_a_real_sign_up_works() {
  [ -z "$JUDGE_INSTALL_FAILED" ] || fail "tests/verify/install.sh failed" || return 1
  migrated core
  add_required_column account issuer
  sql "CREATE UNIQUE INDEX $(q account_issuer_accountId_uidx) ON $(q account) ($(q issuer)$( [ "$DB_KIND" = mysql ] && echo '(191)'), $(q accountId)$( [ "$DB_KIND" = mysql ] && echo '(191)'))"
  same_verdict core refuses || return 1
  [[ "$(judge signup core)" == *'"signup":"failed"'* ]] || fail "a sign-up on the issuer shape must fail" || return 1
  am repair --url "$DB_URL" --config "$JUDGE_DIR/configs/core.toml" --dry-run account-issuer
  expect_rc 0
  am repair --url "$DB_URL" --config "$JUDGE_DIR/configs/core.toml" account-issuer
  expect_rc 0
  same_verdict core accepts || return 1
  local signed
  signed=$(judge signup core)
  [[ "$signed" == *'"signup":"ok"'* ]] || fail "the real sign-up after the repair: $signed"
}

# database.schemaName (PostgreSQL): Better Auth looks for its tables in that schema only.
test_schema_name_judged_in_its_schema() {
  [ "$DB_KIND" = postgres ] || { echo "  (PostgreSQL only: Better Auth refuses schemaName elsewhere)"; return 0; }
  migrated core  # the same tables in public do not count
  same_verdict schema-name refuses || return 1
  migrated schema-name
  same_verdict schema-name accepts || return 1
  [ "$(judge signup schema-name)" = '{"signup":"ok"}' ] || fail "a real sign-up into schema auth failed" || return 1
  sql 'ALTER TABLE auth."user" DROP COLUMN image'
  same_verdict schema-name refuses
}

# A plugin table with disableMigration (the app manages it): migrate does not create it, and neither Better
# Auth's check nor verify asks for it; the rest of the schema is still judged. The schema is the export of
# the config (the TOML catalogue has no such table).
test_a_table_with_disable_migration_is_skipped_by_both() {
  PATH="$JUDGE_DIR/node_modules/.bin:$PATH" am schema export --auth-config "$JUDGE_DIR/configs/disabled.auth.mjs" \
    --output "$WORK/disabled.json"
  expect_rc 0 && grep -q '"disableMigrations": true' "$WORK/disabled.json" || fail "the export lacks the table" || return 1
  migrated disabled
  [ "$(table_exists auditLog)" = 0 ] || fail "migrate created a table marked disableMigration" || return 1
  same_verdict disabled accepts || return 1
  drop_column session userAgent
  same_verdict disabled refuses
}
