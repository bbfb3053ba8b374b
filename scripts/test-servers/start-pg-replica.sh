#!/usr/bin/env bash
# Starts a throwaway streaming hot standby of the test PostgreSQL (start-postgres.sh first) on
# 127.0.0.1:$AM_PG_REPLICA_PORT (default 55433), made by pg_basebackup -R. It follows the primary until
# `ctl.sh replica promote` makes it a primary of its own (a failover). See env.sh for the contract.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/lib.sh"

bash "$here/ctl.sh" replica stop
rm -rf "$replica_dir"
require_free_port "$AM_PG_REPLICA_PORT" AM_PG_REPLICA_PORT
mkdir -p "$replica_dir"
chmod 700 "$replica_dir"
echo "$AM_PG_REPLICA_PORT" >"$replica_dir/port"
# The password in a passfile, never on a command line or in a log. -R names the passfile (not the
# password) in the standby's primary_conninfo, so it stays for reconnecting; only postgres reads the folder.
pgpass_password=${AM_TEST_PASSWORD//\\/\\\\}  # a passfile's fields escape '\' and ':' with '\'
printf '127.0.0.1:%s:*:postgres:%s\n' "$AM_PG_PORT" "${pgpass_password//:/\\:}" >"$replica_dir/pgpass"
chmod 600 "$replica_dir/pgpass"
if ((EUID == 0)); then chown -R postgres: "$replica_dir"; fi
as_user postgres env PGPASSFILE="$replica_dir/pgpass" "$AM_PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$AM_PG_PORT" -U postgres \
  -D "$AM_PG_REPLICA_DATA" -R -X stream --checkpoint=fast --no-sync >"$replica_dir/basebackup.log" 2>&1 ||
  { cat "$replica_dir/basebackup.log" >&2; exit 1; }
cat >>"$AM_PG_REPLICA_DATA/postgresql.conf" <<CONF
port = $AM_PG_REPLICA_PORT
unix_socket_directories = '$replica_dir'
hot_standby = on
CONF

bash "$here/ctl.sh" replica start
source "$here/env.sh"
echo "PostgreSQL hot standby ready: $AUTHMIGRATE_TEST_PG_REPLICA_URL (data $AM_PG_REPLICA_DATA)"
