#!/usr/bin/env bash
# Recreates tests/golden/cli/ from the REAL Better Auth CLI (pinned in package-lock.json).
#
#   regenerate-golden.sh [--dialects sqlite,postgres,mysql] [--configs core,all-plugins,...]
#                        [--out DIR] [--parallel] [--check]
#
# --parallel runs the dialects at the same time (faster on 2 cores).
# --check    writes to a temp dir instead and compares it with the committed goldens
#            (diff -r; exit 1 on any difference): the real CLI still produces them.
# For every config x dialect, on a FRESH database:
#   <dialect>/<config>.sql               the file `auth generate` writes (byte for byte)
#   <dialect>/<config>.introspect.json   introspect.mjs after `auth migrate --yes`
#   <dialect>/<config>.migrate.txt       what `auth migrate --yes` printed (timestamps -> <time>)
# and checks that a second `generate` then finds nothing to do.
# Incremental (core applied, then all-plugins), on one fresh database:
#   <dialect>/core-to-all-plugins.sql               `generate` for the second step
#   <dialect>/core-to-all-plugins.introspect.json   introspection after migrating the second step
#   <dialect>/core-to-all-plugins.migrate.txt
# usePlural (configs/plural.mjs), which the CLI refuses:
#   <dialect>/plural.refused.txt          its exit code and error lines
#
# Servers (databases named conf_gold_<pid>_<config> are created and dropped; nothing else is touched):
#   AM_PG_SERVER     else $AUTHMIGRATE_TEST_PG_URL (scripts/test-servers/env.sh), else
#                    postgres://postgres:devpass@127.0.0.1:55432
#   AM_MYSQL_SERVER  else $AUTHMIGRATE_TEST_MYSQL_URL, else mysql://root:devpass@127.0.0.1:53306
# SQLite files go to a temp dir.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../golden/cli"
dialects=(sqlite postgres mysql)
configs=(core all-plugins renamed uuid serial ratelimit-db)
parallel=0
check=0
while [[ $# -gt 0 ]]; do
	case "$1" in
		--dialects) IFS=, read -r -a dialects <<<"$2"; shift 2 ;;
		--configs) IFS=, read -r -a configs <<<"$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		--parallel) parallel=1; shift ;;
		--check) check=1; shift ;;
		*) sed -n '2,34p' "${BASH_SOURCE[0]}" >&2; exit 64 ;;
	esac
done
PG_SERVER="${AM_PG_SERVER:-${AUTHMIGRATE_TEST_PG_URL:-postgres://postgres:devpass@127.0.0.1:55432}}"
MY_SERVER="${AM_MYSQL_SERVER:-${AUTHMIGRATE_TEST_MYSQL_URL:-mysql://root:devpass@127.0.0.1:53306}}"

"$here/install.sh" >&2
export PATH="$here/node_modules/.bin:$PATH"
root_tmp="$(mktemp -d "${TMPDIR:-/tmp}/am-golden.XXXXXX")"
if [[ $check == 1 ]]; then
	committed="$(cd "$out" && pwd)"
	out="$root_tmp/golden"
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
tmp="$root_tmp"
created_list="$root_tmp/created"
# "$created_list": "dialect name" of every server database this run created (fresh_db runs
# in a command substitution, so a shell array would not see its additions)

cleanup() {
	local d n
	if [[ -f "$created_list" ]]; then
		while read -r d n; do
			node "$here/dbadmin.mjs" "$d" "$([[ $d == postgres ]] && echo "$PG_SERVER" || echo "$MY_SERVER")" drop "$n" >/dev/null 2>&1 || true
		done <"$created_list"
	fi
	rm -rf "$root_tmp"
}
trap cleanup EXIT

fail() { echo "regenerate-golden.sh: $*" >&2; exit 1; }

# fresh_db <dialect> <label> -> prints the URL of a new empty database
fresh_db() {
	local dialect="$1" label="${2//-/_}"
	case "$dialect" in
		sqlite)
			rm -f "$tmp/$label.db"
			echo "$tmp/$label.db" ;;
		postgres|mysql)
			local name="conf_gold_$$_$label" server
			[[ $dialect == postgres ]] && server="$PG_SERVER" || server="$MY_SERVER"
			echo "$dialect $name" >>"$created_list"
			node "$here/dbadmin.mjs" "$dialect" "$server" create "$name" ;;
	esac
}

drop_db() {
	local dialect="$1" url="$2"
	case "$dialect" in
		sqlite) rm -f "$url" ;;
		postgres) node "$here/dbadmin.mjs" postgres "$PG_SERVER" drop "${url##*/}" ;;
		mysql) node "$here/dbadmin.mjs" mysql "$MY_SERVER" drop "${url##*/}" ;;
	esac
}

# The CLI's console output without what changes from run to run.
normalize_log() {
	# ANSI colours, timestamps, temp paths, the spinner's frame (a Braille glyph that depends on
	# timing), and the "Database schema mismatch" report of the runtime schema check that
	# betterAuth() starts when the CLI loads the config: it runs concurrently with the migration,
	# so where it lands in the output, and which tables it still finds missing, vary from run to run.
	AM_TMP="$root_tmp" perl -0777 -CSD -pe 's/\e\[[0-9;]*[A-Za-z]//g;
		s/\d{4}-\d{2}-\d{2}T\d{2}[:-]\d{2}[:-]\d{2}\.\d{3}Z/<time>/g;
		s/[\x{2800}-\x{28FF}] //g;
		s/^<time> ERROR \[Better Auth\]: Database schema mismatch\n.*?^\s*help: Run `npx auth migrate`[^\n]*\n//gms;
		s/\Q$ENV{AM_TMP}\E/<tmp>/g if $ENV{AM_TMP}'
}

