// Private to the dialects: the type-name check behind matchType, shared by all three.
#pragma once

#include <initializer_list>
#include <string_view>

#include <authmigrate/schema/field.hpp>

namespace authmigrate::dialect {

// The type names a dialect accepts per field type (Better Auth's `map` in get-migration.ts).
struct AcceptedTypes {
  std::initializer_list<std::string_view> string, number, boolean, date, json;
};

// Lower-cases `data_type`, drops any "(...)" suffix and looks it up; array types only need "json"
// somewhere in the name, and enums are checked as strings.
bool matches_type(std::string_view data_type, const schema::Field& field, const AcceptedTypes& accepted);

}  // namespace authmigrate::dialect
