// What a database holds, as introspection reports it: tables with their columns, and indexes.
// The planner compares it with the wanted schema; the introspectors (one per dialect) fill it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/config/database_url.hpp>

namespace authmigrate::dialect {

struct LiveColumn {
  std::string name;
  std::string data_type;  // as the catalog names it: "text", "timestamptz", "varchar(255)", "INTEGER"
  bool nullable = true;
  bool has_default = false;  // a DEFAULT, or an identity / auto-increment column
  // MySQL only: character_octet_length as MySQL reports it (65535 for text), the bytes the column
  // can put into an index key; nullopt when not reported.
  std::optional<long long> max_index_bytes;
};

struct LiveTable {
  std::string name;
  std::vector<LiveColumn> columns;

  const LiveColumn* find(std::string_view column) const;
};

struct LiveIndex {
  std::string table;
  std::string name;
  std::vector<std::string> columns;  // key columns in order; empty names for expressions are dropped
  bool unique = false;
  // Valid, not partial, and no column is an expression or a prefix: only such an index can stand
  // for a configured one.
  bool valid_full_columns = true;
};

struct LiveSchema {
  std::vector<LiveTable> tables;
  std::vector<LiveIndex> indexes;

  const LiveTable* find(std::string_view table) const;
};

// SQLite compares table names without regard to case: the live table that keeps `table` (absent from
// `live` as spelt) from being created, e.g. the app's own `apiKey` for Better Auth's `apikey`. nullptr on
// the other databases, and when there is none.
const LiveTable* sqlite_case_clash(const LiveSchema& live, std::string_view table, config::Dialect dialect);

// That clash as an error (kind config) naming both tables and the way out (model_name).
Error case_clash_error(std::string_view wanted, std::string_view existing);

}  // namespace authmigrate::dialect
