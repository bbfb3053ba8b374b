# Every Better Auth release authmigrate knows, judged by that release itself: for each sampled release R
# (one per minor from 1.3 on, and the newest), installed as an app of its day would have it
# (tests/conformance/releases/install.sh: R's own CLI, better-auth R and the plugin packages beside it):
#   - R's CLI migrates a fresh database with every plugin of R and every schema-shaping option on;
#     `authmigrate migrate` does the same from authmigrate.toml (version = R) and from `schema export` of
#     the same config: the three introspections must be identical;
#   - `verify --better-auth-version R` accepts the database R's CLI made;
#   - the upgrade to the newest release: the real newest Better Auth's runtime check and
#     `verify --better-auth-version <newest>` give the same verdict and findings on that database; after
#     `deploy --better-auth-version <newest>` (with the repair verify names) the real newest release
#     accepts it and signs a user up.
# AM_CONFORMANCE_RELEASES narrows or widens the list (scripts/conformance-all-releases.sh runs every one;
# the newest in the list is the upgrade target).
# No npm: skipped, and fails with CI=true.

REL_HARNESS=$AM_SOURCE_DIR/tests/conformance/releases
REL_RELEASES=${AM_CONFORMANCE_RELEASES:-"1.3.34 1.4.22 1.5.6 1.6.22 1.7.2 1.7.29"}
REL_NEWEST=${REL_RELEASES##* }
REL_CACHE=${AM_CONFORMANCE_CACHE:-$HOME/.cache/authmigrate/releases}
export BETTER_AUTH_URL=http://localhost:3000 BETTER_AUTH_TELEMETRY=0 NODE_NO_WARNINGS=1 NO_COLOR=1
export BETTER_AUTH_SECRET=releases-suite-secret-0123456789abcdef0123456789

REL_INSTALL_FAILED=""
suite_supports() {
  local r log=${TMPDIR:-/tmp}/authmigrate-releases-install.$$.log lock=${TMPDIR:-/tmp}/authmigrate-releases-install.lock
  for r in $REL_RELEASES; do
    if ! { command -v npm >/dev/null 2>&1 && flock "$lock" bash "$REL_HARNESS/install.sh" "$r" >"$log" 2>&1; }; then
      cat "$log" 2>/dev/null; rm -f "$log"
      if [ "${CI:-}" = "true" ]; then REL_INSTALL_FAILED=1; return 0; fi
      echo "skip: better-auth $r and its CLI could not be installed (tests/conformance/releases/install.sh)"
      return 1
    fi
  done
  rm -f "$log"
  return 0
}

rel_dir() { echo "$REL_CACHE/$1"; }

# better-auth 1.3.6 to 1.3.34 declare organization's team and organizationRole tables before
# organization itself: their own CLI cannot create them on a database that checks foreign keys as it
# creates tables (and neither can authmigrate, which keeps the order). Those options stay off there.
options_off() {  # R
  case $1 in 1.3.*) [ "$DB_KIND" = sqlite ] || echo "teams,dynamic_access_control" ;; esac
}
node_path() { case $1 in sqlite:*) echo "${1#sqlite:}" ;; *) echo "$1" ;; esac; }

# in_release R URL CMD...: CMD in R's folder with Node 22 first and the database for the harness
in_release() {
  local dir; dir=$(rel_dir "$1")
  (cd "$dir" && PATH="$dir/node_modules/.bin:$PATH" AM_DIALECT=$DB_KIND AM_DB_URL=$(node_path "$2") \
    AM_OPTIONS_OFF=${AM_OPTIONS_OFF:-$(options_off "$1")} "${@:3}")
}

cli_entry() {  # R -> the CLI's entry file
  local dir; dir=$(rel_dir "$1")
  if [ -f "$dir/node_modules/auth/dist/index.mjs" ]; then echo "$dir/node_modules/auth/dist/index.mjs"
  else echo "$dir/node_modules/@better-auth/cli/dist/index.mjs"; fi
}

cli_migrate() {  # R URL
  in_release "$1" "$2" node "$(cli_entry "$1")" migrate --config auth.mjs --yes </dev/null >"$WORK/cli-$1.log" 2>&1 ||
    { sed 's/^/    /' "$WORK/cli-$1.log" | tail -20; fail "the CLI of better-auth $1 failed to migrate"; }
}

introspect() { in_release "$REL_NEWEST" "$1" node introspect.mjs "$DB_KIND" "$(node_path "$1")"; }

same_schema() {  # what URL-A URL-B
  introspect "$2" >"$WORK/a.json"
  introspect "$3" >"$WORK/b.json"
  diff -u "$WORK/a.json" "$WORK/b.json" >"$WORK/diff.txt" || { head -60 "$WORK/diff.txt"; fail "$1"; }
}

# Verdict lines as judge.sh compares them: the verdict, each refusing finding "kind table column" sorted.
judge_lines() {
  node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    console.log(r.verdict); for (const f of r.findings.map((f) => `${f.kind} ${f.table} ${f.column}`.trim()).sort()) console.log(f);'
}
authmigrate_lines() {
  node -e 'const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const verdict = lines.find((l) => l.event === "verify.verdict") ?? {};
    const refusing = lines.filter((l) => l.event === "verify.finding" && l.severity === "refuses");
    console.log(verdict.verdict); for (const f of refusing.map((f) => `${f.code} ${f.table} ${f.column ?? ""}`.trim()).sort()) console.log(f);'
}

