// Private to the planner: the table-level index part of getMigrations, which runs first and may
// refuse the whole plan.
#pragma once

#include <authmigrate/base/error.hpp>
#include <authmigrate/dialect/change_set.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::plan {

// Appends the missing table-level indexes of `table` to `changes.indexes_to_add`. An existing
// index of the same name must match exactly; a name used on another table (SQLite, PostgreSQL)
// or a key that could exceed MySQL's 3072 bytes on an existing table is refused.
Result<void> plan_table_indexes(const schema::SchemaTable& table, const dialect::LiveSchema& live,
                                const dialect::SqlDialect& dialect, dialect::ChangeSet& changes);

}  // namespace authmigrate::plan
