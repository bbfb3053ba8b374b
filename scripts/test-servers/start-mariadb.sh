#!/usr/bin/env bash
# Starts a throwaway MariaDB on 127.0.0.1:$AM_MYSQL_PORT (default 53306) with a fresh data dir under
# $AM_SERVERS_DIR, run by the unprivileged mysql user, and prints its URL. See env.sh for the contract.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/lib.sh"

bash "$here/ctl.sh" mariadb stop  # a leftover of an earlier run in this state dir
rm -rf "$my_dir"
require_free_port "$AM_MYSQL_PORT" AM_MYSQL_PORT
mkdir -p "$my_dir"
chmod 755 "$AM_SERVERS_DIR"
echo "$AM_MYSQL_PORT" >"$my_dir/port"
root_init_sql "$my_dir/init.sql"
touch "$my_dir/error.log"
if ((EUID == 0)); then chown mysql: "$my_dir" "$my_dir/error.log"; fi

user=()
if ((EUID == 0)); then user=(--user=mysql); fi
mariadb-install-db --no-defaults --datadir="$AM_MYSQL_DATA" "${user[@]}" --skip-test-db \
  --skip-name-resolve --extra-file="$my_dir/init.sql" >"$my_dir/install.log" 2>&1 ||
  { cat "$my_dir/install.log" >&2; exit 1; }

# TLS signed by the test CA, at the path lib.sh's my_args name: clients choose with ssl-mode.
source "$here/tls.sh"
server_cert "$my_dir/tls" mysql

bash "$here/ctl.sh" mariadb start
echo "MariaDB ready: $AUTHMIGRATE_TEST_MYSQL_URL (data $AM_MYSQL_DATA)"
