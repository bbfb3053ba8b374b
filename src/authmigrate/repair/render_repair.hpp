// A repair's operations as statements for one database. PostgreSQL and MySQL alter in place;
// SQLite, which cannot drop NOT NULL or add a default to a column, rebuilds the table
// (dialect/sqlite_rebuild.hpp). MySQL's MODIFY restates the column's type and collation from the catalog.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/repair/operation.hpp>

namespace authmigrate::repair {

// `schema_name` (PostgreSQL database.schemaName) qualifies every table and index the statements name.
Result<std::vector<std::string>> render_repair(db::Connection& connection, const dialect::SqlDialect& dialect,
                                               const std::string& schema_name, const dialect::LiveSchema& live,
                                               const std::vector<Operation>& operations);

}  // namespace authmigrate::repair
