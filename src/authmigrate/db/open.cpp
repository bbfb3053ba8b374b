#include <authmigrate/db/open.hpp>

namespace authmigrate::db {

Result<std::unique_ptr<Connection>> open_connection(const config::DatabaseUrl& url, const SessionSettings& settings) {
  switch (url.dialect) {
    case Dialect::postgres:
      return open_postgres(url, settings);
    case Dialect::sqlite:
      return open_sqlite(url, settings);
    case Dialect::mysql:
      return open_mysql(url, settings);
  }
  return fail(ErrorKind::internal, "unknown dialect");
}

}  // namespace authmigrate::db
