/* pg_select1 URL: the floor of a PostgreSQL no-op. A bare libpq client that logs in with URL, runs
 * SELECT 1 and disconnects; nothing a migration tool can do on an up-to-date database costs less.
 * Built by bench/startup.sh twice: statically against the same libpq as the release binary, and
 * dynamically against Debian's libpq5. */
#include <stdio.h>

#include <libpq-fe.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: pg_select1 URL\n");
    return 2;
  }
  PGconn* conn = PQconnectdb(argv[1]);
  if (PQstatus(conn) != CONNECTION_OK) {
    fprintf(stderr, "pg_select1: %s", PQerrorMessage(conn));
    PQfinish(conn);
    return 3;
  }
  PGresult* res = PQexec(conn, "SELECT 1");
  int ok = PQresultStatus(res) == PGRES_TUPLES_OK;
  if (!ok) fprintf(stderr, "pg_select1: %s", PQerrorMessage(conn));
  PQclear(res);
  PQfinish(conn);
  return ok ? 0 : 1;
}
