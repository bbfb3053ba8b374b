# wait: retries what can heal, fails fast on what cannot, and gives up at the deadline.

suite_supports() { [ "$1" != sqlite ]; }

closed_port_url() {
  case $DB_KIND in
    postgres) echo "postgres://someone:Cl0sedP0rtPw@127.0.0.1:1/db" ;;
    mysql) echo "mysql://someone:Cl0sedP0rtPw@127.0.0.1:1/db" ;;
  esac
}

test_closed_port_times_out_with_exit_3() {
  local start end
  start=$(date +%s)
  DB_PASSWORD=Cl0sedP0rtPw am wait --url "$(closed_port_url)" --timeout 2
  end=$(date +%s)
  expect_rc 3
  expect_err "not ready after"
  [ $((end - start)) -ge 1 ] && [ $((end - start)) -le 10 ] || fail "took $((end - start)) s for a 2 s deadline"
}

# A --timeout is honoured to its end: the backoff's last pause is cut to end at the deadline, and one
# more attempt is made there, instead of giving up when the next full pause would pass it (it used to
# give up after 1.5 s of a 3 s deadline). Only a lower bound: it can never be right to stop early.
test_timeout_is_honoured_to_the_end() {
  local start end
  start=$(date +%s%N)
  DB_PASSWORD=Cl0sedP0rtPw am wait --url "$(closed_port_url)" --timeout 3
  end=$(date +%s%N)
  expect_rc 3
  local ms=$(((end - start) / 1000000))
  [ "$ms" -ge 2950 ] || fail "gave up after $ms ms of a 3 s deadline"
  expect_err "not ready after 3."
  BETTER_AUTH_URL=https://app.example.test DB_PASSWORD=Cl0sedP0rtPw am deploy --url "$(closed_port_url)" --wait-timeout 3
  expect_rc 3
  expect_err "not ready after 3."
}

test_ready_database_answers_at_once() {
  am wait --url "$DB_URL" --timeout 10
  expect_rc 0
  expect_out "is ready"
}

test_wrong_password_fails_fast_without_retrying() {
  local bad start end
  bad=$(python3 -c 'import sys; u=sys.argv[1]; i=u.index("://")+3; j=u.rindex("@"); k=u.index(":", i); print(u[:k+1]+"Wr0ngPassw0rd"+u[j:])' "$DB_URL")
  start=$(date +%s)
  DB_PASSWORD=Wr0ngPassw0rd am wait --url "$bad" --timeout 30
  end=$(date +%s)
  expect_rc 3
  [ $((end - start)) -le 5 ] || fail "a wrong password must not be retried until the deadline"
  case $DB_KIND in
    postgres) expect_err "password authentication failed" ;;
    mysql) expect_err "Access denied" ;;
  esac
  am migrate --url "$bad"
  expect_rc 3
}

test_missing_database_fails_fast() {
  local url="${DB_URL%/*}/no_such_db_here"
  am wait --url "$url" --timeout 30
  expect_rc 3
  expect_err "no_such_db_here"
}
