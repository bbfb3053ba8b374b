// What a migration file asks of the runner, read before anything runs: its statements, whether its
// own BEGIN ... COMMIT wraps it (the runner's transaction takes their place), whether it changes
// session settings (the session is reset after it), and what cannot run in a migration at all.
#pragma once

#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/migrations/migration_file.hpp>
#include <authmigrate/migrations/sql_splitter.hpp>

namespace authmigrate::migrations {

struct MigrationScript {
  std::vector<SqlStatement> statements;  // without a wrapping BEGIN and COMMIT
  bool own_transaction_removed = false;  // the file's BEGIN ... COMMIT wrapped it whole
  bool changes_session = false;          // SET, RESET or set_config() at the top level of the file
};

// Refuses (ErrorKind::migration_files, every problem of the file listed with its line): client
// commands (psql's \connect, \set, \i ...; sqlite3's .commands), statements that leave the database
// (USE, CREATE DATABASE), and, in a file that runs in authmigrate's transaction, transaction control
// other than one BEGIN ... COMMIT around the whole file. psql's \restrict / \unrestrict, which pg_dump
// writes around every dump so that psql runs no meta-command in between, are accepted: authmigrate
// runs none at all.
Result<MigrationScript> read_script(const MigrationFile& file, config::Dialect dialect);

}  // namespace authmigrate::migrations
