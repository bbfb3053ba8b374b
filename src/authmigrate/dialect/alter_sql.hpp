// The ALTER statements of repairs (repair/), one per change, for each database. `schema_name`
// (PostgreSQL database.schemaName) qualifies the tables and indexes they name. SQLite cannot drop a
// column's NOT NULL or give it a default in place: those changes go through sqlite_rebuild.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>

namespace authmigrate::dialect {

std::string drop_index_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                           std::string_view index);
std::string drop_column_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                            std::string_view column);
// `default_sql`: the default as SQL (a rendered literal).
std::string set_default_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                            std::string_view column, std::string_view default_sql);
std::string rename_column_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                              std::string_view column, std::string_view to);

// PostgreSQL and MySQL rename in place; SQLite, which has no ALTER INDEX, drops the index and makes it
// again as `to` over `columns` (the names they have once the renames before it ran).
std::vector<std::string> rename_index_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                                          std::string_view index, std::string_view to,
                                          const std::vector<std::string>& columns, bool unique);

// PostgreSQL: DROP NOT NULL. MySQL: MODIFY must restate the column, so its type, collation and default
// are read from the catalog first. Not for SQLite (sqlite_rebuild).
Result<std::string> make_nullable_sql(db::Connection& connection, const SqlDialect& d, std::string_view schema_name,
                                      std::string_view table, std::string_view column);

// The DEFAULT clause that restates a MySQL/MariaDB column's default as information_schema reports it
// (`column_default`, `extra`): MariaDB writes a literal quoted and the word NULL for none; MySQL 8
// writes a literal bare and marks an expression DEFAULT_GENERATED. Empty: no default.
std::string mysql_default_clause(const SqlDialect& d, const std::optional<std::string>& column_default,
                                 std::string_view extra, bool mariadb);

}  // namespace authmigrate::dialect
