#!/usr/bin/env bash
# Starts a throwaway PgBouncer on 127.0.0.1:$AM_PGBOUNCER_PORT (default 56432) in pool_mode = transaction
# before the test PostgreSQL (start-postgres.sh first), every database of it through a wildcard entry.
# The pool is small (4 server connections per database), so clients really share server sessions, as
# behind Supabase's or Neon's pooler. It refuses the startup parameter `options`, as PgBouncer does
# unless told to ignore it. See env.sh for the contract.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/lib.sh"

bash "$here/ctl.sh" pgbouncer stop
rm -rf "$bouncer_dir"
require_free_port "$AM_PGBOUNCER_PORT" AM_PGBOUNCER_PORT
mkdir -p "$bouncer_dir"
chmod 755 "$AM_SERVERS_DIR"
echo "$AM_PGBOUNCER_PORT" >"$bouncer_dir/port"
# The password in plain text: PgBouncer answers the client's SCRAM with it and logs in to the server
# with SCRAM itself. Only the owner reads it.
printf '"postgres" "%s"\n' "$AM_TEST_PASSWORD" >"$bouncer_dir/userlist.txt"
chmod 600 "$bouncer_dir/userlist.txt"
cat >"$bouncer_dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$AM_PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $AM_PGBOUNCER_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $bouncer_dir/userlist.txt
pool_mode = transaction
default_pool_size = 4
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
logfile = $bouncer_dir/pgbouncer.log
pidfile = $bouncer_dir/pgbouncer.pid
admin_users = postgres
INI
if ((EUID == 0)); then chown -R postgres: "$bouncer_dir"; fi

bash "$here/ctl.sh" pgbouncer start
source "$here/env.sh"
echo "PgBouncer (transaction pooling) ready: $AUTHMIGRATE_TEST_PGBOUNCER_URL"
