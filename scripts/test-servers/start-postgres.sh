#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1:$AM_PG_PORT (default 55432) with a fresh data dir under
# $AM_SERVERS_DIR, run by the unprivileged postgres user, and prints its URL. See env.sh for the contract.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/lib.sh"

bash "$here/ctl.sh" postgres stop  # a leftover of an earlier run in this state dir
rm -rf "$pg_dir"
require_free_port "$AM_PG_PORT" AM_PG_PORT
mkdir -p "$pg_dir"
chmod 755 "$AM_SERVERS_DIR"
echo "$AM_PG_PORT" >"$pg_dir/port"
printf '%s\n' "$AM_TEST_PASSWORD" >"$pg_dir/pwfile"
if ((EUID == 0)); then chown postgres: "$pg_dir" "$pg_dir/pwfile"; fi

as_user postgres "$AM_PG_BIN/initdb" -D "$AM_PG_DATA" -U postgres --pwfile="$pg_dir/pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1 ||
  { cat "$pg_dir/initdb.log" >&2; exit 1; }
rm -f "$pg_dir/pwfile"
# In postgresql.conf rather than on the command line, so a restart by ctl.sh keeps them.
cat >>"$AM_PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $AM_PG_PORT
unix_socket_directories = '$AM_PG_SOCKET_DIR'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

# TLS signed by the test CA (tls.sh): tests connect with sslmode=disable, require and verify-full.
# The server accepts plain connections too.
source "$here/tls.sh"
tls=$pg_dir/tls
server_cert "$tls" postgres
cat >>"$AM_PG_DATA/postgresql.conf" <<CONF
ssl = on
ssl_cert_file = '$tls/server.crt'
ssl_key_file = '$tls/server.key'
CONF

bash "$here/ctl.sh" postgres start
echo "PostgreSQL 15 ready: $AUTHMIGRATE_TEST_PG_URL (data $AM_PG_DATA)"
