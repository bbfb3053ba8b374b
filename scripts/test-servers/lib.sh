# shellcheck shell=bash disable=SC2034  # the variables are for the scripts that source this
# Helpers shared by the test-server scripts (not for tests: they source env.sh).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
pg_dir=$AM_SERVERS_DIR/postgres
my_dir=$AM_SERVERS_DIR/mariadb
bouncer_dir=$AM_SERVERS_DIR/pgbouncer
replica_dir=$AM_SERVERS_DIR/pg-replica
galera_dir=$AM_SERVERS_DIR/galera
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)

# Options are all on the command line (--no-defaults), so a restart by ctl.sh uses exactly these.
my_args=(--no-defaults --datadir="$AM_MYSQL_DATA" --socket="$AM_MYSQL_SOCKET" --pid-file="$my_dir/mariadbd.pid"
  --port="$AM_MYSQL_PORT" --bind-address=127.0.0.1 --skip-name-resolve --max-connections=300
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
  --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --log-error="$my_dir/error.log"
  --ssl-cert="$my_dir/tls/server.crt" --ssl-key="$my_dir/tls/server.key" --ssl-ca="$AM_TEST_CA_FILE")
if ((EUID == 0)); then my_args+=(--user=mysql); fi

# Servers never run as root: as root, run the command as the package's unprivileged user.
as_user() {
  local user=$1
  shift
  if ((EUID == 0)); then (cd / && runuser -u "$user" -- "$@"); else "$@"; fi
}

# shellcheck disable=SC2001  # a bracket expression is clearer in sed
regex_quote() { sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$1"; }
postmaster_pid() { pgrep -f -- "^$(regex_quote "$AM_PG_BIN/postgres") -D $(regex_quote "$AM_PG_DATA")( |\$)" || true; }
replica_pid() { pgrep -f -- "^$(regex_quote "$AM_PG_BIN/postgres") -D $(regex_quote "$AM_PG_REPLICA_DATA")( |\$)" || true; }
bouncer_pid() { cat "$bouncer_dir/pgbouncer.pid" 2>/dev/null || true; }
galera_pid() { pgrep -f -- "^[^ ]*mariadbd --no-defaults --datadir=$(regex_quote "$galera_dir/node$1/data") " || true; }
mariadbd_pid() { pgrep -f -- "^[^ ]*mariadbd --no-defaults --datadir=$(regex_quote "$AM_MYSQL_DATA") " || true; }

require_free_port() {  # port variable-name
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "error: 127.0.0.1:$1 is already in use; set $2 to a free port" >&2
    return 1
  fi
}

# root_init_sql FILE: run once at install, root gets the test password, over TCP from 127.0.0.1
# (--skip-name-resolve means such logins match root@'127.0.0.1', not root@localhost) and over the socket.
root_init_sql() {
  cat >"$1" <<SQL
FLUSH PRIVILEGES;
DELETE FROM mysql.global_priv WHERE User = '';
CREATE OR REPLACE USER root@localhost IDENTIFIED BY '$AM_TEST_PASSWORD';
CREATE OR REPLACE USER root@'127.0.0.1' IDENTIFIED BY '$AM_TEST_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO root@localhost WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;
SQL
}

# Logins use the URL's credentials, so a start also checks that the URL and the password agree.
pg_login() { "$AM_PG_BIN/psql" -X "$AUTHMIGRATE_TEST_PG_URL" -Atqc 'select 1'; }
replica_login() {  # t|f: logs in and finds pg_is_in_recovery() so (t a standby, f once promoted)
  [[ $("$AM_PG_BIN/psql" -X "postgres://postgres:$(url_encoded_password)@127.0.0.1:$AM_PG_REPLICA_PORT/postgres" -Atqc \
    'select pg_is_in_recovery()') == "$1" ]]
}
bouncer_login() { "$AM_PG_BIN/psql" -X "postgres://postgres:$(url_encoded_password)@127.0.0.1:$AM_PGBOUNCER_PORT/postgres" -Atqc 'select 1'; }
galera_login() {  # node size: logs in and finds the node Synced in a cluster of that size
  local out
  out=$(MYSQL_PWD=$AM_TEST_PASSWORD mariadb --no-defaults -N -B -h127.0.0.1 -P"$((AM_GALERA_PORT_BASE + $1 - 1))" -uroot \
    -e "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment')" 2>/dev/null) || return 1
  [[ $out == *"wsrep_cluster_size"*[[:space:]]"$2"* && $out == *Synced* ]]
}
url_encoded_password() { python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$AM_TEST_PASSWORD"; }
my_login() { MYSQL_PWD=$AM_TEST_PASSWORD mariadb --no-defaults -h127.0.0.1 -P"$AM_MYSQL_PORT" -uroot -e 'select 1'; }

# A killed server can stay a zombie for a while when init is slow to reap it: that counts as gone.
alive() { local stat; stat=$(ps -o stat= -p "$1") && [[ $stat != Z* ]]; }

wait_for_login() {  # name pid log login-command [args]: up to 30 s, failing at once if the server exits
  local name=$1 pid=$2 log=$3 deadline=$((SECONDS + ${AM_START_SECONDS:-30}))
  until "${@:4}" >/dev/null 2>&1; do
    if ! alive "$pid" || ((SECONDS >= deadline)); then
      echo "error: $name did not accept logins within ${AM_START_SECONDS:-30} s; end of $log:" >&2
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

wait_until_gone() {  # pid: SIGKILL it if it still runs after 30 s
  local deadline=$((SECONDS + 30))
  while alive "$1"; do
    if ((SECONDS >= deadline)); then kill -KILL "$1" 2>/dev/null || true; fi
    sleep 0.1
  done
}
