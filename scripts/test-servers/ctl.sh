#!/usr/bin/env bash
# Starts, stops (gracefully) or kills (SIGKILL, a crash) one throwaway test server, keeping its data,
# for fault-injection tests. The start-*.sh scripts create the server first.
# Usage: ctl.sh postgres|mariadb start|stop|kill
#        ctl.sh replica start|stop|kill|promote     (start-pg-replica.sh's hot standby)
#        ctl.sh pgbouncer start|stop
#        ctl.sh galera start|stop|kill N            (node N of start-galera.sh's cluster, 1..3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}:${2:-}" in
postgres:start)
  [[ -z $(postmaster_pid) ]] || { echo "PostgreSQL already runs on $AM_PG_DATA"; exit 0; }
  require_free_port "$AM_PG_PORT" AM_PG_PORT
  as_user postgres "$AM_PG_BIN/pg_ctl" -D "$AM_PG_DATA" -l "$pg_dir/server.log" -w -t 30 start >/dev/null ||
    { tail -n 20 "$pg_dir/server.log" >&2; exit 1; }
  wait_for_login PostgreSQL "$(postmaster_pid)" "$pg_dir/server.log" pg_login
  ;;
postgres:stop)
  pid=$(postmaster_pid)
  [[ -n $pid ]] || exit 0
  as_user postgres "$AM_PG_BIN/pg_ctl" -D "$AM_PG_DATA" -m fast -w -t 30 stop >/dev/null || kill -KILL "$pid" || true
  wait_until_gone "$pid"
  ;;
mariadb:start)
  [[ -z $(mariadbd_pid) ]] || { echo "MariaDB already runs on $AM_MYSQL_DATA"; exit 0; }
  require_free_port "$AM_MYSQL_PORT" AM_MYSQL_PORT
  # Its own session, so a Ctrl-C meant for the tests does not reach it; stop.sh ends it.
  setsid "$mariadbd" "${my_args[@]}" </dev/null >>"$my_dir/error.log" 2>&1 &
  wait_for_login MariaDB $! "$my_dir/error.log" my_login
  ;;
mariadb:stop)
  pid=$(mariadbd_pid)
  [[ -n $pid ]] || exit 0
  kill -TERM "$pid" 2>/dev/null || true
  wait_until_gone "$pid"
  ;;
postgres:kill | mariadb:kill)
  pid=$( if [[ $1 == postgres ]]; then postmaster_pid; else mariadbd_pid; fi)
  [[ -n $pid ]] || exit 0
  children=$(pgrep -P "$pid" || true)  # PostgreSQL's backends exit on their own once it is gone
  kill -KILL "$pid" 2>/dev/null || true
  for p in $pid $children; do wait_until_gone "$p"; done
  # PostgreSQL would take a not yet reaped zombie for a live postmaster and refuse to restart.
  if [[ $1 == postgres ]]; then rm -f "$AM_PG_DATA/postmaster.pid" "$AM_PG_SOCKET_DIR"/.s.PGSQL.*; fi
  ;;
replica:start)
  [[ -z $(replica_pid) ]] || { echo "the replica already runs on $AM_PG_REPLICA_DATA"; exit 0; }
  require_free_port "$AM_PG_REPLICA_PORT" AM_PG_REPLICA_PORT
  as_user postgres "$AM_PG_BIN/pg_ctl" -D "$AM_PG_REPLICA_DATA" -l "$replica_dir/server.log" -w -t 30 start >/dev/null ||
    { tail -n 20 "$replica_dir/server.log" >&2; exit 1; }
  # A standby until promoted: promotion removes standby.signal, and the server then starts as a primary.
  recovery=f
  [[ ! -e $AM_PG_REPLICA_DATA/standby.signal ]] || recovery=t
  wait_for_login "the PostgreSQL replica" "$(replica_pid)" "$replica_dir/server.log" replica_login "$recovery"
  ;;
replica:stop | replica:kill)
  pid=$(replica_pid)
  [[ -n $pid ]] || exit 0
  mode=fast
  [[ $2 == stop ]] || mode=immediate
  as_user postgres "$AM_PG_BIN/pg_ctl" -D "$AM_PG_REPLICA_DATA" -m "$mode" -w -t 30 stop >/dev/null || kill -KILL "$pid" || true
  wait_until_gone "$pid"
  ;;
replica:promote)
  # A failover: the standby becomes a primary on a new timeline. It does not wait for WAL the primary has
  # not sent yet; stop the primary first (its fast shutdown sends everything) for a failover that loses nothing.
  if [[ -n $(replica_pid) && ! -e $AM_PG_REPLICA_DATA/standby.signal ]]; then
    echo "the replica is already promoted"; exit 0
  fi
  as_user postgres "$AM_PG_BIN/pg_ctl" -D "$AM_PG_REPLICA_DATA" -w -t 30 promote >/dev/null ||
    { tail -n 20 "$replica_dir/server.log" >&2; exit 1; }
  # Done once it takes writes: clients that look for the primary (target_session_attrs) find it from then on.
  wait_for_login "the promoted replica" "$(replica_pid)" "$replica_dir/server.log" replica_login f
  ;;
pgbouncer:start)
  [[ -z $(bouncer_pid) ]] || ! alive "$(bouncer_pid)" || { echo "PgBouncer already runs"; exit 0; }
  require_free_port "$AM_PGBOUNCER_PORT" AM_PGBOUNCER_PORT
  as_user postgres pgbouncer -d "$bouncer_dir/pgbouncer.ini" >>"$bouncer_dir/start.log" 2>&1 ||
    { tail -n 20 "$bouncer_dir/pgbouncer.log" >&2; exit 1; }
  for _ in $(seq 1 50); do [[ -s $bouncer_dir/pgbouncer.pid ]] && break; sleep 0.1; done
  wait_for_login PgBouncer "$(bouncer_pid)" "$bouncer_dir/pgbouncer.log" bouncer_login
  ;;
pgbouncer:stop)
  pid=$(bouncer_pid)
  [[ -n $pid ]] && alive "$pid" || exit 0
  kill -INT "$pid" 2>/dev/null || true  # SIGINT: a fast shutdown
  wait_until_gone "$pid"
  ;;
galera:start | galera:stop | galera:kill)
  [[ ${3:-} =~ ^[123]$ ]] || { echo "usage: $0 galera start|stop|kill 1|2|3" >&2; exit 2; }
  source "$(dirname "${BASH_SOURCE[0]}")/galera.sh"
  "galera_$2" "$3"
  ;;
*)
  echo "usage: $0 postgres|mariadb start|stop|kill, replica start|stop|kill|promote, pgbouncer start|stop, galera start|stop|kill N" >&2
  exit 2
  ;;
esac
