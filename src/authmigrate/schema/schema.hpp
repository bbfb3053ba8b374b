// The resolved, physical schema: what Better Auth's `buildSchema` produces from getAuthTables.
// Tables are keyed by model name (two schema keys with one model name are merged), columns by
// physical name, references point at physical tables and columns, and table-level indexes carry
// their final names. Dialects render this; the planner compares it with the live database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/schema/auth_tables.hpp>
#include <authmigrate/schema/field.hpp>

namespace authmigrate::schema {

struct ResolvedReference {
  std::string table;        // physical table name
  std::string column;       // physical column name
  bool targets_id = false;  // the reference is to a primary key ("id"): the column takes the id type
  std::string on_delete = "cascade";

  bool operator==(const ResolvedReference&) const = default;
};

struct Column {
  std::string name;  // physical column name
  Field field;       // the attributes as declared (field.key is the schema key)
  std::optional<ResolvedReference> reference;

  bool operator==(const Column&) const = default;
};

struct TableIndex {
  std::string name;
  std::vector<std::string> columns;  // physical names, in index order
  bool unique = false;

  bool operator==(const TableIndex&) const = default;
};

struct SchemaTable {
  std::string name;          // physical table name (model name)
  std::optional<int> order;  // unset sorts after every numbered table
  bool disable_migrations = false;
  std::vector<Column> columns;  // without the implicit "id" primary key
  std::vector<TableIndex> indexes;

  const Column* find(std::string_view column) const;
  bool operator==(const SchemaTable&) const = default;
};

struct Schema {
  IdGeneration id_generation = IdGeneration::standard;
  std::string better_auth_version;
  // database.schemaName: a PostgreSQL schema that qualifies every statement; empty: unqualified
  // names in the connection's current schema.
  std::string schema_name;
  std::vector<SchemaTable> tables;  // in Better Auth's key order

  const SchemaTable* find(std::string_view table) const;
  bool operator==(const Schema&) const = default;
};

// buildSchema + resolveDatabaseSchemaIndexes: merges tables by model name, resolves references and
// index names, and rejects what Better Auth rejects (index problems, name collisions) with errors
// of kind config.
Result<Schema> resolve_schema(const AuthTables& tables);

}  // namespace authmigrate::schema
