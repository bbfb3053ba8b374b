// Test fixtures: the catalogue's tables for a config, in the newest release or in the release a golden
// file was captured from.
#pragma once

#include <stdexcept>
#include <string>

#include <authmigrate/base/version.hpp>
#include <authmigrate/schema/catalogue.hpp>

namespace authmigrate::testing {

inline schema::AuthTables catalogue_tables(const schema::AuthOptions& options, const std::string& version = "") {
  schema::CatalogueRelease release = schema::newest_release();
  if (!version.empty()) release.better_auth = *base::parse_version(version);
  auto tables = schema::build_auth_tables(options, release);
  if (!tables) throw std::runtime_error(tables.error().describe());
  return std::move(*tables);
}

// The golden files are better-auth 1.7.25's. The oidc_provider capture fed 1.6.34's oidcProvider (1.7 no
// longer ships it) to 1.7.25, whose core tables are 1.6.34's: the same mix is made here, every table from
// 1.6.34 but the ones 1.7.25 also declares (jwt's jwks).
inline schema::AuthTables golden_tables(const schema::AuthOptions& options, const std::string& case_name) {
  if (case_name != "oidc_provider") {
    schema::AuthTables tables = catalogue_tables(options, "1.7.25");
    return tables;
  }
  schema::AuthTables tables = catalogue_tables(options, "1.6.34");
  schema::AuthOptions without = options;
  std::erase_if(without.plugins, [](const schema::PluginConfig& p) { return p.name == "oidcProvider"; });
  const schema::AuthTables newer = catalogue_tables(without, "1.7.25");
  for (auto& table : tables.tables) {
    if (const schema::Table* same = newer.find(table.key)) table = *same;
  }
  tables.better_auth_version = "1.7.25";
  return tables;
}

}  // namespace authmigrate::testing
