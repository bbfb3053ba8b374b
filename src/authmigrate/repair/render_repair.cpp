#include <authmigrate/repair/render_repair.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/repair/sqlite_rebuild.hpp>

namespace authmigrate::repair {

namespace {

using Kind = Operation::Kind;

// MODIFY must restate the column: its type and collation (and default) from information_schema.
Result<std::string> mysql_column_definition(db::Connection& connection, const dialect::SqlDialect& d,
                                            const Operation& op) {
  auto rows = connection.query(
      "select column_type, collation_name, column_default from information_schema.columns "
      "where table_schema = database() and table_name = $1 and column_name = $2",
      {op.table, op.name});
  if (!rows) return fail(std::move(rows.error()).within(fmt::format("reading the definition of {}.{}", op.table, op.name)));
  if (rows->rows.empty()) return fail(Error(ErrorKind::unsafe_change, fmt::format("no column {}.{}", op.table, op.name)));
  const auto& row = rows->rows[0];
  std::string definition = d.quote_identifier(op.name) + " " + row[0].value_or("text");
  if (row[1]) definition += " collate " + *row[1];
  definition += " null";
  if (row[2] && *row[2] != "NULL") definition += " default " + *row[2];
  return definition;
}

Result<std::string> render_in_place(db::Connection& connection, const dialect::SqlDialect& d,
                                    const std::string& schema_name, const Operation& op) {
  bool mysql = d.kind() == config::Dialect::mysql;
  std::string table = dialect::table_name(d, schema_name, op.table), name = d.quote_identifier(op.name),
              to = d.quote_identifier(op.to), index = dialect::table_name(d, schema_name, op.name);
  switch (op.kind) {
    case Kind::drop_index:
      return mysql ? fmt::format("alter table {} drop index {}", table, name) : "drop index if exists " + index;
    case Kind::drop_column: return fmt::format("alter table {} drop column {}", table, name);
    case Kind::make_nullable: {
      if (!mysql) return fmt::format("alter table {} alter column {} drop not null", table, name);
      auto definition = mysql_column_definition(connection, d, op);
      if (!definition) return fail(std::move(definition.error()));
      return fmt::format("alter table {} modify column {}", table, *definition);
    }
    case Kind::set_default: return fmt::format("alter table {} alter column {} set default {}", table, name, op.to);
    case Kind::rename_column: return fmt::format("alter table {} rename column {} to {}", table, name, to);
    case Kind::rename_index:
      return mysql ? fmt::format("alter table {} rename index {} to {}", table, name, to)
                   : fmt::format("alter index {} rename to {}", index, to);
  }
  return fail(Error(ErrorKind::internal, "unknown repair operation"));
}

// SQLite has no ALTER INDEX: the index is made again under its new name, over the renamed columns.
std::vector<std::string> sqlite_rename_index(const dialect::SqlDialect& d, const dialect::LiveSchema& live,
                                             const std::vector<Operation>& operations, const Operation& op) {
  std::vector<std::string> columns;
  bool unique = false;
  for (const auto& index : live.indexes) {
    if (lower(index.name) != lower(op.name)) continue;
    columns = index.columns;
    unique = index.unique;
  }
  for (auto& column : columns)
    for (const auto& rename : operations)
      if (rename.kind == Kind::rename_column && rename.table == op.table && rename.name == column) column = rename.to;
  return {"drop index " + d.quote_identifier(op.name), dialect::render_create_index(d, op.to, "", op.table, columns, unique)};
}

Result<std::vector<std::string>> render_sqlite(db::Connection& connection, const dialect::SqlDialect& d,
                                               const dialect::LiveSchema& live, const std::vector<Operation>& operations) {
  std::vector<std::string> statements;
  std::set<std::string> dropped_indexes;
  std::map<std::string, std::vector<Operation>> rebuilds;  // table -> its column changes
  std::vector<std::string> rebuild_order;
  for (const auto& op : operations) {
    if (op.kind == Kind::drop_index) {
      statements.push_back("drop index if exists " + d.quote_identifier(op.name));
      dropped_indexes.insert(lower(op.name));
    } else if (op.kind == Kind::drop_column || op.kind == Kind::make_nullable || op.kind == Kind::set_default) {
      if (!rebuilds.count(op.table)) rebuild_order.push_back(op.table);
      rebuilds[op.table].push_back(op);
    }
  }
  for (const auto& table : rebuild_order) {
    auto rebuilt = sqlite_rebuild(connection, d, table, rebuilds[table], dropped_indexes);
    if (!rebuilt) return fail(std::move(rebuilt.error()));
    statements.insert(statements.end(), rebuilt->begin(), rebuilt->end());
  }
  for (const auto& op : operations) {
    if (op.kind == Kind::rename_column)
      statements.push_back(fmt::format("alter table {} rename column {} to {}", d.quote_identifier(op.table),
                                       d.quote_identifier(op.name), d.quote_identifier(op.to)));
    if (op.kind == Kind::rename_index) {
      auto made = sqlite_rename_index(d, live, operations, op);
      statements.insert(statements.end(), made.begin(), made.end());
    }
  }
  return statements;
}

}  // namespace

Result<std::vector<std::string>> render_repair(db::Connection& connection, const dialect::SqlDialect& d,
                                               const std::string& schema_name, const dialect::LiveSchema& live,
                                               const std::vector<Operation>& operations) {
  if (d.kind() == config::Dialect::sqlite) return render_sqlite(connection, d, live, operations);
  std::vector<std::string> statements;
  for (const auto& op : operations) {
    auto statement = render_in_place(connection, d, schema_name, op);
    if (!statement) return fail(std::move(statement.error()));
    statements.push_back(std::move(*statement));
  }
  return statements;
}

}  // namespace authmigrate::repair