# generate_to <config> <dialect> <url> <golden-file>: runs generate, copies the file it wrote
generate_to() {
	local config="$1" dialect="$2" url="$3" dest="$4" wd sql
	wd="$(mktemp -d "$tmp/wd.XXXXXX")"
	sql="$("$here/run-cli.sh" "$config" "$dialect" "$url" generate "$wd" 2>"$wd/log")" \
		|| { cat "$wd/log" >&2; fail "generate $config on $dialect failed"; }
	[[ -n "$sql" && -f "$sql" ]] || { cat "$wd/log" >&2; fail "generate $config on $dialect wrote no file"; }
	cp "$sql" "$dest"
}

# assert_up_to_date <config> <dialect> <url>: a second generate must write nothing
assert_up_to_date() {
	local config="$1" dialect="$2" url="$3" wd sql
	wd="$(mktemp -d "$tmp/wd.XXXXXX")"
	sql="$("$here/run-cli.sh" "$config" "$dialect" "$url" generate "$wd" 2>"$wd/log")" \
		|| { cat "$wd/log" >&2; fail "re-generate $config on $dialect failed"; }
	if [[ -n "$sql" ]]; then
		cat "$sql" >&2
		fail "$config on $dialect: generate after migrate is not empty"
	fi
	grep -q "Your schema is already up to date." "$wd/log" || { cat "$wd/log" >&2; fail "$config on $dialect: no 'already up to date'"; }
}

migrate_to() {
	local config="$1" dialect="$2" url="$3" dest="$4"
	"$here/run-cli.sh" "$config" "$dialect" "$url" migrate "$tmp" >"$tmp/migrate.out" 2>&1 \
		|| { cat "$tmp/migrate.out" >&2; fail "migrate $config on $dialect failed"; }
	normalize_log <"$tmp/migrate.out" >"$dest"
}

run_dialect() {
	local dialect="$1" config url t0 rc
	tmp="$root_tmp/$dialect"   # this dialect's scratch dir (dialects may run in parallel)
	mkdir -p "$tmp" "$out/$dialect"
	for config in "${configs[@]}"; do
		t0=$SECONDS
		url="$(fresh_db "$dialect" "$config")"
		generate_to "$config" "$dialect" "$url" "$out/$dialect/$config.sql"
		migrate_to "$config" "$dialect" "$url" "$out/$dialect/$config.migrate.txt"
		node "$here/introspect.mjs" "$dialect" "$url" >"$out/$dialect/$config.introspect.json"
		assert_up_to_date "$config" "$dialect" "$url"
		drop_db "$dialect" "$url"
		echo "$dialect/$config: ok ($((SECONDS - t0)) s)" >&2
	done

	if [[ " ${configs[*]} " == *" core "* && " ${configs[*]} " == *" all-plugins "* ]]; then
		t0=$SECONDS
		url="$(fresh_db "$dialect" core-to-all-plugins)"
		migrate_to core "$dialect" "$url" "$tmp/core.migrate.txt"
		generate_to all-plugins "$dialect" "$url" "$out/$dialect/core-to-all-plugins.sql"
		migrate_to all-plugins "$dialect" "$url" "$out/$dialect/core-to-all-plugins.migrate.txt"
		node "$here/introspect.mjs" "$dialect" "$url" >"$out/$dialect/core-to-all-plugins.introspect.json"
		assert_up_to_date all-plugins "$dialect" "$url"
		drop_db "$dialect" "$url"
		echo "$dialect/core-to-all-plugins: ok ($((SECONDS - t0)) s)" >&2
	fi

	# usePlural: the CLI must refuse it (exit 1, "Only kysely adapter is supported ...")
	url="$(fresh_db "$dialect" plural)"
	rc=0
	"$here/run-cli.sh" plural "$dialect" "$url" migrate "$tmp" >"$tmp/plural.out" 2>&1 || rc=$?
	if [[ $rc -ne 1 ]] || ! grep -q "Only kysely adapter is supported for migrations" "$tmp/plural.out"; then
		cat "$tmp/plural.out" >&2
		fail "plural on $dialect: expected the CLI to refuse usePlural (rc=$rc)"
	fi
	{
		echo "# auth migrate --yes with configs/plural.mjs (kyselyAdapter(db, { usePlural: true }))"
		echo "exit code: $rc"
		grep -E "WARN|ERROR" "$tmp/plural.out" | normalize_log
	} >"$out/$dialect/plural.refused.txt"
	drop_db "$dialect" "$url"
	echo "$dialect/plural: refused as expected" >&2
}

start=$SECONDS
if [[ $parallel == 1 ]]; then
	pids=()
	for dialect in "${dialects[@]}"; do
		( run_dialect "$dialect" ) &
		pids+=($!)
	done
	status=0
	for pid in "${pids[@]}"; do wait "$pid" || status=1; done
	[[ $status == 0 ]] || fail "a dialect failed (see above)"
else
	for dialect in "${dialects[@]}"; do ( run_dialect "$dialect" ); done
fi
if [[ $check == 1 ]]; then
	status=0
	for dialect in "${dialects[@]}"; do
		for f in "$out/$dialect"/*; do
			diff -u "$committed/$dialect/${f##*/}" "$f" || status=1
		done
	done
	if [[ $status != 0 ]]; then
		fail "the real CLI's output differs from $committed (above; done in $((SECONDS - start)) s)"
	fi
	echo "regenerate-golden.sh: --check: the real CLI reproduces $committed ($((SECONDS - start)) s)" >&2
	exit 0
fi
echo "regenerate-golden.sh: done in $((SECONDS - start)) s -> $out" >&2
