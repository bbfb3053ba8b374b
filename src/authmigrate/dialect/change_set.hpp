// The changes to make, as names into a resolved schema, and their rendering as the statement list
// Better Auth's getMigrations builds: added columns, then created tables, then every index
// (those of added columns, those of created tables' fields, then table-level indexes).
#pragma once

#include <string>
#include <vector>

#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::dialect {

struct ColumnsToAdd {
  std::string table;
  std::vector<std::string> columns;  // physical names, in schema field order
};

struct IndexToAdd {
  std::string table;
  schema::TableIndex index;
};

struct ChangeSet {
  std::vector<ColumnsToAdd> columns_to_add;   // in schema table order
  std::vector<std::string> tables_to_create;  // in creation order
  std::vector<IndexToAdd> indexes_to_add;     // missing table-level indexes, in schema order

  bool empty() const { return columns_to_add.empty() && tables_to_create.empty() && indexes_to_add.empty(); }
};

// The statements, without terminators. Names in `changes` must exist in `schema`. With a
// schema name, `create schema if not exists` comes first when a table is to be created.
std::vector<std::string> render_statements(const SqlDialect& dialect, const schema::Schema& schema,
                                           const ChangeSet& changes);

// compileMigrations: statements joined by ";\n\n" with a final ";" and no newline; "" when there
// are none (Better Auth maps its lone ";" to "already up to date").
std::string join_statements(const std::vector<std::string>& statements);

}  // namespace authmigrate::dialect
