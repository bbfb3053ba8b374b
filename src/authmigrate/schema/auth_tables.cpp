#include <authmigrate/schema/auth_tables.hpp>

#include <algorithm>

namespace authmigrate::schema {

Field* Table::find_field(std::string_view field_key) {
  auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == field_key; });
  return it == fields.end() ? nullptr : &*it;
}

const Field* Table::find_field(std::string_view field_key) const {
  return const_cast<Table*>(this)->find_field(field_key);
}

std::string_view to_string(IdGeneration id) {
  switch (id) {
    case IdGeneration::standard:
      return "default";
    case IdGeneration::uuid:
      return "uuid";
    case IdGeneration::serial:
      return "serial";
  }
  return "default";
}

std::optional<IdGeneration> parse_id_generation(std::string_view text) {
  if (text == "default") return IdGeneration::standard;
  if (text == "uuid") return IdGeneration::uuid;
  if (text == "serial") return IdGeneration::serial;
  return std::nullopt;
}

Table* AuthTables::find(std::string_view table_key) {
  auto it = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.key == table_key; });
  return it == tables.end() ? nullptr : &*it;
}

const Table* AuthTables::find(std::string_view table_key) const {
  return const_cast<AuthTables*>(this)->find(table_key);
}

void spread_fields(std::vector<Field>& into, const std::vector<Field>& extra) {
  for (const auto& field : extra) {
    auto it = std::find_if(into.begin(), into.end(), [&](const Field& f) { return f.key == field.key; });
    if (it == into.end()) {
      into.push_back(field);
    } else {
      *it = field;
    }
  }
}

}  // namespace authmigrate::schema
