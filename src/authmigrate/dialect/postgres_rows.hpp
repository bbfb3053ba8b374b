// Private to the PostgreSQL introspectors: rows of (table, column, type, nullable, has default,
// auto-increment, ...) added to a LiveSchema, grouped by table in row order.
#pragma once

#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/live_schema.hpp>

namespace authmigrate::dialect {

void add_postgres_columns(LiveSchema& schema, const db::QueryResult& rows);

}  // namespace authmigrate::dialect
