#!/usr/bin/env bash
# Starts a throwaway 3-node MariaDB Galera cluster on loopback (SQL ports $AM_GALERA_PORT_BASE .. +2,
# default 53316..53318; see galera.sh for the others): node 1 bootstraps the cluster with the test
# password for root, nodes 2 and 3 join it by state transfer (rsync). Ready when every node is Synced
# in a cluster of 3. See env.sh for the contract.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/lib.sh"
source "$here/galera.sh"

for n in 3 2 1; do galera_stop "$n"; done
rm -rf "$galera_dir"
for kind in 0 1 2 3; do
  for n in 1 2 3; do require_free_port "$(galera_port "$n" "$kind")" AM_GALERA_PORT_BASE; done
done
mkdir -p "$galera_dir"/node{1,2,3}/data
chmod 755 "$AM_SERVERS_DIR"
echo "$AM_GALERA_PORT_BASE" >"$galera_dir/port"
root_init_sql "$galera_dir/init.sql"
if ((EUID == 0)); then chown -R mysql: "$galera_dir"; fi
user=()
if ((EUID == 0)); then user=(--user=mysql); fi
mariadb-install-db --no-defaults --datadir="$galera_dir/node1/data" "${user[@]}" --skip-test-db \
  --skip-name-resolve --extra-file="$galera_dir/init.sql" >"$galera_dir/install.log" 2>&1 ||
  { cat "$galera_dir/install.log" >&2; exit 1; }

started=$SECONDS
GALERA_SIZE=1 galera_start 1 --wsrep-new-cluster
GALERA_SIZE=2 galera_start 2
GALERA_SIZE=3 galera_start 3
source "$here/env.sh"
echo "MariaDB Galera cluster of 3 ready in $((SECONDS - started)) s: $AUTHMIGRATE_TEST_GALERA_URLS"
