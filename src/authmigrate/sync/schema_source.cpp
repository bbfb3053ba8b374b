#include <authmigrate/sync/schema_source.hpp>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/schema_json.hpp>
#include <authmigrate/schema/toml_config.hpp>

namespace authmigrate::sync {

namespace fs = std::filesystem;

namespace {

Result<std::string> read_source(const fs::path& path) {
  auto text = base::read_file(path);
  if (!text) {
    Error error = std::move(text.error());
    error.kind = ErrorKind::config;
    return fail(std::move(error));
  }
  return text;
}

Result<std::optional<LoadedSchema>> from_json(const fs::path& path) {
  auto text = read_source(path);
  if (!text) return fail(std::move(text.error()));
  auto tables = schema::read_schema_json(*text, path.string());
  if (!tables) return fail(std::move(tables.error()));
  auto resolved = schema::resolve_schema(*tables);
  if (!resolved) return fail(std::move(resolved.error().within(path.string())));
  return LoadedSchema{std::move(*resolved), path.string(), false};
}

// A TOML config without a [better_auth] section is not a schema source.
Result<std::optional<LoadedSchema>> from_toml(const fs::path& path) {
  auto text = read_source(path);
  if (!text) return fail(std::move(text.error()));
  auto options = schema::read_better_auth_toml(*text, path.string());
  if (!options) return fail(std::move(options.error()));
  if (!*options) return std::optional<LoadedSchema>{};
  auto resolved = schema::resolve_schema(schema::build_auth_tables(**options));
  if (!resolved) return fail(std::move(resolved.error().within(path.string())));
  return LoadedSchema{std::move(*resolved), fmt::format("{} [better_auth]", path.string()), true};
}

}  // namespace

Result<std::optional<LoadedSchema>> load_schema_source(const SchemaSourceOptions& options) {
  if (!options.schema_json.empty()) return from_json(options.schema_json);
  std::error_code ec;
  fs::path toml = options.config_toml.empty() ? options.directory / "authmigrate.toml" : options.config_toml;
  if (!options.config_toml.empty() || fs::exists(toml, ec)) {
    auto loaded = from_toml(toml);
    if (!loaded || *loaded) return loaded;
  }
  fs::path json = options.directory / "auth-schema.json";
  if (fs::exists(json, ec)) return from_json(json);
  return std::optional<LoadedSchema>{};
}

}  // namespace authmigrate::sync
