// SQLite's documented way to change a column it cannot alter (https://sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes"): create the new table, copy the rows, drop the old
// one, rename the new one, then make its indexes and triggers again. The caller runs the statements
// in one transaction with foreign_keys off and checks `PRAGMA foreign_key_check` before committing.
// The new table is written from the catalog (columns, primary key, foreign keys, unique
// constraints); a table with CHECK constraints, generated columns, WITHOUT ROWID or STRICT is
// refused rather than rebuilt without them.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>

namespace authmigrate::dialect {

// A change to one column that SQLite's ALTER TABLE cannot make.
struct SqliteColumnChange {
  enum class Kind { drop, make_nullable, set_default };
  Kind kind = Kind::make_nullable;
  std::string column;
  std::string default_sql;  // set_default: the default as SQL (a rendered literal)
};

// The statements that rebuild `table` with `changes`. Indexes named in `dropped_indexes` (lower case)
// are not made again. Errors (kind unsafe_change) name what the rebuild cannot carry.
Result<std::vector<std::string>> sqlite_rebuild(db::Connection& connection, const SqlDialect& dialect,
                                                const std::string& table,
                                                const std::vector<SqliteColumnChange>& changes,
                                                const std::set<std::string>& dropped_indexes);

// A default as CREATE TABLE must write it: keywords and literals bare, any other expression in
// parentheses (pragma table_info reports it without them). Exposed for its unit test.
std::string sqlite_default_clause(const std::string& sql);

}  // namespace authmigrate::dialect