release_case() {
  local r=$1
  [ -z "$REL_INSTALL_FAILED" ] || fail "the releases could not be installed (CI=true)"
  in_release "$r" "$DB_URL" node auth.mjs --toml >"$WORK/authmigrate.toml"
  grep -q "version = \"$r\"" "$WORK/authmigrate.toml" || fail "the harness did not load better-auth $r"
  echo "  better-auth $r: $(in_release "$r" "$DB_URL" node auth.mjs --names)"
  local cli_db=$DB_URL toml_db json_db
  toml_db=$(extra_db toml) json_db=$(extra_db json)

  cli_migrate "$r" "$cli_db"
  # authmigrate runs in the app's folder, as users run it: the plugin packages it installed count.
  cd "$(rel_dir "$r")"
  am migrate --config "$WORK/authmigrate.toml" --url "$toml_db" --yes
  cd "$WORK"
  expect_rc 0
  same_schema "better-auth $r: authmigrate.toml differs from the CLI's database" "$cli_db" "$toml_db"

  (cd "$(rel_dir "$r")" && PATH="$(rel_dir "$r")/node_modules/.bin:$PATH" AM_DIALECT=sqlite \
    AM_OPTIONS_OFF=$(options_off "$r") AM_DB_URL=$WORK/export-scratch.db "$AM_BIN" schema export --auth-config auth.mjs --output "$WORK/schema.json" \
    >"$WORK/export.out" 2>"$WORK/export.err") || { cat "$WORK/export.err"; fail "schema export failed on better-auth $r"; }
  am migrate --schema "$WORK/schema.json" --url "$json_db" --yes
  expect_rc 0
  same_schema "better-auth $r: schema export differs from the CLI's database" "$cli_db" "$json_db"

  cd "$(rel_dir "$r")"
  am verify --config "$WORK/authmigrate.toml" --url "$cli_db" --better-auth-version "$r" --strict
  cd "$WORK"
  expect_rc 0
}

upgrade_case() {  # R: R's CLI made the database; the newest release must find its schema after a deploy
  local r=$1 names
  [ -z "$REL_INSTALL_FAILED" ] || fail "the releases could not be installed (CI=true)"
  names=$(in_release "$r" "$DB_URL" node auth.mjs --names)
  # mcp up to 1.6 is oidcProvider's twin; from 1.7 it is oauthProvider's: another plugin, same name.
  case $r in 1.[3-6].*) names=$(echo ",$names," | sed 's/,mcp,/,/; s/^,//; s/,$//') ;; esac
  # MySQL: 1.7 adds a unique index on deviceCode.deviceCode, which older releases made `text`; Better
  # Auth (and authmigrate) refuse that index until the column is bounded by hand (docs/upgrades.md).
  [ "$DB_KIND" != mysql ] || names=$(echo ",$names," | sed 's/,deviceAuthorization,/,/; s/^,//; s/,$//')
  cli_migrate "$r" "$DB_URL"
  export AM_OPTIONS_OFF=$(options_off "$r")  # the newest release's config keeps the same options off
  AM_PLUGINS=$names in_release "$REL_NEWEST" "$DB_URL" node auth.mjs --toml >"$WORK/authmigrate.toml"
  local real ours
  real=$(AM_PLUGINS=$names in_release "$REL_NEWEST" "$DB_URL" node judge.mjs check | judge_lines)
  am verify --config "$WORK/authmigrate.toml" --url "$DB_URL" --better-auth-version "$REL_NEWEST" --log-format json
  ours=$(echo "$OUT" | authmigrate_lines)
  expect_eq "$ours" "$real" "verify --better-auth-version $REL_NEWEST on the database of $r's CLI"
  # The repairs verify names for the columns the newest release never writes (a plugin replaced by
  # another with the same tables, the 1.7.0-1.7.2 account.issuer).
  local repairs=() line
  while read -r line; do
    set -- $line
    [ "$1" = unexpected-required-column ] || continue
    if [ "$2 $3" = "account issuer" ]; then repairs+=(--repair account-issuer); else repairs+=(--repair "nullable:$2.$3"); fi
  done <<<"$real"
  am deploy --config "$WORK/authmigrate.toml" --url "$DB_URL" --better-auth-version "$REL_NEWEST" "${repairs[@]}"
  expect_rc 0
  real=$(AM_PLUGINS=$names in_release "$REL_NEWEST" "$DB_URL" node judge.mjs check | judge_lines)
  expect_eq "$real" "accepts" "the real $REL_NEWEST after the deploy"
  local signup
  signup=$(AM_PLUGINS=$names in_release "$REL_NEWEST" "$DB_URL" node judge.mjs signup)
  [[ $signup == *'"signup":"ok"'* ]] || fail "the real $REL_NEWEST could not sign up after the deploy: $signup"
}

for _r in $REL_RELEASES; do
  eval "test_release_${_r//./_}() { release_case $_r; }"
  [ "$_r" = "$REL_NEWEST" ] || eval "test_upgrade_from_${_r//./_}() { upgrade_case $_r; }"
done
unset _r
