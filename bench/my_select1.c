/* my_select1 HOST PORT USER DATABASE: the floor of a MariaDB/MySQL no-op. A bare Connector/C client that
 * logs in (password from MYSQL_PWD), runs SELECT 1 and disconnects; nothing a migration tool can do on an
 * up-to-date database costs less. Built by bench/startup.sh statically against the same Connector/C as the
 * release binary. */
#include <stdio.h>
#include <stdlib.h>

#include <mysql.h>

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: my_select1 HOST PORT USER DATABASE (password in MYSQL_PWD)\n");
    return 2;
  }
  MYSQL* conn = mysql_init(NULL);
  const char* password = getenv("MYSQL_PWD");
  if (!mysql_real_connect(conn, argv[1], argv[3], password, argv[4], (unsigned)atoi(argv[2]), NULL, 0)) {
    fprintf(stderr, "my_select1: %s\n", mysql_error(conn));
    mysql_close(conn);
    return 3;
  }
  int ok = mysql_query(conn, "SELECT 1") == 0;
  if (ok) {
    MYSQL_RES* res = mysql_store_result(conn);
    ok = res != NULL;
    mysql_free_result(res);
  }
  if (!ok) fprintf(stderr, "my_select1: %s\n", mysql_error(conn));
  mysql_close(conn);
  return ok ? 0 : 1;
}
