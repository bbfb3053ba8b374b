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
#include <authmigrate/repair/operation.hpp>

namespace authmigrate::repair {

// `changes`: drop_column, make_nullable, set_default on `table`. Indexes named in `dropped_indexes`
// (lower case) are not made again.
Result<std::vector<std::string>> sqlite_rebuild(db::Connection& connection, const dialect::SqlDialect& dialect,
                                                const std::string& table, const std::vector<Operation>& changes,
                                                const std::set<std::string>& dropped_indexes);

}  // namespace authmigrate::repair
