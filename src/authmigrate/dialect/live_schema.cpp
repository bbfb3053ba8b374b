#include <authmigrate/dialect/live_schema.hpp>

#include <algorithm>

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

}  // namespace authmigrate::dialect
