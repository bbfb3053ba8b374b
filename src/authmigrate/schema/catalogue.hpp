// The built-in catalogue: Better Auth's core tables and the schemas of its well-known plugins, as
// published in better-auth 1.7.25 (and @better-auth/api-key 1.7.5, passkey 1.7.6, sso 1.7.5,
// stripe 1.7.6, oauth-provider 1.7.5; oidcProvider/mcp as last shipped, in better-auth 1.6.34).
// Apps with other plugins or versions use the exported schema JSON instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/schema/auth_options.hpp>
#include <authmigrate/schema/auth_tables.hpp>

namespace authmigrate::schema {

inline constexpr std::string_view kCatalogueBetterAuthVersion = "1.7.25";

struct PluginOptionSpec {
  enum class Kind { boolean, integer, string };
  std::string name;  // snake_case, as written in authmigrate.toml
  Kind kind = Kind::boolean;
};

struct PluginSpec {
  std::string name;                                 // "organization"
  std::vector<PluginOptionSpec> options;            // switches that change the schema
  std::vector<std::string> tables;                  // table keys its `schema` option may name
  std::vector<std::string> additional_field_tables; // tables that accept additionalFields
  std::vector<Table> (*build)(const PluginConfig&); // the plugin's `schema` before renames
};

const std::vector<PluginSpec>& plugin_catalogue();
const PluginSpec* find_plugin(std::string_view name);
std::vector<std::string> plugin_names();

// The plugin's tables with the config's renames and additional fields applied (mergeSchema).
std::vector<Table> plugin_schema(const PluginSpec& spec, const PluginConfig& config);

// The core table keys that options may customise, and their field keys.
const std::vector<std::string>& core_table_keys();  // user, session, account, verification, rateLimit
std::vector<std::string> core_field_keys(std::string_view table_key);

// buildAuthTables: core tables, plugin tables merged in plugin order, options applied. Unknown
// plugins or keys are the reader's concern; here they are ignored as Better Auth ignores them.
AuthTables build_auth_tables(const AuthOptions& options);

}  // namespace authmigrate::schema
