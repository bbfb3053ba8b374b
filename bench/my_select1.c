/* my_select1 HOST PORT USER DATABASE [SQL...]: the floor of a MariaDB/MySQL no-op. A bare Connector/C
 * client that logs in (password from MYSQL_PWD), runs SELECT 1 (or each SQL given, in order, each of which
 * must return rows) and disconnects; nothing a migration tool can do on an up-to-date database costs less
 * than SELECT 1, nor than the plainest reads of what it must check. Built by bench/startup.sh statically
 * against the same Connector/C as the release binary. */
#include <stdio.h>
#include <stdlib.h>

#include <mysql.h>

int main(int argc, char** argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: my_select1 HOST PORT USER DATABASE [SQL...] (password in MYSQL_PWD)\n");
    return 2;
  }
  MYSQL* conn = mysql_init(NULL);
  const char* password = getenv("MYSQL_PWD");
  if (!mysql_real_connect(conn, argv[1], argv[3], password, argv[4], (unsigned)atoi(argv[2]), NULL, 0)) {
    fprintf(stderr, "my_select1: %s\n", mysql_error(conn));
    mysql_close(conn);
    return 3;
  }
  int ok = 1;
  for (int i = 5; ok && i < (argc > 5 ? argc : 6); ++i) {
    const char* sql = argc > 5 ? argv[i] : "SELECT 1";
    ok = mysql_query(conn, sql) == 0;
    if (ok) {
      MYSQL_RES* res = mysql_store_result(conn);
      ok = res != NULL && mysql_num_rows(res) > 0;
      mysql_free_result(res);
    }
    if (!ok) fprintf(stderr, "my_select1: %s: %s\n", sql, mysql_error(conn));
  }
  mysql_close(conn);
  return ok ? 0 : 1;
}
