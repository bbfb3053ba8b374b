// Applies one migration file on its own: in a transaction of its own where the database allows, or,
// where DDL cannot roll back (MySQL, `-- authmigrate:no-transaction`), marked as started first.
#pragma once

#include <authmigrate/migrations/history_table.hpp>
#include <authmigrate/migrations/migration_script.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::migrations {

class FileApplier {
 public:
  FileApplier(db::Connection& connection, HistoryTable& history, std::string tool_version, report::Reporter& reporter)
      : m_db(connection), m_history(history), m_tool_version(std::move(tool_version)), m_reporter(reporter) {}

  // False (no error) when another runner applied the file first (SQLite, which has no lock).
  Result<bool> apply(const MigrationFile& file, const MigrationScript& script);
  // Outside any transaction, marked as started first.
  Result<bool> apply_with_marker(const MigrationFile& file, const MigrationScript& script);

  HistoryRow row_for(const MigrationFile& file, HistoryState state, long long ms) const;

  // apply(), with the outcome counted: its name in `applied`, or one more in `already_applied`.
  Result<void> apply_counted(const MigrationFile& file, const MigrationScript& script,
                             std::vector<std::string>& applied, size_t& already_applied);

 private:
  Result<bool> apply_in_transaction(const MigrationFile& file, const MigrationScript& script);
  Result<bool> applied_meanwhile(const MigrationFile& file);

  db::Connection& m_db;
  HistoryTable& m_history;
  std::string m_tool_version;
  report::Reporter& m_reporter;
};

// The "applied <file>" event.
void report_applied(report::Reporter& reporter, const MigrationFile& file, double ms);

}  // namespace authmigrate::migrations
