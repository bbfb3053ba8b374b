#!/usr/bin/env bash
# Stops the throwaway servers the start-*.sh scripts started in $AM_SERVERS_DIR and removes their files.
# Safe to run twice, or when nothing runs.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/lib.sh"

status=0
bash "$here/ctl.sh" pgbouncer stop || status=1
bash "$here/ctl.sh" replica stop || status=1
for n in 3 2 1; do bash "$here/ctl.sh" galera stop "$n" || status=1; done
bash "$here/ctl.sh" postgres stop || status=1
bash "$here/ctl.sh" mariadb stop || status=1
# The test CA too (tls.sh): with it left behind, the state dir itself would stay.
rm -rf "$pg_dir" "$my_dir" "$bouncer_dir" "$replica_dir" "$galera_dir" "$(dirname "$AM_TEST_CA_FILE")"
rmdir "$AM_SERVERS_DIR" 2>/dev/null || true
exit $status
