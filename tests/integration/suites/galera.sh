# shellcheck shell=bash
# A 3-node MariaDB Galera cluster on loopback (scripts/test-servers/start-galera.sh). GET_LOCK holds
# on one node only; authmigrate's lock on a Galera node is a row the cluster certifies. Three
# deployers, one per node, started at once, apply each file exactly once, and the schema is the same
# on every node afterwards.

export BETTER_AUTH_URL=https://app.example.com
suite_supports() { [ "$1" = mysql ]; }

: "${AUTHMIGRATE_TEST_GALERA_URLS:=}"

need_galera() {
  need_server AUTHMIGRATE_TEST_GALERA_URLS "Galera cluster" || return 1
  read -r -a NODES <<<"$AUTHMIGRATE_TEST_GALERA_URLS"
  [ "${#NODES[@]}" -eq 3 ] || fail "expected 3 Galera node URLs"
  # The test database, created on node 1 (DDL replicates to the others).
  node_sql 0 "" "CREATE DATABASE $DB_NAME"
  trap 'node_sql 0 "" "DROP DATABASE IF EXISTS $DB_NAME" >/dev/null 2>&1 || true' EXIT
}

# node_sql INDEX DATABASE STATEMENT -> rows, tab-separated
node_sql() {
  local url=${NODES[$1]}
  MYSQL_PWD=$(url_part "$url" password) mariadb --no-defaults -N -B -h "$(url_part "$url" host)" \
    -P "$(url_part "$url" port)" -u "$(url_part "$url" user)" ${2:+"$2"} -e "SET SESSION wsrep_sync_wait = 1; $3"
}
node_url() { echo "${NODES[$1]%/}/$DB_NAME"; }

# plant_lock NODE HOLDER EXPIRES: the lock row another deployer would have left, EXPIRES an SQL expression.
plant_lock() {
  node_sql "$1" "$DB_NAME" "CREATE TABLE authmigrate_lock (name VARCHAR(64) NOT NULL PRIMARY KEY, holder VARCHAR(255) NOT NULL,
    expires_at DATETIME(3) NOT NULL) ENGINE=InnoDB; INSERT INTO authmigrate_lock VALUES ('migrations', '$2', $3)"
}

schema_of_node() {
  node_sql "$1" "$DB_NAME" "SELECT table_name, column_name, column_type, is_nullable, column_key
    FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position"
}

test_three_deployers_one_per_node_apply_each_file_exactly_once() {
  need_galera
  printf '[better_auth]\nplugins = ["twoFactor"]\n' > authmigrate.toml
  migration 0001_counter.sql "CREATE TABLE counter (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL);"
  local i
  for i in $(seq -w 2 8); do
    migration "00${i}_step.sql" "CREATE TABLE step_$i (id INT PRIMARY KEY); INSERT INTO counter (n) VALUES ($i);"
  done
  for i in 0 1 2; do launch "d$i" deploy --url "$(node_url "$i")" --lock-timeout 120; done
  wait_launched
  expect_eq "$(cat "$WORK"/d?.out | grep -c "applied 0001_counter.sql")" 1 "deployers that applied the files"
  local reference
  reference=$(schema_of_node 0)
  [[ "$reference" == *twoFactor* ]] || fail "the Better Auth schema is there"
  for i in 0 1 2; do
    expect_eq "$(node_sql "$i" "$DB_NAME" "SELECT count(*) FROM counter")" 7 "counter rows on node $((i + 1))"
    expect_eq "$(node_sql "$i" "$DB_NAME" "SELECT count(*), count(DISTINCT version) FROM authmigrate_migrations")" \
      "8	8" "history on node $((i + 1))"
    expect_eq "$(schema_of_node "$i")" "$reference" "the schema on node $((i + 1))"
    expect_eq "$(node_sql "$i" "$DB_NAME" "SELECT count(*) FROM authmigrate_lock")" 0 "the lock row is gone on node $((i + 1))"
  done
}

test_a_deployer_on_another_node_waits_and_names_the_holder() {
  need_galera
  migration 0001_slow.sql "SELECT SLEEP(4);"
  migration 0002_after.sql "CREATE TABLE after_slow (id INT PRIMARY KEY);"
  "$AM_BIN" migrate --url "$(node_url 0)" >"$WORK/a.out" 2>"$WORK/a.err" &
  local holder=$!
  sleep 1.5
  am migrate --url "$(node_url 1)" --lock-timeout 60
  wait "$holder" || fail "the holder must finish"
  expect_rc 0
  expect_out "waiting for the migration lock (held by"
  expect_out "nothing to apply"
  expect_eq "$(node_sql 2 "$DB_NAME" "SELECT count(*) FROM authmigrate_migrations")" 2
}

test_an_expired_lock_of_a_dead_deployer_is_taken_over() {
  need_galera
  migration 0001_a.sql "CREATE TABLE a (id INT PRIMARY KEY);"
  plant_lock 1 "node2 connection 9 (dead)" "UTC_TIMESTAMP(3) - INTERVAL 1 SECOND"
  am migrate --url "$(node_url 2)" --lock-timeout 10
  expect_rc 0
  expect_err "the migration lock of node2 connection 9 (dead) had expired"
  expect_eq "$(node_sql 0 "$DB_NAME" "SELECT count(*) FROM a")" 0
}

test_a_live_lock_on_another_node_makes_a_deployer_time_out() {
  need_galera
  migration 0001_a.sql "CREATE TABLE a (id INT PRIMARY KEY);"
  plant_lock 0 "node1 connection 7 (busy)" "UTC_TIMESTAMP(3) + INTERVAL 1 HOUR"
  am migrate --url "$(node_url 1)" --lock-timeout 2
  expect_rc 4
  expect_out "held by node1 connection 7 (busy)"
  expect_eq "$(node_sql 2 "$DB_NAME" "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'a'")" 0
}

# A probe that fails for another reason than "unknown variable" (here a statement timeout, answered by a
# proxy in front of node 1) must stop the run: taken as "not Galera", it would get GET_LOCK, which holds
# on one node only, and apply the files while a deployer on another node could do the same.
test_a_failing_galera_probe_stops_the_run_instead_of_taking_a_one_node_lock() {
  need_galera
  migration 0001_a.sql "CREATE TABLE a (id INT PRIMARY KEY);"
  python3 "$AM_SOURCE_DIR/tests/integration/query_refuser.py" --to "$(url_part "${NODES[0]}" host):$(url_part "${NODES[0]}" port)" \
    --match "@@global.wsrep_on" --errno 1969 --sqlstate 70100 \
    --message "Query execution was interrupted (max_statement_time exceeded)" --port-file "$WORK/proxy.port" --lifetime 60 &
  local proxy=$!
  wait_for_line "$WORK/proxy.port" "" 50 || { kill "$proxy"; fail "the proxy did not start"; }
  local url="${NODES[0]%/}"
  url="${url%:*}:$(cat "$WORK/proxy.port")/$DB_NAME"
  am migrate --url "$url" --lock-timeout 10
  kill "$proxy" 2>/dev/null || true
  expect_rc 3
  expect_err "checking whether the server is a Galera node (SELECT @@global.wsrep_on): Query execution was interrupted (max_statement_time exceeded) [1969 70100]"
  expect_err "does not guess"
  expect_eq "$(node_sql 1 "$DB_NAME" "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'a'")" 0
}
