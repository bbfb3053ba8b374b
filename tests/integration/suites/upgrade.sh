# Upgrade safety on real databases: `verify` and `status` agree with Better Auth's runtime check on
# the 1.7.0-1.7.2 account.issuer shape (NOT NULL + unique index) and on drift made by hand, and
# the named repairs (--dry-run first, then for real; SQLite by the table rebuild) mend it, keep
# every row, and are idempotent.

has_column() {  # table column
  case $DB_KIND in
    sqlite) sql "SELECT count(*) FROM pragma_table_info('$1') WHERE name = '$2'" ;;
    *) sql "SELECT count(*) FROM information_schema.columns WHERE table_name = '$1' AND column_name = '$2' AND table_schema = $( [ "$DB_KIND" = mysql ] && echo 'DATABASE()' || echo "'public'")" ;;
  esac
}

# A database migrated by authmigrate, one user and one account, then given the 1.7.0-1.7.2 shape.
# SQLite cannot add a NOT NULL column without a default, so there the account table is made again
# as Better Auth 1.7.2 created it.
issuer_shape() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL" --yes
  expect_rc 0
  if [ "$DB_KIND" = sqlite ]; then
    sql 'drop table "account"'
    sql 'create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "issuer" text not null, "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" date, "refreshTokenExpiresAt" date, "scope" text, "password" text, "createdAt" date not null, "updatedAt" date not null)'
    sql 'create index "account_userId_idx" on "account" ("userId")'
  fi
  local t=$( [ "$DB_KIND" = postgres ] && echo true || echo 1)
  sql "INSERT INTO $(q user) (id, name, email, $(q emailVerified), $(q createdAt), $(q updatedAt)) VALUES ('u1', 'Ann', 'ann@example.com', $t, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
  if [ "$DB_KIND" != sqlite ]; then
    sql "INSERT INTO $(q account) (id, $(q accountId), $(q providerId), $(q userId), $(q createdAt), $(q updatedAt)) VALUES ('a1', 'x', 'credential', 'u1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    sql "ALTER TABLE $(q account) ADD COLUMN issuer $(text_type) NOT NULL DEFAULT 'https://issuer.example'"
    sql "ALTER TABLE $(q account) ALTER COLUMN issuer DROP DEFAULT"
  else
    sql "INSERT INTO account (id, accountId, providerId, issuer, userId, createdAt, updatedAt) VALUES ('a1', 'x', 'credential', 'https://issuer.example', 'u1', '2026', '2026')"
  fi
  sql "CREATE UNIQUE INDEX $(q account_issuer_accountId_uidx) ON $(q account) (issuer, $(q accountId))"
}

test_status_and_verify_never_call_the_issuer_shape_up_to_date() {
  issuer_shape
  am status --url "$DB_URL" --exit-code
  expect_rc 6
  [[ "$OUT" != *"up to date"* ]] || fail "status said up to date"
  expect_out "will refuse this database"
  am verify --url "$DB_URL"
  expect_rc 6
  expect_out 'Column "issuer" on table "account" is required but Better Auth never writes it'
  expect_err "authmigrate repair --dry-run account-issuer"
  am verify --url "$DB_URL" --log-format json
  expect_rc 6
  expect_out '"code":"unexpected-required-column"'
  expect_out '"verdict":"refuses"'
  am generate --url "$DB_URL"
  expect_rc 0
  expect_err "1 column rejects every insert Better Auth makes. No migration fixes this."
  [[ "$OUT$ERR" != *"already up to date"* ]] || fail "generate said up to date"
}

test_issuer_repair_dry_run_then_for_real_then_again() {
  issuer_shape
  am repair --dry-run account-issuer --url "$DB_URL"
  expect_rc 0
  expect_out "drop the unique index on account.issuer, then the column account.issuer"
  expect_eq "$(has_column account issuer)" 1 "the dry run changed nothing"
  am repair account-issuer --url "$DB_URL"
  expect_rc 0
  expect_out "accepts this database"
  expect_eq "$(has_column account issuer)" 0
  expect_eq "$(sql "SELECT count(*) FROM $(q account)")" 1 "the account row is kept"
  expect_eq "$(sql "SELECT count(*) FROM $(q user)")" 1 "the user row is kept"
  am repair account-issuer --url "$DB_URL"
  expect_rc 0
  expect_out "nothing to do"
  am verify --url "$DB_URL" --strict
  expect_rc 0
  am status --url "$DB_URL" --exit-code
  expect_rc 0
  expect_out "Better Auth schema: up to date"
}

