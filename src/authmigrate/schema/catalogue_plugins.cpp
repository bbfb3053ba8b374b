// Plugins in the catalogue: what each has declared over all releases (index.json, for checking a
// config), and its schema in one release (plugins/<name>.json: per package, ranges of releases, one
// variant per combination of its boolean options, and where its other options land).
#include <algorithm>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/catalogue_store.hpp>
#include <authmigrate/schema/schema_json.hpp>

namespace authmigrate::schema {

namespace {

using catalogue_store::Json;

std::vector<std::string> strings(const Json& list) {
  std::vector<std::string> out;
  if (list.is_array()) {
    for (const auto& s : list) out.push_back(s.get<std::string>());
  }
  return out;
}

PluginOptionSpec::Kind kind_of(const std::string& kind) {
  if (kind == "integer") return PluginOptionSpec::Kind::integer;
  if (kind == "string") return PluginOptionSpec::Kind::string;
  return PluginOptionSpec::Kind::boolean;
}

std::vector<PluginOptionSpec> options_of(const Json& options) {
  std::vector<PluginOptionSpec> out;
  for (const auto& o : options) {
    PluginOptionSpec spec{o["name"].get<std::string>(), kind_of(o["kind"].get<std::string>()), false};
    if (auto d = o.find("default"); d != o.end() && d->is_boolean()) spec.default_value = d->get<bool>();
    out.push_back(std::move(spec));
  }
  return out;
}

PluginSpec make_spec(std::string_view name, const Json& entry) {
  PluginSpec spec;
  spec.name = name;
  spec.options = options_of(entry["options"]);
  for (const auto& [table, fields] : entry["tables"].items()) {
    spec.tables.push_back(table);
    spec.table_fields[table] = strings(fields);
  }
  spec.additional_field_tables = strings(entry["additionalFieldTables"]);
  spec.packages = strings(entry["packages"]);
  return spec;
}

std::vector<PluginSpec> make_catalogue() {
  std::vector<PluginSpec> out;
  for (std::string_view name : catalogue_store::member_names("index", {"plugins"})) {
    if (const PluginSpec* spec = find_plugin(name)) out.push_back(*spec);
  }
  return out;
}

struct Selected {
  const Json* range = nullptr;
  std::string package;
  base::Version version;
};

Selected in_series(const Json& series, const CatalogueRelease& release) {
  std::string package = series["package"].get<std::string>();
  auto installed = release.packages.find(package);
  base::Version version = installed != release.packages.end() ? installed->second : release.better_auth;
  return {catalogue_store::select_range(series["ranges"], package, version), package, version};
}

// An installed plugin package wins; else better-auth's own copy; else the separate package at the
// version that came out beside that better-auth.
Selected select(std::string_view name, const CatalogueRelease& release) {
  const Json& doc = catalogue_store::document(fmt::format("plugins/{}", name));
  if (!doc.is_object()) return {};
  for (const auto& series : doc["series"]) {
    if (release.packages.count(series["package"].get<std::string>())) {
      if (auto s = in_series(series, release); s.range) return s;
    }
  }
  for (const auto& series : doc["series"]) {
    if (auto s = in_series(series, release); s.range) return s;
  }
  return {};
}

std::string variant_key(const Json& range, const PluginConfig& config) {
  std::string key;
  for (const auto& spec : options_of(range["options"])) {
    if (spec.kind != PluginOptionSpec::Kind::boolean || !config.flag(spec.name, spec.default_value)) continue;
    key += (key.empty() ? "" : ",") + spec.name;
  }
  return key;
}

// The user's value where the harvest found the option's sentinel (a model name, a default).
void apply_placements(const Json& range, const PluginConfig& config, Json& tables) {
  auto placements = range.find("placements");
  if (placements == range.end()) return;
  for (const auto& [option, paths] : placements->items()) {
    auto it = config.options.find(option);
    if (it == config.options.end()) continue;
    Json value = std::visit([](const auto& v) { return Json(v); }, it->second);
    for (const auto& path : paths) {
      Json* node = &tables;
      for (const auto& step : path) node = &(*node)[step.get<std::string>()];
      *node = value;
    }
  }
}

Error not_in_release(const PluginSpec& spec, const CatalogueRelease& release) {
  Error e(ErrorKind::config,
          fmt::format("plugin `{}` is not in better-auth {} (the catalogue knows it from {})", spec.name,
                      base::to_string(release.better_auth), fmt::join(spec.packages, " and ")));
  e.hint =
      "set [better_auth] version (or --better-auth-version) to the release the app runs, or export the app's "
      "own schema with `authmigrate schema export`";
  return e;
}

void apply_customisation(const PluginConfig& config, std::vector<Table>& tables) {
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
}

}  // namespace

const std::vector<PluginSpec>& plugin_catalogue() {
  static const std::vector<PluginSpec> catalogue = make_catalogue();
  return catalogue;
}

// A config names a plugin or two: only their entries of the index are read. Kept to the end of the
// process, never destroyed (a reference handed out stays valid).
const PluginSpec* find_plugin(std::string_view name) {
  static auto& specs = *new std::map<std::string, std::optional<PluginSpec>, std::less<>>;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto it = specs.find(name);
  if (it == specs.end()) {
    const Json& entry = catalogue_store::member_of("index", {"plugins", name});
    std::optional<PluginSpec> spec;
    if (entry.is_object()) spec = make_spec(name, entry);
    it = specs.emplace(std::string(name), std::move(spec)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::vector<std::string> plugin_names() {
  std::vector<std::string> names;
  for (const auto& p : plugin_catalogue()) names.push_back(p.name);
  return names;
}

std::vector<std::string> plugin_packages() {
  std::vector<std::string> out;
  for (const auto& p : plugin_catalogue()) {
    for (const auto& pkg : p.packages) {
      if (pkg != "better-auth" && std::find(out.begin(), out.end(), pkg) == out.end()) out.push_back(pkg);
    }
  }
  return out;
}

Result<std::vector<Table>> plugin_schema(const PluginSpec& spec, const PluginConfig& config,
                                         const CatalogueRelease& release) {
  Selected selected = select(spec.name, release);
  if (!selected.range) return fail(not_in_release(spec, release));
  const Json& range = *selected.range;
  std::string where =
      fmt::format("the catalogue's {} {} ({} to {})", selected.package, base::to_string(selected.version),
                  range["from"].get<std::string>(), range["to"].get<std::string>());
  if (auto error = range.find("error"); error != range.end()) {
    Error e(ErrorKind::config, fmt::format("plugin `{}`: {} could not be read when the catalogue was made: {}",
                                           spec.name, where, error->get<std::string>()));
    e.hint = "export the app's own schema with `authmigrate schema export` and use --schema";
    return fail(std::move(e));
  }
  Json tables = range["variants"].value(variant_key(range, config), Json::object());
  apply_placements(range, config, tables);
  auto read = read_catalogue_tables(tables, where);
  if (!read) return fail(std::move(read.error()));
  for (const auto& customised : config.schema) {
    const std::string& key = customised.first;  // not a structured binding: clang 14 cannot capture one
    if (std::none_of(read->begin(), read->end(), [&](const Table& t) { return t.key == key; }))
      return fail(ErrorKind::config,
                  fmt::format("better_auth.plugin.{0}.schema.{1}: plugin `{0}` creates no table `{1}` with these "
                              "options in {2} {3}",
                              spec.name, key, selected.package, base::to_string(selected.version)));
  }
  apply_customisation(config, *read);
  return read;
}

bool PluginConfig::flag(const std::string& option, bool fallback) const {
  auto it = options.find(option);
  if (it == options.end()) return fallback;
  if (const bool* b = std::get_if<bool>(&it->second)) return *b;
  return fallback;
}

int64_t PluginConfig::integer(const std::string& option, int64_t fallback) const {
  auto it = options.find(option);
  if (it == options.end()) return fallback;
  if (const int64_t* i = std::get_if<int64_t>(&it->second)) return *i;
  return fallback;
}

std::optional<std::string> PluginConfig::text(const std::string& option) const {
  auto it = options.find(option);
  if (it == options.end()) return std::nullopt;
  if (const std::string* s = std::get_if<std::string>(&it->second)) return *s;
  return std::nullopt;
}

}  // namespace authmigrate::schema
