// Better Auth's DDL statements in Kysely's exact text: lower-case keywords, the column modifier
// order of DefaultQueryCompiler.visitColumnDefinition, ", " between columns. Every identifier goes
// through the dialect's quote_identifier; values only through its literal functions.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::dialect {

// getType: the id type for a column named "id", the id type of the referenced key for a column
// referencing an "id", otherwise the dialect's type for the field.
std::string column_type(const SqlDialect& dialect, const schema::Schema& schema, const schema::SchemaTable& table,
                        const schema::Column& column);

// getDatabaseIndexStringLength: the bounded varchar length of a string column that belongs to
// table-level indexes on a byte-limited dialect; nullopt otherwise.
std::optional<int> index_string_length(const SqlDialect& dialect, const schema::SchemaTable& table,
                                       std::string_view column);

// A table as statements name it: "t", or "s"."t" when the schema names a PostgreSQL schema
// (database.schemaName).
std::string table_name(const SqlDialect& dialect, std::string_view schema_name, std::string_view table);

// database.schemaName on a database other than PostgreSQL: Better Auth's own refusal, kind config.
Result<void> check_schema_name(const schema::Schema& schema, config::Dialect kind);

// create table "t" ("id" ... primary key, <columns>)
std::string render_create_table(const SqlDialect& dialect, const schema::Schema& schema,
                                const schema::SchemaTable& table);

// alter table "t" add column <column>. Unlike CREATE TABLE, this path writes static literal
// defaults and never an inline unique (Better Auth creates a separate unique index instead).
std::string render_add_column(const SqlDialect& dialect, const schema::Schema& schema, const schema::SchemaTable& table,
                              const schema::Column& column);

// create [unique] index "name" on "t" ("a", "b"); the index name is never qualified (PostgreSQL
// puts an index in its table's schema).
std::string render_create_index(const SqlDialect& dialect, std::string_view name, std::string_view schema_name,
                                std::string_view table, const std::vector<std::string>& columns, bool unique);

// Better Auth's hasStaticColumnDefault: a string/number/boolean literal default, except on an
// optional unique column (its default would collide on the second row).
bool has_static_default(const schema::Field& field);
// hasTimestampColumnDefault: a date with a function default, on dialects (and releases) with a
// timestamp default.
bool has_timestamp_default(const SqlDialect& dialect, const schema::Field& field, const DdlRules& rules);
// A unique column added to an existing table is a separate unique index (1.7.0; and always on SQLite,
// which cannot ADD a UNIQUE column), else inline `unique`.
bool unique_added_as_index(const SqlDialect& dialect, const DdlRules& rules);

}  // namespace authmigrate::dialect
