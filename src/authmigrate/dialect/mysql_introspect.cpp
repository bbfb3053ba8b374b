// MySQL/MariaDB: information_schema in DATABASE(), as Kysely's MysqlIntrospector and Better
// Auth's index and column-bound queries read it. The schema is named by a literal (the driver inlines the
// parameter), never by database(): only then does MariaDB read one database's tables instead of opening
// every table of the server, and a join of columns with tables made it open each table besides (5-35 ms
// of a no-op; bench/README.md).
#include <authmigrate/dialect/introspect.hpp>

#include <string>

namespace authmigrate::dialect {

namespace {

// "($2, $3, ...)" over the scope's tables, whose names are appended to `params`; empty without a scope.
// Literal table names, like the literal schema, let the server open only those tables.
std::string scope_list(const LiveScope* scope, std::vector<db::Value>& params) {
  if (!scope) return {};
  std::string list;
  for (const auto& table : scope->tables) {
    params.push_back(table);
    list += (list.empty() ? "($" : ", $") + std::to_string(params.size());
  }
  return list + ")";
}

}  // namespace

Result<LiveSchema> introspect_mysql(db::Connection& connection, const LiveScope* scope) {
  if (scope && scope->tables.empty()) return LiveSchema{};
  auto database = connection.session_schema();
  if (!database) return fail(std::move(database.error()).within("reading the MySQL database name"));
  if (database->empty()) return LiveSchema{};  // no database selected: no tables
  std::vector<db::Value> schema_name{*database};
  const std::string tables = scope_list(scope, schema_name);
  auto in_scope = [&](std::string_view column) {
    return tables.empty() ? std::string() : " and " + std::string(column) + " in " + tables;
  };
  auto columns = connection.query(
      "select c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default is not null, "
      "c.extra like '%auto_increment%', c.character_octet_length "
      "from information_schema.columns as c where c.table_schema = $1" +
          in_scope("c.table_name") +
          " and c.table_name in "
          "(select t.table_name from information_schema.tables as t where t.table_schema = $1 "
          "and t.table_type = 'BASE TABLE'" +
          in_scope("t.table_name") + ") order by c.table_name, c.ordinal_position",
      schema_name);
  if (!columns) return fail(std::move(columns.error()).within("reading MySQL columns"));
  LiveSchema schema;
  for (const auto& row : columns->rows) {
    LiveColumn column;
    column.name = row[1].value_or("");
    column.data_type = row[2].value_or("");
    column.nullable = row[3].value_or("") == "YES";
    column.has_default = catalog_true(row[4]) || catalog_true(row[5]);
    if (row[6]) column.max_index_bytes = std::stoll(*row[6]);
    add_column(schema, row[0].value_or(""), std::move(column));
  }
  auto indexes = connection.query(
      "select table_name, index_name, column_name, non_unique, sub_part is null "
      "from information_schema.statistics where table_schema = $1" +
          in_scope("table_name") + " order by table_name, index_name, seq_in_index",
      schema_name);
  if (!indexes) return fail(std::move(indexes.error()).within("reading MySQL indexes"));
  for (const auto& row : indexes->rows)
    add_index_column(schema, row[0].value_or(""), row[1].value_or(""), row[2], !catalog_true(row[3]),
                     catalog_true(row[4]));
  return schema;
}

}  // namespace authmigrate::dialect
