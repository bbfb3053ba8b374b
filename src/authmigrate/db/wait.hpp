// Waiting for a database to accept a real login and answer SELECT 1, with backoff, until a deadline.
#pragma once

#include <memory>

#include <authmigrate/base/deadline.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::db {

// Returns the first connection that answered. Failures that waiting cannot fix (wrong password,
// no such database) return at once; when the deadline passes: kind `deadline` with the last reason.
Result<std::unique_ptr<Connection>> wait_for_database(const config::DatabaseUrl& url, SessionSettings settings,
                                                      const base::Deadline& deadline, report::Reporter& reporter);

}  // namespace authmigrate::db
