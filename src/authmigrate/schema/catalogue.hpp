// The built-in catalogue: the schema of Better Auth's core tables and of every plugin it knows, for
// each release of better-auth (and of each separately published plugin package) from 1.3.0 on. The
// data is read from the published packages' own code by scripts/catalogue/update.sh, reviewed as a
// diff in catalogue/*.json and compiled in. Apps with plugins of their own use the exported schema.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/base/version.hpp>
#include <authmigrate/schema/auth_options.hpp>
#include <authmigrate/schema/auth_tables.hpp>

namespace authmigrate::schema {

// Which release a schema is built for.
struct CatalogueRelease {
  base::Version better_auth;
  // Plugin packages the app installed ("@better-auth/sso" -> 1.7.27): their own version selects their
  // schema. A plugin whose package is not listed follows better_auth.
  std::map<std::string, base::Version, std::less<>> packages;
};

// The better-auth releases the data was harvested from, oldest first.
const std::vector<base::Version>& known_releases();
CatalogueRelease newest_release();
// "1.3.0 to 1.7.29", for messages.
std::string known_release_span();
// The separately published plugin packages ("@better-auth/sso", ...), whose installed versions matter.
std::vector<std::string> plugin_packages();

struct PluginOptionSpec {
  enum class Kind { boolean, integer, string };
  std::string name;  // snake_case, as written in authmigrate.toml
  Kind kind = Kind::boolean;
  bool default_value = false;  // booleans only
};

// What a plugin has declared in any release: what authmigrate.toml may name before the release is known.
struct PluginSpec {
  std::string name;                                              // "organization", as Better Auth exports it
  std::vector<PluginOptionSpec> options;                         // switches that change the schema
  std::vector<std::string> tables;                               // table keys its `schema` option may name
  std::map<std::string, std::vector<std::string>> table_fields;  // field keys of each
  std::vector<std::string> additional_field_tables;              // tables that accept additionalFields
  std::vector<std::string> packages;                             // "better-auth" and/or "@better-auth/<name>"
};

const std::vector<PluginSpec>& plugin_catalogue();
const PluginSpec* find_plugin(std::string_view name);
std::vector<std::string> plugin_names();

// The core table keys that options may customise, and their field keys (any release).
const std::vector<std::string>& core_table_keys();  // user, session, account, verification, rateLimit
std::vector<std::string> core_field_keys(std::string_view table_key);

// The plugin's `schema` in that release for these options, with the config's renames and additional
// fields applied (mergeSchema). Errors (kind config): the plugin is not in that release, or the
// config customises a table the plugin does not create there.
Result<std::vector<Table>> plugin_schema(const PluginSpec& spec, const PluginConfig& config,
                                         const CatalogueRelease& release);

// getAuthTables of that release: core tables, plugin tables merged in plugin order, options applied.
Result<AuthTables> build_auth_tables(const AuthOptions& options, const CatalogueRelease& release);

}  // namespace authmigrate::schema
