// Before the lock and before a backup: the database must be the one that takes writes. A replica
// refused here costs nothing; found half-way, it leaves a failed run behind.
#pragma once

#include <authmigrate/config/database_url.hpp>
#include <authmigrate/db/connection.hpp>

namespace authmigrate::topology {

// Kind read_only (exit 3), naming the URL (redacted) and what the server said.
Result<void> require_writable(db::Connection& connection, const config::DatabaseUrl& url);

}  // namespace authmigrate::topology