test_keeping_the_issuer_column_makes_it_nullable_and_keeps_its_values() {
  issuer_shape
  am repair account-issuer:keep-column --url "$DB_URL"
  expect_rc 0
  expect_eq "$(has_column account issuer)" 1
  expect_eq "$(sql "SELECT issuer FROM $(q account)")" "https://issuer.example"
  local t=$( [ "$DB_KIND" = sqlite ] && echo "'2026'" || echo "CURRENT_TIMESTAMP")
  sql "INSERT INTO $(q account) (id, $(q accountId), $(q providerId), $(q userId), $(q createdAt), $(q updatedAt)) VALUES ('a2', 'y', 'github', 'u1', $t, $t)"
  expect_eq "$(sql "SELECT count(*) FROM $(q account)")" 2 "an insert without issuer now works"
  am verify --url "$DB_URL"
  expect_rc 0
}

test_deploy_runs_only_the_repairs_it_is_told_to() {
  export BETTER_AUTH_URL=https://app.example.com BETTER_AUTH_SECRET=0123456789abcdef0123456789abcdef
  issuer_shape
  am deploy --url "$DB_URL"
  expect_rc 2
  expect_err "Better Auth cannot write to"
  expect_eq "$(has_column account issuer)" 1 "deploy never guesses a repair"
  printf '[better_auth]\nplugins = []\n\n[deploy]\nrepairs = ["account-issuer"]\n' > authmigrate.toml
  am deploy --url "$DB_URL"
  expect_rc 0
  expect_out "Better Auth accepts the schema"
  expect_eq "$(has_column account issuer)" 0
  am deploy --url "$DB_URL" --repair nullable:account.nope
  expect_rc 2
  expect_err "no column account.nope"
}

test_a_named_column_is_made_nullable_or_given_a_default() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am migrate --url "$DB_URL" --yes
  if [ "$DB_KIND" = sqlite ]; then
    sql 'ALTER TABLE "session" ADD COLUMN "tenant" text'
    am repair nullable:session.tenant --url "$DB_URL"
    expect_rc 0
    expect_out "it already is"
  else
    sql "ALTER TABLE $(q session) ADD COLUMN tenant $(text_type) NOT NULL"
    sql "ALTER TABLE $(q verification) ADD COLUMN region $(text_type) NOT NULL"
    am verify --url "$DB_URL"
    expect_rc 6
    am repair nullable:session.tenant default:verification.region=eu --url "$DB_URL"
    expect_rc 0
    expect_out "accepts this database"
  fi
  am repair nullable:session.token --url "$DB_URL"
  expect_rc 2
  expect_err "Better Auth writes session.token"
  am repair nullable:session.nope --url "$DB_URL"
  expect_rc 2
  am repair drop-everything --url "$DB_URL"
  expect_rc 2
  expect_err "unknown repair"
}

test_verify_changes_nothing_and_reports_drift() {
  printf '[better_auth]\nplugins = []\n' > authmigrate.toml
  am verify --url "$DB_URL"
  expect_rc 6
  expect_out 'Table "user" is missing. Run `npx auth migrate` to add it.'
  case $DB_KIND in
    sqlite) expect_eq "$(sql "SELECT count(*) FROM sqlite_master")" 0 "verify created nothing" ;;
    postgres) expect_eq "$(sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0 "verify created nothing" ;;
    mysql) expect_eq "$(sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()")" 0 "verify created nothing" ;;
  esac
  am migrate --url "$DB_URL" --yes
  am verify --url "$DB_URL" --strict
  expect_rc 0
  expect_out "no drift"
  sql "DROP INDEX $(q verification_identifier_idx)$( [ "$DB_KIND" = mysql ] && echo " ON \`verification\`")"
  am verify --url "$DB_URL"
  expect_rc 0
  expect_out "missing-index"
  am verify --url "$DB_URL" --strict
  expect_rc 7
}

# A database authmigrate itself just made is never drift, whatever the id option: serial foreign keys are
# integers (the catalog says int4 on PostgreSQL), string[] columns are what the generator wrote.
test_strict_verify_accepts_what_migrate_just_made() {
  local id
  for id in serial uuid default; do
    printf '[better_auth]\ngenerate_id = "%s"\nplugins = ["twoFactor", "organization", "apiKey"]\n' "$id" > authmigrate.toml
    local url
    url=$(extra_db "ids_$id")
    am migrate --url "$url" --yes
    expect_rc 0 || return 1
    am verify --url "$url" --strict
    expect_rc 0 && expect_out "(no drift)" || { echo "  (generate_id = $id)"; return 1; }
  done
}
