# shellcheck shell=bash
# Sourceable: the contract between the throwaway test servers and the tests that use them.
# Values already in the environment win; ports otherwise fall back to what the start scripts recorded
# in $AM_SERVERS_DIR, then to the defaults. Exports:
#   AUTHMIGRATE_TEST_PG_URL     postgres://postgres:<pw>@127.0.0.1:<port>/postgres
#   AUTHMIGRATE_TEST_MYSQL_URL  mysql://root:<pw>@127.0.0.1:<port>/
#   AM_TEST_PASSWORD            <pw> decoded; it holds ':', '@', '/' and '%' so URL code must percent-decode
#   AM_SERVERS_DIR AM_SERVERS_CTL AM_PG_BIN AM_PG_PORT AM_PG_DATA AM_PG_SOCKET_DIR AM_TEST_CA_FILE
#   AM_MYSQL_PORT AM_MYSQL_DATA AM_MYSQL_SOCKET
# and for the topologies (each only when its start script ran):
#   AUTHMIGRATE_TEST_PGBOUNCER_URL    PgBouncer in pool_mode = transaction before the PostgreSQL, every database
#   AUTHMIGRATE_TEST_PG_REPLICA_URL   a streaming hot standby of the PostgreSQL
#   AUTHMIGRATE_TEST_GALERA_URLS      three MariaDB Galera nodes' URLs, space-separated
#   AM_PGBOUNCER_PORT AM_PG_REPLICA_PORT AM_PG_REPLICA_DATA AM_GALERA_PORT_BASE (node N: base+N-1)
# Defaults: AM_PGBOUNCER_PORT 56432, AM_PG_REPLICA_PORT 55433, AM_GALERA_PORT_BASE 53316 (SQL 53316..53318).
# Fault-injection tests stop and restart a server, keeping its data, with
#   bash "$AM_SERVERS_CTL" postgres|mariadb stop|start|kill
#   bash "$AM_SERVERS_CTL" replica start|stop|kill|promote   (promote: a failover, the standby takes writes)
#   bash "$AM_SERVERS_CTL" pgbouncer start|stop
#   bash "$AM_SERVERS_CTL" galera start|stop|kill N          (node N, 1..3; a started node rejoins the cluster)
# A second, private set (e.g. a primary + replica pair for a failover test) takes its own AM_SERVERS_DIR and
# ports in the environment of the same start-*.sh, ctl.sh and stop.sh calls, e.g.
#   AM_SERVERS_DIR=/tmp/pair AM_PG_PORT=57432 AM_PG_REPLICA_PORT=57433 bash start-postgres.sh (then
#   start-pg-replica.sh, ctl.sh replica promote, stop.sh, each with the same three variables).

AM_SERVERS_DIR=$(realpath -m "${AM_SERVERS_DIR:-/tmp/authmigrate-test-servers}")
AM_SERVERS_CTL=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ctl.sh
AM_PG_BIN=${AM_PG_BIN:-/usr/lib/postgresql/15/bin}
AM_PG_PORT=${AM_PG_PORT:-$(cat "$AM_SERVERS_DIR/postgres/port" 2>/dev/null || echo 55432)}
AM_PG_DATA=$AM_SERVERS_DIR/postgres/data
AM_PG_SOCKET_DIR=$AM_SERVERS_DIR/postgres
AM_TEST_CA_FILE=$AM_SERVERS_DIR/ca/ca.crt  # the CA that signed the servers' TLS certificates
AM_MYSQL_PORT=${AM_MYSQL_PORT:-$(cat "$AM_SERVERS_DIR/mariadb/port" 2>/dev/null || echo 53306)}
AM_MYSQL_DATA=$AM_SERVERS_DIR/mariadb/data
AM_MYSQL_SOCKET=$AM_SERVERS_DIR/mariadb/mariadbd.sock

AM_PGBOUNCER_PORT=${AM_PGBOUNCER_PORT:-$(cat "$AM_SERVERS_DIR/pgbouncer/port" 2>/dev/null || echo 56432)}
AM_PG_REPLICA_PORT=${AM_PG_REPLICA_PORT:-$(cat "$AM_SERVERS_DIR/pg-replica/port" 2>/dev/null || echo 55433)}
AM_PG_REPLICA_DATA=$AM_SERVERS_DIR/pg-replica/data
AM_GALERA_PORT_BASE=${AM_GALERA_PORT_BASE:-$(cat "$AM_SERVERS_DIR/galera/port" 2>/dev/null || echo 53316)}

AM_TEST_PASSWORD='am:p@ss/w%rd'
am_password_in_url='am%3Ap%40ss%2Fw%25rd'  # the same, percent-encoded
AUTHMIGRATE_TEST_PG_URL="postgres://postgres:$am_password_in_url@127.0.0.1:$AM_PG_PORT/postgres"
AUTHMIGRATE_TEST_MYSQL_URL="mysql://root:$am_password_in_url@127.0.0.1:$AM_MYSQL_PORT/"
if [[ -f $AM_SERVERS_DIR/pgbouncer/port ]]; then
  AUTHMIGRATE_TEST_PGBOUNCER_URL="postgres://postgres:$am_password_in_url@127.0.0.1:$AM_PGBOUNCER_PORT/postgres"
  export AUTHMIGRATE_TEST_PGBOUNCER_URL
fi
if [[ -f $AM_SERVERS_DIR/pg-replica/port ]]; then
  AUTHMIGRATE_TEST_PG_REPLICA_URL="postgres://postgres:$am_password_in_url@127.0.0.1:$AM_PG_REPLICA_PORT/postgres"
  export AUTHMIGRATE_TEST_PG_REPLICA_URL
fi
if [[ -f $AM_SERVERS_DIR/galera/port ]]; then
  AUTHMIGRATE_TEST_GALERA_URLS="mysql://root:$am_password_in_url@127.0.0.1:$AM_GALERA_PORT_BASE/"
  AUTHMIGRATE_TEST_GALERA_URLS+=" mysql://root:$am_password_in_url@127.0.0.1:$((AM_GALERA_PORT_BASE + 1))/"
  AUTHMIGRATE_TEST_GALERA_URLS+=" mysql://root:$am_password_in_url@127.0.0.1:$((AM_GALERA_PORT_BASE + 2))/"
  export AUTHMIGRATE_TEST_GALERA_URLS
fi
unset am_password_in_url

export AUTHMIGRATE_TEST_PG_URL AUTHMIGRATE_TEST_MYSQL_URL AM_TEST_PASSWORD AM_SERVERS_DIR AM_SERVERS_CTL \
  AM_PG_BIN AM_PG_PORT AM_PG_DATA AM_PG_SOCKET_DIR AM_TEST_CA_FILE AM_MYSQL_PORT AM_MYSQL_DATA AM_MYSQL_SOCKET \
  AM_PGBOUNCER_PORT AM_PG_REPLICA_PORT AM_PG_REPLICA_DATA AM_GALERA_PORT_BASE
