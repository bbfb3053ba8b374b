// A copy of the database taken before migrating, and putting it back when the deploy fails.
// PostgreSQL: pg_dump in custom format, restored with pg_restore --clean --if-exists.
// SQLite: SQLite's online backup API, both ways. MySQL/MariaDB: mysqldump, replayed with the client.
// Tables that the failed deploy created (absent from the copy) are dropped before the restore, so
// the schema and the rows end as they were. Backup files are created 0600 in a 0700 folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <authmigrate/config/database_url.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::backup {

struct BackupOptions {
  std::filesystem::path dir = ".authmigrate/backups";
  int keep = 0;             // keep the newest N backups of this database (0: keep all)
  std::string schema_name;  // PostgreSQL database.schemaName: its tables are the ones a restore checks
};

struct Backup {
  std::filesystem::path file;
  std::vector<std::string> tables_before;  // what existed when the copy was taken
  std::string schema_name;                 // where they were listed (empty: the current schema)
};

// Takes the copy; fails (kind io) when the dump fails or the disk is full, leaving no partial file.
Result<Backup> take_backup(const config::DatabaseUrl& url, db::Connection& connection, const BackupOptions& options,
                           report::Reporter& reporter);

// Puts the copy back over the database.
Result<void> restore_backup(const Backup& backup, const config::DatabaseUrl& url, db::Connection& connection,
                            report::Reporter& reporter);

// The name a backup of this database gets (without folder and time): host_port_database, or the
// SQLite file's name. Used to prune only this database's backups.
std::string backup_label(const config::DatabaseUrl& url);

}  // namespace authmigrate::backup
