// The history table, `authmigrate_migrations`: one row per migration that ran (or, where DDL cannot
// roll back, that started), with the checksum of the file as it was applied. It lives in the schema
// (PostgreSQL) or database (MySQL) the session starts in, found by the first call and named in full
// from then on, so that a migration that changes search_path cannot move it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <authmigrate/db/connection.hpp>

namespace authmigrate::migrations {

inline constexpr std::string_view k_history_table = "authmigrate_migrations";

enum class HistoryState { applied, started, failed };

struct HistoryRow {
  std::string version;
  std::string file_name;
  std::string checksum;
  HistoryState state = HistoryState::applied;
  std::string applied_at;
  long long execution_ms = 0;
  std::string applied_by;
};

class HistoryTable {
 public:
  explicit HistoryTable(db::Connection& connection) : m_db(connection) {}

  Result<bool> exists();
  // No DDL when the table is there (a no-op run changes nothing, and on Galera a CREATE ... IF NOT EXISTS
  // would still replicate as a schema change); CREATE TABLE IF NOT EXISTS otherwise.
  Result<void> create_if_missing();
  // All rows, by version. An absent table reads as empty.
  Result<std::vector<HistoryRow>> load();
  std::optional<HistoryRow> find(const std::vector<HistoryRow>& rows, const std::string& version) const;

  Result<void> insert(const HistoryRow& row);
  Result<void> mark_applied(const std::string& version, const std::string& checksum, long long execution_ms);
  Result<void> mark_failed(const std::string& version);
  Result<void> remove(const std::string& version);

 private:
  // The schema it lives in, looked up once; SQLite: main.
  Result<std::string> schema();
  // Its qualified, quoted name.
  Result<std::string> table();

  db::Connection& m_db;
  std::string m_schema;
  bool m_present = false;  // seen or created by this object: no second probe
};

std::string_view to_string(HistoryState state);

}  // namespace authmigrate::migrations
