#include <authmigrate/dialect/ddl_rules.hpp>

#include <authmigrate/base/version.hpp>

namespace authmigrate::dialect {

DdlRules ddl_rules(std::string_view better_auth_version) {
  DdlRules rules;
  auto parsed = base::parse_version(better_auth_version);
  if (!parsed) return rules;
  const base::Version& v = *parsed;
  auto before = [&](int minor, int patch) { return v < base::Version{1, minor, patch, ""}; };
  rules.date_era = before(3, 11) ? 0 : before(3, 24) ? 1 : 2;
  rules.timestamp_defaults = !before(3, 7);
  rules.on_delete = !before(3, 7);
  rules.own_on_delete = !before(3, 24);
  rules.jsonb = !before(3, 10);
  rules.mysql_arrays_json = !before(4, 6);
  rules.mysql_keyed_varchar = !before(4, 0);
  rules.field_indexes = !before(4, 0);
  rules.unique_index_twin = !before(4, 0) && before(6, 24);
  rules.uuid_ids = !before(4, 0);
  rules.identity_serial = !before(4, 0);
  rules.serial_references_integer = !before(3, 25);
  rules.sqlite_autoincrement = before(3, 10);
  rules.add_column_defaults = !before(7, 0);
  rules.unique_added_as_index = !before(7, 0);
  return rules;
}

}  // namespace authmigrate::dialect
