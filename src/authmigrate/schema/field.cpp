#include <authmigrate/schema/field.hpp>

#include <algorithm>

namespace authmigrate::schema {

namespace {
struct TypeName {
  FieldType type;
  std::string_view name;
};
constexpr TypeName kTypeNames[] = {
    {FieldType::string, "string"},
    {FieldType::number, "number"},
    {FieldType::boolean, "boolean"},
    {FieldType::date, "date"},
    {FieldType::json, "json"},
    {FieldType::string_array, "string[]"},
    {FieldType::number_array, "number[]"},
};
}  // namespace

std::string_view to_string(FieldType type) {
  if (type == FieldType::enumeration) return "enum";
  for (const auto& entry : kTypeNames) {
    if (entry.type == type) return entry.name;
  }
  return "string";
}

std::optional<FieldType> parse_field_type(std::string_view text) {
  for (const auto& entry : kTypeNames) {
    if (entry.name == text) return entry.type;
  }
  return std::nullopt;
}

const std::vector<std::string>& field_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& entry : kTypeNames) out.emplace_back(entry.name);
    return out;
  }();
  return names;
}

bool has_default(const DefaultValue& value) { return !std::holds_alternative<std::monostate>(value); }

bool is_function_default(const DefaultValue& value) { return std::holds_alternative<DefaultFunction>(value); }

const std::vector<std::string>& on_delete_actions() {
  static const std::vector<std::string> actions = {"no action", "restrict", "cascade", "set null", "set default"};
  return actions;
}

bool is_valid_on_delete(std::string_view action) {
  const auto& actions = on_delete_actions();
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

}  // namespace authmigrate::schema
