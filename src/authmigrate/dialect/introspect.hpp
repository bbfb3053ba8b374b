// Reading the live schema through a db::Connection, with the catalog queries Better Auth 1.7.25
// uses per database, so that both tools see the same tables, columns and indexes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::dialect {

// Tables of the current schema (PostgreSQL: `schema_name` when given, as database.schemaName,
// else current_schema(); MySQL: DATABASE(); SQLite: main), their columns in order, and their indexes.
Result<LiveSchema> introspect(db::Connection& connection, std::string_view schema_name = {});

// What a plan for a wanted schema looks at: its tables, with their columns and indexes, and the names of
// the indexes it wants (schema-wide in PostgreSQL: one of those names on another table stops a CREATE).
// Introspection limited to it reads a few tables instead of the schema, which is most of a no-op's cost.
struct LiveScope {
  std::vector<std::string> tables;
  std::vector<std::string> index_names;

  static LiveScope of(const schema::Schema& wanted);
};

// introspect(), reading only `scope` on PostgreSQL and MySQL: the tables it names (other tables are
// absent from the result), and an index of a wanted name only where its table lacks it. SQLite reads
// everything: a table of another case can stand in the way there (sqlite_case_clash), and it is cheap.
Result<LiveSchema> introspect(db::Connection& connection, std::string_view schema_name, const LiveScope& scope);

Result<LiveSchema> introspect_postgres(db::Connection& connection, std::string_view schema_name);
Result<LiveSchema> introspect_postgres(db::Connection& connection, std::string_view schema_name,
                                       const LiveScope& scope);
Result<LiveSchema> introspect_sqlite(db::Connection& connection);
Result<LiveSchema> introspect_mysql(db::Connection& connection, const LiveScope* scope = nullptr);

// PostgreSQL tables as Better Auth's runtime check finds them (indexes are not read): each name
// resolved through the whole search path (`current_schemas(true)`, first schema that holds it,
// views and foreign tables too), not only the current schema; with a schema name, that schema's
// tables, views and foreign tables only. Other dialects: introspect().
Result<LiveSchema> introspect_visible_tables(db::Connection& connection, std::string_view schema_name = {});
// The same for `scope`'s tables only, each name looked up as an unqualified name in a statement is.
Result<LiveSchema> introspect_visible_tables(db::Connection& connection, std::string_view schema_name,
                                             const LiveScope& scope);

// `select 1 as "present" from "t" limit 1`: whether the table holds a row.
Result<bool> table_has_rows(db::Connection& connection, const SqlDialect& dialect, std::string_view schema_name,
                            std::string_view table);

// Catalog booleans arrive as text: "t"/"f" (PostgreSQL), "1"/"0" (SQLite, MySQL), "true".
bool catalog_true(const db::Value& value);

// Groups (table, column...) rows, in row order, into tables; shared by the introspectors.
void add_column(LiveSchema& schema, const std::string& table, LiveColumn column);
// Adds one key column (at `position`, 1-based or 0-based as the catalog counts) to an index.
void add_index_column(LiveSchema& schema, const std::string& table, const std::string& index, const db::Value& column,
                      bool unique, bool valid_full);

}  // namespace authmigrate::dialect
