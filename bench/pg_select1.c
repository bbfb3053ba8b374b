/* pg_select1 URL [SQL...]: the floor of a PostgreSQL no-op. A bare libpq client that logs in with URL, runs
 * SELECT 1 (or each SQL given, in order, each of which must return rows) and disconnects; nothing a
 * migration tool can do on an up-to-date database costs less than SELECT 1, nor than the plainest reads of
 * what it must check. Built by bench/startup.sh twice: statically against the same libpq as the release
 * binary, and dynamically against Debian's libpq5. */
#include <stdio.h>

#include <libpq-fe.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: pg_select1 URL [SQL...]\n");
    return 2;
  }
  PGconn* conn = PQconnectdb(argv[1]);
  if (PQstatus(conn) != CONNECTION_OK) {
    fprintf(stderr, "pg_select1: %s", PQerrorMessage(conn));
    PQfinish(conn);
    return 3;
  }
  int ok = 1;
  for (int i = 2; ok && i < (argc > 2 ? argc : 3); ++i) {
    PGresult* res = PQexec(conn, argc > 2 ? argv[i] : "SELECT 1");
    ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0;
    if (!ok) fprintf(stderr, "pg_select1: %s: %s", argc > 2 ? argv[i] : "SELECT 1", PQerrorMessage(conn));
    PQclear(res);
  }
  PQfinish(conn);
  return ok ? 0 : 1;
}
