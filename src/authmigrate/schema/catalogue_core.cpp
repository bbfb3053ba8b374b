// buildAuthTables over the catalogue: the core tables of the release (core.json: getAuthTables of each
// core switch), the plugins' tables merged in plugin order, the config's renames and additional fields.
#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/catalogue_store.hpp>
#include <authmigrate/schema/schema_json.hpp>

namespace authmigrate::schema {

namespace {

using catalogue_store::Json;

const TableOptions* options_for(const AuthOptions& options, std::string_view key) {
  auto it = options.core.find(std::string(key));
  return it == options.core.end() ? nullptr : &it->second;
}

// `options.user.fields.x || "x"`: the harvest recorded the default column; a rename replaces it.
void apply_core_options(Table& table, const TableOptions* options) {
  if (!options) return;
  if (options->model_name && !options->model_name->empty()) table.model_name = *options->model_name;
  for (auto& field : table.fields) {
    for (const auto& [key, column] : options->field_names) {
      if (key == field.key && !column.empty()) field.field_name = column;
    }
  }
}

// Plugin tables merged in plugin order, as the `pluginSchema` reduce does: later plugins add fields to
// the same key, indexes are deduplicated, the last modelName wins.
Result<std::vector<Table>> merge_plugin_tables(const AuthOptions& options, const CatalogueRelease& release) {
  std::vector<Table> merged;
  for (const auto& config : options.plugins) {
    const PluginSpec* spec = find_plugin(config.name);
    if (!spec) continue;
    auto tables = plugin_schema(*spec, config, release);
    if (!tables) return fail(std::move(tables.error()));
    for (auto& table : *tables) {
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

// The core switches as the harvest keyed them.
std::vector<std::string> switch_variants(const AuthOptions& options) {
  std::vector<std::string> keys = {""};
  if (options.secondary_storage) {
    keys = {"secondary_storage"};
    if (options.store_session_in_database) keys.push_back("secondary_storage,store_session_in_database");
    if (options.store_verification_in_database) keys.push_back("secondary_storage,store_verification_in_database");
  }
  if (options.rate_limit_in_database) keys.push_back("rate_limit_in_database");
  return keys;
}

bool kept(const Json& variants, const std::vector<std::string>& keys, const std::string& table) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
    const Json& list = variants[key];
    return std::find(list.begin(), list.end(), table) != list.end();
  });
}

const Json* core_range(const base::Version& version) {
  return catalogue_store::select_range_of("core", "better-auth", version);
}

Result<std::vector<Table>> core_tables(const base::Version& version) {
  const Json* range = core_range(version);
  if (!range)
    return fail(ErrorKind::config, fmt::format("better-auth {} is older than every release the catalogue knows ({})",
                                               base::to_string(version), known_release_span()));
  return read_catalogue_tables((*range)["tables"],
                               fmt::format("the catalogue's better-auth {}", base::to_string(version)));
}

}  // namespace

const std::vector<base::Version>& known_releases() { return catalogue_store::releases("better-auth"); }

CatalogueRelease newest_release() {
  const auto& known = known_releases();
  return {known.empty() ? base::Version{} : known.back(), {}};
}

std::string known_release_span() {
  const auto& known = known_releases();
  if (known.empty()) return "no release";
  return fmt::format("{} to {}", base::to_string(known.front()), base::to_string(known.back()));
}

const std::vector<std::string>& core_table_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (std::string_view key : catalogue_store::member_names("index", {"core"})) out.emplace_back(key);
    return out;
  }();
  return keys;
}

std::vector<std::string> core_field_keys(std::string_view table_key) {
  std::vector<std::string> keys;
  const Json& core = catalogue_store::member_of("index", {"core"});
  if (auto it = core.find(std::string(table_key)); it != core.end()) {
    for (const auto& key : *it) keys.push_back(key.get<std::string>());
  }
  return keys;
}

Result<AuthTables> build_auth_tables(const AuthOptions& options, const CatalogueRelease& release) {
  auto core = core_tables(release.better_auth);
  if (!core) return fail(std::move(core.error()));
  auto plugin_tables = merge_plugin_tables(options, release);
  if (!plugin_tables) return fail(std::move(plugin_tables.error()));
  const Json& variants = (*core_range(release.better_auth))["variants"];
  const std::vector<std::string> switches = switch_variants(options);
  AuthTables out;
  out.id_generation = options.id_generation;
  out.better_auth_version = base::to_string(release.better_auth);
  out.schema_name = options.schema_name;
  // Key order as getAuthTables returns it: the core tables every config has, the plugins' own
  // tables, then the tables a switch adds (rateLimit).
  std::vector<Table> added_by_switch;
  for (auto& table : *core) {
    apply_core_options(table, options_for(options, table.key));
    if (!kept(variants, {""}, table.key)) {
      // rateLimit: plugins and additionalFields never reach it, and it comes after the plugins' tables
      if (kept(variants, switches, table.key)) added_by_switch.push_back(std::move(table));
      continue;
    }
    // A plugin's fields for a core key join that table, whether or not the table is kept.
    auto plugin =
        std::find_if(plugin_tables->begin(), plugin_tables->end(), [&](const Table& t) { return t.key == table.key; });
    if (plugin != plugin_tables->end()) {
      spread_fields(table.fields, plugin->fields);
      table.indexes = plugin->indexes;
      plugin_tables->erase(plugin);
    }
    if (const TableOptions* o = options_for(options, table.key)) spread_fields(table.fields, o->additional_fields);
    if (kept(variants, switches, table.key)) out.tables.push_back(std::move(table));
  }
  for (auto& table : *plugin_tables) out.tables.push_back(std::move(table));
  for (auto& table : added_by_switch) out.tables.push_back(std::move(table));
  return out;
}

}  // namespace authmigrate::schema
