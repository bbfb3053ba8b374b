# shellcheck shell=bash disable=SC2154  # galera_dir and the helpers come from lib.sh, sourced first
# Sourced by start-galera.sh and ctl.sh (after lib.sh): the nodes of a 3-node MariaDB Galera cluster on
# loopback. Node N (1..3) listens for SQL on AM_GALERA_PORT_BASE+N-1; its group communication, IST and
# SST (rsync) ports are base+10+N, base+20+N and base+30+N. Options are all on the command line, so a
# restart by ctl.sh uses exactly these.

galera_port() { echo $((AM_GALERA_PORT_BASE + $2 * 10 + $1 - ($2 == 0 ? 1 : 0))); }  # node kind(0 sql,1 gcomm,2 ist,3 sst)

galera_args() {  # node
  local n=$1 dir=$galera_dir/node$1 peers
  peers="127.0.0.1:$(galera_port 1 1),127.0.0.1:$(galera_port 2 1),127.0.0.1:$(galera_port 3 1)"
  local args=(--no-defaults --datadir="$dir/data" --socket="$dir/mariadbd.sock" --pid-file="$dir/mariadbd.pid"
    --port="$(galera_port "$n" 0)" --bind-address=127.0.0.1 --skip-name-resolve --max-connections=100
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --log-error="$dir/error.log"
    --innodb-buffer-pool-size=32M --performance-schema=OFF --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=authmigrate-test
    --wsrep-cluster-address="gcomm://$peers" --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:$(galera_port "$n" 1)"
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$(galera_port "$n" 1);ist.recv_addr=127.0.0.1:$(galera_port "$n" 2);gcache.size=32M"
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$(galera_port "$n" 3)")
  if ((EUID == 0)); then args+=(--user=mysql); fi
  printf '%s\n' "${args[@]}"
}

galera_start() {  # node [--wsrep-new-cluster]; waits until it is Synced in a cluster of ${GALERA_SIZE:-3}
  local n=$1 dir=$galera_dir/node$1 args
  [[ -z $(galera_pid "$n") ]] || { echo "Galera node $n already runs"; return 0; }
  require_free_port "$(galera_port "$n" 0)" AM_GALERA_PORT_BASE
  mapfile -t args < <(galera_args "$n")
  # Its own session, so a Ctrl-C meant for the tests does not reach it; stop.sh ends it.
  setsid /usr/sbin/mariadbd "${args[@]}" "${@:2}" </dev/null >>"$dir/stdout.log" 2>&1 &
  # 60 s rather than 30: a node restarted after `ctl.sh galera kill` waits until the others have evicted its
  # old self (evs.inactive_timeout, 15 s) and then takes a full SST, about 20 s in all.
  AM_START_SECONDS=60 wait_for_login "Galera node $n" $! "$dir/error.log" galera_login "$n" "${GALERA_SIZE:-3}"
}

galera_signal() {  # node signal: the node gets the signal, and is waited for until it is gone
  local pid
  pid=$(galera_pid "$1")
  [[ -n $pid ]] || return 0
  kill "-$2" "$pid" 2>/dev/null || true
  wait_until_gone "$pid"
}
galera_stop() { galera_signal "$1" TERM; }
galera_kill() { galera_signal "$1" KILL; }
