// Opens a connection for a parsed URL, choosing the driver by dialect.
#pragma once

#include <memory>

#include <authmigrate/db/connection.hpp>

namespace authmigrate::db {

// Connection failures come back with kind `unreachable`; Error::transient says whether trying
// again can help (the server is not up yet) or not (wrong password, no such database).
Result<std::unique_ptr<Connection>> open_connection(const config::DatabaseUrl& url, const SessionSettings& settings);

Result<std::unique_ptr<Connection>> open_postgres(const config::DatabaseUrl& url, const SessionSettings& settings);
Result<std::unique_ptr<Connection>> open_sqlite(const config::DatabaseUrl& url, const SessionSettings& settings);
Result<std::unique_ptr<Connection>> open_mysql(const config::DatabaseUrl& url, const SessionSettings& settings);

}  // namespace authmigrate::db
