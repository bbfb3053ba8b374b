// One Better Auth field: the attributes of a `DBFieldAttribute` that reach the database schema.
// Runtime-only attributes (input, returned, transform, onUpdate) are not modelled.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::schema {

// The Better Auth field types. `enumeration` is Better Auth's literal-array type
// (`type: ["a", "b"]`), which every dialect stores as text.
enum class FieldType { string, number, boolean, date, json, string_array, number_array, enumeration };

std::string_view to_string(FieldType type);  // "string", "string[]", ...; "enum" for enumeration
// Parses the type names Better Auth accepts ("string", "number", ..., "string[]", "number[]").
std::optional<FieldType> parse_field_type(std::string_view text);
// Every name parse_field_type accepts, for did-you-mean hints.
const std::vector<std::string>& field_type_names();

// A `defaultValue` as Better Auth holds it. Only two shapes matter for DDL: a function (which on a
// date column becomes CURRENT_TIMESTAMP) and a string/number/boolean literal (which becomes a
// DEFAULT clause when the column is added to an existing table). Other JSON values (arrays,
// objects, null) are kept as their JSON text; they never reach the DDL.
struct DefaultFunction {
  bool operator==(const DefaultFunction&) const = default;
};
struct DefaultJson {
  std::string text;
  bool operator==(const DefaultJson&) const = default;
};
using DefaultValue = std::variant<std::monostate, std::string, double, bool, DefaultFunction, DefaultJson>;

bool has_default(const DefaultValue& value);
bool is_function_default(const DefaultValue& value);

// `references` of a field. `model` and `field` are as the schema declares them (a schema key such
// as "user" and a field key such as "id"); resolution turns them into physical names.
struct Reference {
  std::string model;
  std::string field = "id";
  std::optional<std::string> on_delete;  // unset means Better Auth's default, cascade

  bool operator==(const Reference&) const = default;
};

// The ON DELETE actions Kysely accepts.
bool is_valid_on_delete(std::string_view action);
const std::vector<std::string>& on_delete_actions();

struct Field {
  std::string key;                        // the schema key, e.g. "emailVerified"
  std::optional<std::string> field_name;  // `fieldName`: the physical column when renamed
  FieldType type = FieldType::string;
  std::vector<std::string> enum_values;  // only for FieldType::enumeration
  std::optional<bool> required;          // Better Auth treats "not false" as required
  bool unique = false;
  bool index = false;
  bool sortable = false;
  bool bigint = false;
  DefaultValue default_value;
  std::optional<Reference> references;

  // The physical column name: `fieldName || key`.
  const std::string& column() const { return field_name && !field_name->empty() ? *field_name : key; }
  bool is_required() const { return required.value_or(true); }

  bool operator==(const Field&) const = default;
};

}  // namespace authmigrate::schema
