// Test fixtures: a resolved Better Auth schema, and the live schema a database holds after a
// previous run created exactly it (types as the dialect renders them, the declared indexes).
#pragma once

#include <string>
#include <vector>

#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/schema/catalogue.hpp>

#include "catalogue_tables.hpp"

namespace authmigrate::testing {

inline schema::Schema core_schema(std::vector<std::string> plugins = {}) {
  schema::AuthOptions options;
  for (auto& p : plugins) options.plugins.push_back(schema::PluginConfig{p, {}, {}});
  return *schema::resolve_schema(catalogue_tables(options));
}

// `field_indexes`: also the indexes of unique/indexed fields, as CREATE TABLE makes them.
inline dialect::LiveSchema migrated(const schema::Schema& wanted, const dialect::SqlDialect& d,
                                    bool field_indexes = false) {
  dialect::LiveSchema live;
  for (const auto& table : wanted.tables) {
    dialect::LiveTable t{table.name,
                         {{"id", d.id_column(wanted.id_generation, dialect::ddl_rules(wanted.better_auth_version)).type,
                           false, false, 36}}};
    for (const auto& c : table.columns) {
      t.columns.push_back({c.name, dialect::column_type(d, wanted, table, c), !c.field.is_required(), false, 1020});
      if (field_indexes && (c.field.unique || c.field.index))
        live.indexes.push_back({table.name, table.name + "_" + c.name + "_idx", {c.name}, c.field.unique, true});
    }
    live.tables.push_back(std::move(t));
    for (const auto& i : table.indexes) live.indexes.push_back({table.name, i.name, i.columns, i.unique, true});
  }
  return live;
}

}  // namespace authmigrate::testing
