// The core tables and buildAuthTables of @better-auth/core 1.7.25 (src/db/get-tables.ts).
#include <algorithm>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/catalogue_dsl.hpp>

namespace authmigrate::schema {

using dsl::F;
using dsl::T;

namespace {

std::vector<Field> core_fields(std::string_view key) {
  if (key == "user")
    return {F("name", T::string).req().sortable(),
            F("email", T::string).unique().req().sortable(),
            F("emailVerified", T::boolean).def(false).req(),
            F("image", T::string).opt(),
            F("createdAt", T::date).def_fn().req(),
            F("updatedAt", T::date).def_fn().req()};
  if (key == "session")
    return {F("expiresAt", T::date).req(),
            F("token", T::string).req().unique(),
            F("createdAt", T::date).req().def_fn(),
            F("updatedAt", T::date).req(),  // onUpdate only: no default, so no DB default
            F("ipAddress", T::string).opt(),
            F("userAgent", T::string).opt(),
            F("userId", T::string).ref("user", "id", "cascade").req().index()};
  if (key == "account")
    return {F("accountId", T::string).req(),
            F("providerId", T::string).req(),
            F("userId", T::string).ref("user", "id", "cascade").req().index(),
            F("accessToken", T::string).opt(),
            F("refreshToken", T::string).opt(),
            F("idToken", T::string).opt(),
            F("accessTokenExpiresAt", T::date).opt(),
            F("refreshTokenExpiresAt", T::date).opt(),
            F("scope", T::string).opt(),
            F("password", T::string).opt(),
            F("createdAt", T::date).req().def_fn(),
            F("updatedAt", T::date).req()};
  if (key == "verification")
    return {F("identifier", T::string).req().index(),
            F("value", T::string).req(),
            F("expiresAt", T::date).req(),
            F("createdAt", T::date).req().def_fn(),
            F("updatedAt", T::date).req().def_fn()};
  if (key == "rateLimit")
    return {F("key", T::string).unique().req(),
            F("count", T::number).req(),
            F("lastRequest", T::number).bigint().req().def_fn()};
  return {};
}

// Core fields always carry an explicit fieldName (`options.user.fields.x || "x"`).
void apply_core_renames(std::vector<Field>& fields, const TableOptions* options) {
  for (auto& field : fields) {
    field.field_name = field.key;
    if (!options) continue;
    for (const auto& [key, column] : options->field_names) {
      if (key == field.key && !column.empty()) field.field_name = column;
    }
  }
}

// Plugin tables merged in plugin order, as the `pluginSchema` reduce does: later plugins add
// fields to the same key, indexes are deduplicated, the last modelName wins.
std::vector<Table> merge_plugin_tables(const AuthOptions& options) {
  std::vector<Table> merged;
  for (const auto& config : options.plugins) {
    const PluginSpec* spec = find_plugin(config.name);
    if (!spec) continue;
    for (auto& table : plugin_schema(*spec, config)) {
      auto it = std::find_if(merged.begin(), merged.end(), [&](const Table& t) { return t.key == table.key; });
      if (it == merged.end()) {
        merged.push_back(std::move(table));
        continue;
      }
      spread_fields(it->fields, table.fields);
      for (auto& index : table.indexes) {
        if (std::find(it->indexes.begin(), it->indexes.end(), index) == it->indexes.end())
          it->indexes.push_back(std::move(index));
      }
      it->model_name = table.model_name.empty() ? table.key : table.model_name;
      it->disable_migrations = table.disable_migrations;
    }
  }
  return merged;
}

Table core_table(std::string_view key, int order, const AuthOptions& options,
                 std::vector<Table>& plugin_tables) {
  const TableOptions* table_options = nullptr;
  if (auto it = options.core.find(std::string(key)); it != options.core.end()) table_options = &it->second;
  Table table;
  table.key = std::string(key);
  table.model_name = table_options && table_options->model_name && !table_options->model_name->empty()
                         ? *table_options->model_name
                         : table.key;
  if (order > 0) table.order = order;
  table.fields = core_fields(key);
  apply_core_renames(table.fields, table_options);
  auto plugin = std::find_if(plugin_tables.begin(), plugin_tables.end(), [&](const Table& t) { return t.key == key; });
  if (plugin != plugin_tables.end()) {
    spread_fields(table.fields, plugin->fields);
    table.indexes = plugin->indexes;
    plugin_tables.erase(plugin);  // a core key is never also emitted as a plugin table
  }
  if (table_options) spread_fields(table.fields, table_options->additional_fields);
  return table;
}

}  // namespace

const std::vector<std::string>& core_table_keys() {
  static const std::vector<std::string> keys = {"user", "session", "account", "verification", "rateLimit"};
  return keys;
}

std::vector<std::string> core_field_keys(std::string_view table_key) {
  std::vector<std::string> keys;
  for (const auto& field : core_fields(table_key)) keys.push_back(field.key);
  return keys;
}

std::vector<Table> plugin_schema(const PluginSpec& spec, const PluginConfig& config) {
  std::vector<Table> tables = spec.build(config);
  for (auto& table : tables) {
    auto custom = config.schema.find(table.key);
    if (custom == config.schema.end()) continue;
    const TableOptions& o = custom->second;
    if (o.model_name && !o.model_name->empty()) table.model_name = *o.model_name;
    for (const auto& [key, column] : o.field_names) {
      if (Field* field = table.find_field(key); field && !column.empty()) field->field_name = column;
    }
    spread_fields(table.fields, o.additional_fields);
  }
  return tables;
}

AuthTables build_auth_tables(const AuthOptions& options) {
  std::vector<Table> plugin_tables = merge_plugin_tables(options);
  AuthTables out;
  out.id_generation = options.id_generation;
  out.better_auth_version = std::string(kCatalogueBetterAuthVersion);
  out.schema_name = options.schema_name;
  // Order of keys: user, session, account, verification, plugin tables, rateLimit. Note that the
  // core user fields are built before the session table is decided, as in get-tables.ts.
  out.tables.push_back(core_table("user", 1, options, plugin_tables));
  Table session = core_table("session", 2, options, plugin_tables);
  Table account = core_table("account", 3, options, plugin_tables);
  Table verification = core_table("verification", 4, options, plugin_tables);
  if (!options.secondary_storage || options.store_session_in_database) out.tables.push_back(std::move(session));
  out.tables.push_back(std::move(account));
  if (!options.secondary_storage || options.store_verification_in_database)
    out.tables.push_back(std::move(verification));
  for (auto& table : plugin_tables) out.tables.push_back(std::move(table));
  if (options.rate_limit_in_database) {
    // Plugins and additionalFields never reach the rate-limit table; only its renames do.
    const TableOptions* o = nullptr;
    if (auto it = options.core.find("rateLimit"); it != options.core.end()) o = &it->second;
    Table rate_limit;
    rate_limit.key = "rateLimit";
    rate_limit.model_name = o && o->model_name && !o->model_name->empty() ? *o->model_name : "rateLimit";
    rate_limit.fields = core_fields("rateLimit");
    apply_core_renames(rate_limit.fields, o);
    out.tables.push_back(std::move(rate_limit));
  }
  return out;
}

}  // namespace authmigrate::schema
