// Runs the statements of one migration file and turns a failure into an error that names the file,
// the statement and its line, with the server's own message.
#pragma once

#include <authmigrate/db/connection.hpp>
#include <authmigrate/migrations/migration_file.hpp>

namespace authmigrate::migrations {

struct ExecutionProgress {
  size_t statements_done = 0;  // statements that succeeded before the failure
};

Result<void> execute_file(db::Connection& connection, const MigrationFile& file, ExecutionProgress& progress);

}  // namespace authmigrate::migrations
