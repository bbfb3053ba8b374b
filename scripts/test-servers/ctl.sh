#!/usr/bin/env bash
# Starts, stops (gracefully) or kills (SIGKILL, a crash) one throwaway test server, keeping its data,
# for fault-injection tests. The start-*.sh scripts create the server first.
# Usage: ctl.sh postgres|mariadb start|stop|kill
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
*)
  echo "usage: $0 postgres|mariadb start|stop|kill" >&2
  exit 2
  ;;
esac
