// Runs the statements of one migration file and turns a failure into an error that names the file,
// the statement and its line, with the server's own message.
#pragma once

#include <authmigrate/db/connection.hpp>
#include <authmigrate/migrations/migration_file.hpp>
#include <authmigrate/migrations/migration_script.hpp>

namespace authmigrate::migrations {

struct ExecutionProgress {
  size_t statements_done = 0;  // statements that succeeded before the failure
};

// Runs `script` (read from `file` by read_script), then resets the session if the file changed it,
// so that the next file, the history table and the schema sync see the session as it was.
Result<void> execute_file(db::Connection& connection, const MigrationFile& file, const MigrationScript& script,
                          ExecutionProgress& progress);

}  // namespace authmigrate::migrations
