#include <authmigrate/dialect/introspect.hpp>

#include <algorithm>

#include <authmigrate/dialect/ddl.hpp>

namespace authmigrate::dialect {

Result<LiveSchema> introspect(db::Connection& connection, std::string_view schema_name) {
  switch (connection.dialect()) {
    case config::Dialect::postgres:
      return introspect_postgres(connection, schema_name);
    case config::Dialect::mysql:
      return introspect_mysql(connection);
    case config::Dialect::sqlite:
      break;
  }
  return introspect_sqlite(connection);
}

LiveScope LiveScope::of(const schema::Schema& wanted) {
  LiveScope scope;
  for (const auto& table : wanted.tables) {
    scope.tables.push_back(table.name);
    for (const auto& index : table.indexes) scope.index_names.push_back(index.name);
  }
  return scope;
}

Result<LiveSchema> introspect(db::Connection& connection, std::string_view schema_name, const LiveScope& scope) {
  switch (connection.dialect()) {
    case config::Dialect::postgres:
      return introspect_postgres(connection, schema_name, scope);
    case config::Dialect::mysql:
      return introspect_mysql(connection, &scope);
    case config::Dialect::sqlite:
      break;
  }
  return introspect_sqlite(connection);
}

Result<bool> table_has_rows(db::Connection& connection, const SqlDialect& dialect, std::string_view schema_name,
                            std::string_view table) {
  auto result = connection.query("select 1 as " + dialect.quote_identifier("present") + " from " +
                                 table_name(dialect, schema_name, table) + " limit 1");
  if (!result) return fail(std::move(result.error()).within("probing table " + std::string(table) + " for rows"));
  return !result->rows.empty();
}

bool catalog_true(const db::Value& value) {
  if (!value) return false;
  return *value == "t" || *value == "1" || *value == "true" || *value == "TRUE";
}

void add_column(LiveSchema& schema, const std::string& table, LiveColumn column) {
  if (schema.tables.empty() || schema.tables.back().name != table) {
    auto it =
        std::find_if(schema.tables.begin(), schema.tables.end(), [&](const LiveTable& t) { return t.name == table; });
    if (it == schema.tables.end()) {
      schema.tables.push_back(LiveTable{table, {}});
    } else {
      it->columns.push_back(std::move(column));
      return;
    }
  }
  schema.tables.back().columns.push_back(std::move(column));
}

void add_index_column(LiveSchema& schema, const std::string& table, const std::string& index, const db::Value& column,
                      bool unique, bool valid_full) {
  auto it = std::find_if(schema.indexes.begin(), schema.indexes.end(),
                         [&](const LiveIndex& i) { return i.table == table && i.name == index; });
  if (it == schema.indexes.end()) {
    schema.indexes.push_back(LiveIndex{table, index, {}, unique, true});
    it = schema.indexes.end() - 1;
  }
  // An expression (no column name) or a prefix makes the index unusable as a configured one.
  if (column) {
    it->columns.push_back(*column);
  } else {
    valid_full = false;
  }
  it->valid_full_columns = it->valid_full_columns && valid_full;
}

}  // namespace authmigrate::dialect
