#include <authmigrate/repair/render_repair.hpp>

#include <map>
#include <set>

#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/alter_sql.hpp>
#include <authmigrate/dialect/sqlite_rebuild.hpp>

namespace authmigrate::repair {

namespace {

using Kind = Operation::Kind;

// The columns of the index `op` renames, as they are named once the column renames before it ran.
std::vector<std::string> index_columns(const dialect::LiveSchema& live, const std::vector<Operation>& operations,
                                       const Operation& op, bool& unique) {
  std::vector<std::string> columns;
  for (const auto& index : live.indexes) {
    if (lower(index.name) != lower(op.name)) continue;
    columns = index.columns;
    unique = index.unique;
  }
  for (auto& column : columns)
    for (const auto& rename : operations)
      if (rename.kind == Kind::rename_column && rename.table == op.table && rename.name == column) column = rename.to;
  return columns;
}

// A rename's statements (SQLite makes a renamed index again).
std::vector<std::string> render_rename(const dialect::SqlDialect& d, const std::string& schema_name,
                                       const dialect::LiveSchema& live, const std::vector<Operation>& operations,
                                       const Operation& op) {
  if (op.kind == Kind::rename_column) return {dialect::rename_column_sql(d, schema_name, op.table, op.name, op.to)};
  bool unique = false;
  auto columns = index_columns(live, operations, op, unique);
  return dialect::rename_index_sql(d, schema_name, op.table, op.name, op.to, columns, unique);
}

bool is_rename(const Operation& op) { return op.kind == Kind::rename_column || op.kind == Kind::rename_index; }

// PostgreSQL and MySQL: each operation in place, in the order given.
Result<std::vector<std::string>> render_in_place(db::Connection& connection, const dialect::SqlDialect& d,
                                                 const std::string& schema_name, const dialect::LiveSchema& live,
                                                 const std::vector<Operation>& operations) {
  std::vector<std::string> statements;
  for (const auto& op : operations) {
    if (op.kind == Kind::drop_index) statements.push_back(dialect::drop_index_sql(d, schema_name, op.table, op.name));
    if (op.kind == Kind::drop_column) statements.push_back(dialect::drop_column_sql(d, schema_name, op.table, op.name));
    if (op.kind == Kind::set_default)
      statements.push_back(dialect::set_default_sql(d, schema_name, op.table, op.name, op.to));
    if (op.kind == Kind::make_nullable) {
      auto statement = dialect::make_nullable_sql(connection, d, schema_name, op.table, op.name);
      if (!statement) return fail(std::move(statement.error()));
      statements.push_back(std::move(*statement));
    }
    if (is_rename(op)) {
      auto renamed = render_rename(d, schema_name, live, operations, op);
      statements.insert(statements.end(), renamed.begin(), renamed.end());
    }
  }
  return statements;
}

dialect::SqliteColumnChange sqlite_change(const Operation& op) {
  using Change = dialect::SqliteColumnChange::Kind;
  Change kind = op.kind == Kind::drop_column     ? Change::drop
                : op.kind == Kind::make_nullable ? Change::make_nullable
                                                 : Change::set_default;
  return {kind, op.name, op.kind == Kind::set_default ? op.to : ""};
}

// SQLite: indexes dropped first, then each table that loses a column or changes one rebuilt once.
Result<std::vector<std::string>> render_sqlite(db::Connection& connection, const dialect::SqlDialect& d,
                                               const dialect::LiveSchema& live,
                                               const std::vector<Operation>& operations) {
  std::vector<std::string> statements;
  std::set<std::string> dropped_indexes;
  std::map<std::string, std::vector<dialect::SqliteColumnChange>> rebuilds;  // table -> its column changes
  std::vector<std::string> rebuild_order;
  for (const auto& op : operations) {
    if (op.kind == Kind::drop_index) {
      statements.push_back(dialect::drop_index_sql(d, "", op.table, op.name));
      dropped_indexes.insert(lower(op.name));
    } else if (op.kind == Kind::drop_column || op.kind == Kind::make_nullable || op.kind == Kind::set_default) {
      if (!rebuilds.count(op.table)) rebuild_order.push_back(op.table);
      rebuilds[op.table].push_back(sqlite_change(op));
    }
  }
  for (const auto& table : rebuild_order) {
    auto rebuilt = dialect::sqlite_rebuild(connection, d, table, rebuilds[table], dropped_indexes);
    if (!rebuilt) return fail(std::move(rebuilt.error()));
    statements.insert(statements.end(), rebuilt->begin(), rebuilt->end());
  }
  for (const auto& op : operations) {
    if (!is_rename(op)) continue;
    auto renamed = render_rename(d, "", live, operations, op);
    statements.insert(statements.end(), renamed.begin(), renamed.end());
  }
  return statements;
}

}  // namespace

Result<std::vector<std::string>> render_repair(db::Connection& connection, const dialect::SqlDialect& d,
                                               const std::string& schema_name, const dialect::LiveSchema& live,
                                               const std::vector<Operation>& operations) {
  if (d.kind() == config::Dialect::sqlite) return render_sqlite(connection, d, live, operations);
  return render_in_place(connection, d, schema_name, live, operations);
}

}  // namespace authmigrate::repair
