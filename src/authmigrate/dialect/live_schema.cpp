#include <authmigrate/dialect/live_schema.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>

namespace authmigrate::dialect {

const LiveColumn* LiveTable::find(std::string_view column) const {
  auto it = std::find_if(columns.begin(), columns.end(), [&](const LiveColumn& c) { return c.name == column; });
  return it == columns.end() ? nullptr : &*it;
}

const LiveTable* LiveSchema::find(std::string_view table) const {
  // Exact and case-sensitive, as Better Auth matches introspected tables.
  auto it = std::find_if(tables.begin(), tables.end(), [&](const LiveTable& t) { return t.name == table; });
  return it == tables.end() ? nullptr : &*it;
}

const LiveTable* sqlite_case_clash(const LiveSchema& live, std::string_view table, config::Dialect dialect) {
  if (dialect != config::Dialect::sqlite || live.find(table)) return nullptr;
  auto it = std::find_if(live.tables.begin(), live.tables.end(),
                         [&](const LiveTable& t) { return lower(t.name) == lower(table); });
  return it == live.tables.end() ? nullptr : &*it;
}

Error case_clash_error(std::string_view wanted, std::string_view existing) {
  return Error(ErrorKind::config,
               fmt::format("Better Auth's table \"{}\" cannot be created: SQLite compares table names without "
                           "regard to case, and the database already has the table \"{}\"",
                           wanted, existing))
      .with_hint(fmt::format("rename the app's table \"{}\", or give Better Auth's another name: model_name in "
                             "authmigrate.toml (the plugin's schema option, e.g. "
                             "[better_auth.plugin.<plugin>.schema.<table>]) or modelName in the auth config",
                             existing));
}

}  // namespace authmigrate::dialect
