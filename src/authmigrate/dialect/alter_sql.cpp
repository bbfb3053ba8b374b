#include <authmigrate/dialect/alter_sql.hpp>

#include <fmt/format.h>

#include <authmigrate/dialect/ddl.hpp>

namespace authmigrate::dialect {

namespace {

bool is_mysql(const SqlDialect& d) { return d.kind() == config::Dialect::mysql; }

}  // namespace

std::string drop_index_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                           std::string_view index) {
  if (is_mysql(d))
    return fmt::format("alter table {} drop index {}", table_name(d, schema_name, table), d.quote_identifier(index));
  return "drop index if exists " + table_name(d, schema_name, index);
}

std::string drop_column_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                            std::string_view column) {
  return fmt::format("alter table {} drop column {}", table_name(d, schema_name, table), d.quote_identifier(column));
}

std::string set_default_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                            std::string_view column, std::string_view default_sql) {
  return fmt::format("alter table {} alter column {} set default {}", table_name(d, schema_name, table),
                     d.quote_identifier(column), default_sql);
}

std::string rename_column_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                              std::string_view column, std::string_view to) {
  return fmt::format("alter table {} rename column {} to {}", table_name(d, schema_name, table),
                     d.quote_identifier(column), d.quote_identifier(to));
}

std::vector<std::string> rename_index_sql(const SqlDialect& d, std::string_view schema_name, std::string_view table,
                                          std::string_view index, std::string_view to,
                                          const std::vector<std::string>& columns, bool unique) {
  switch (d.kind()) {
    case config::Dialect::mysql:
      return {fmt::format("alter table {} rename index {} to {}", table_name(d, schema_name, table),
                          d.quote_identifier(index), d.quote_identifier(to))};
    case config::Dialect::sqlite:
      return {"drop index " + d.quote_identifier(index), render_create_index(d, to, "", table, columns, unique)};
    case config::Dialect::postgres:
      break;
  }
  return {fmt::format("alter index {} rename to {}", table_name(d, schema_name, index), d.quote_identifier(to))};
}

std::string mysql_default_clause(const SqlDialect& d, const std::optional<std::string>& column_default,
                                 std::string_view extra, bool mariadb) {
  if (!column_default) return "";
  if (mariadb) return *column_default == "NULL" ? "" : " default " + *column_default;
  if (extra.find("DEFAULT_GENERATED") != std::string_view::npos) return " default (" + *column_default + ")";
  return " default " + d.string_literal(*column_default);
}

Result<std::string> make_nullable_sql(db::Connection& connection, const SqlDialect& d, std::string_view schema_name,
                                      std::string_view table, std::string_view column) {
  if (!is_mysql(d))
    return fmt::format("alter table {} alter column {} drop not null", table_name(d, schema_name, table),
                       d.quote_identifier(column));
  auto rows = connection.query(
      "select column_type, collation_name, column_default, extra, version() like '%MariaDB%' "
      "from information_schema.columns where table_schema = database() and table_name = $1 and column_name = $2",
      {std::string(table), std::string(column)});
  if (!rows) return fail(std::move(rows.error()).within(fmt::format("reading the definition of {}.{}", table, column)));
  if (rows->rows.empty()) return fail(Error(ErrorKind::unsafe_change, fmt::format("no column {}.{}", table, column)));
  const auto& row = rows->rows[0];
  std::string definition = d.quote_identifier(column) + " " + row[0].value_or("text");
  if (row[1]) definition += " collate " + *row[1];
  definition += " null" + mysql_default_clause(d, row[2], row[3].value_or(""), row[4].value_or("0") == "1");
  return fmt::format("alter table {} modify column {}", table_name(d, schema_name, table), definition);
}

}  // namespace authmigrate::dialect
