// The logical schema, shaped like Better Auth's `getAuthTables(options)`: tables keyed by schema key
// ("user", "twoFactor"), each with its model name, fields keyed by field key, and table-level
// indexes naming field keys. Both schema sources (the catalogue and the exported JSON) produce this;
// `resolve_schema` then turns it into physical tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/schema/field.hpp>

namespace authmigrate::schema {

// A table-level index as a plugin declares it (`indexes: [{ fields, unique, name }]`).
struct IndexSpec {
  std::vector<std::string> fields;  // field keys, in index order
  bool unique = false;
  std::optional<std::string> name;  // explicit name; otherwise generated from the columns

  bool operator==(const IndexSpec&) const = default;
};

struct Table {
  std::string key;           // schema key, e.g. "user"
  std::string model_name;    // physical table name
  std::optional<int> order;  // user 1, session 2, account 3, verification 4; unset = last
  bool disable_migrations = false;
  std::vector<Field> fields;  // in declaration order (the column order of CREATE TABLE)
  std::vector<IndexSpec> indexes;

  Field* find_field(std::string_view field_key);
  const Field* find_field(std::string_view field_key) const;

  bool operator==(const Table&) const = default;
};

// `advanced.database.generateId`: a string form changes the id and foreign-key column types; a
// custom function or `false` keeps the default text ids.
enum class IdGeneration { standard, uuid, serial };
std::string_view to_string(IdGeneration id);
std::optional<IdGeneration> parse_id_generation(std::string_view text);  // "default"|"uuid"|"serial"

struct AuthTables {
  std::vector<Table> tables;  // in Better Auth's key order
  IdGeneration id_generation = IdGeneration::standard;
  std::string better_auth_version;  // which release the tables describe
  std::string schema_name;          // database.schemaName; empty: the current schema

  Table* find(std::string_view table_key);
  const Table* find(std::string_view table_key) const;
};

// Merges `extra` into `into` the way a JavaScript object spread does (`{...into, ...extra}`): a new
// key is appended, an existing key keeps its position but takes the new attributes.
void spread_fields(std::vector<Field>& into, const std::vector<Field>& extra);

}  // namespace authmigrate::schema
