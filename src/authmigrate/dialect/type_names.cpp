#include <authmigrate/dialect/type_names.hpp>
#include <authmigrate/base/text.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace authmigrate::dialect {

namespace {}  // namespace

bool matches_type(std::string_view data_type, const schema::Field& field, const AcceptedTypes& accepted) {
  using schema::FieldType;
  std::string type = lower(data_type);
  if (field.type == FieldType::string_array || field.type == FieldType::number_array)
    return type.find("json") != std::string::npos;
  std::string normalized(trim(std::string_view(type).substr(0, type.find('('))));
  std::initializer_list<std::string_view> names = accepted.string;
  switch (field.type) {
    case FieldType::number:
      names = accepted.number;
      break;
    case FieldType::boolean:
      names = accepted.boolean;
      break;
    case FieldType::date:
      names = accepted.date;
      break;
    case FieldType::json:
      names = accepted.json;
      break;
    default:
      break;
  }
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) { return lower(name) == normalized; });
}

}  // namespace authmigrate::dialect
