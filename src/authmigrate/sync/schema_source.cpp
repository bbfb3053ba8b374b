#include <authmigrate/sync/schema_source.hpp>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/base/version.hpp>
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

// With --better-auth-version, the tables stay the export's and the release's DDL rules apply to them.
Result<std::optional<LoadedSchema>> from_json(const fs::path& path, const std::string& asked) {
  auto text = read_source(path);
  if (!text) return fail(std::move(text.error()));
  auto tables = schema::read_schema_json(*text, path.string());
  if (!tables) return fail(std::move(tables.error()));
  if (!asked.empty()) {
    if (!base::parse_version(asked))
      return fail(Error(ErrorKind::config,
                        fmt::format("--better-auth-version \"{}\" is not an exact better-auth version", asked))
                      .with_hint("give a release as npm records it, e.g. 1.6.22"));
  }
  std::string exported = tables->better_auth_version;
  if (!asked.empty()) tables->better_auth_version = asked;
  auto resolved = schema::resolve_schema(*tables);
  if (!resolved) return fail(std::move(resolved.error().within(path.string())));
  LoadedSchema loaded{std::move(*resolved), path.string(), false, std::nullopt, {}};
  if (!asked.empty() && asked != exported) loaded.asked_version = asked;
  return loaded;
}

// A TOML config without a [better_auth] section is not a schema source.
Result<std::optional<LoadedSchema>> from_toml(const fs::path& path, const SchemaSourceOptions& source) {
  auto text = read_source(path);
  if (!text) return fail(std::move(text.error()));
  auto options = schema::read_better_auth_toml(*text, path.string());
  if (!options) return fail(std::move(options.error()));
  if (!*options) return std::optional<LoadedSchema>{};
  auto choice = choose_release(source.better_auth_version, **options, source.directory);
  if (!choice) return fail(std::move(choice.error().within(path.string())));
  auto tables = schema::build_auth_tables(**options, choice->release);
  if (!tables) return fail(std::move(tables.error().within(path.string())));
  auto resolved = schema::resolve_schema(*tables);
  if (!resolved) return fail(std::move(resolved.error().within(path.string())));
  return LoadedSchema{
      std::move(*resolved), fmt::format("{} [better_auth]", path.string()), true, std::move(*choice), {}};
}

}  // namespace

Result<std::optional<LoadedSchema>> load_schema_source(const SchemaSourceOptions& options) {
  if (!options.schema_json.empty()) return from_json(options.schema_json, options.better_auth_version);
  std::error_code ec;
  fs::path toml = options.config_toml.empty() ? options.directory / "authmigrate.toml" : options.config_toml;
  if (!options.config_toml.empty() || fs::exists(toml, ec)) {
    auto loaded = from_toml(toml, options);
    if (!loaded || *loaded) return loaded;
  }
  fs::path json = options.directory / "auth-schema.json";
  if (fs::exists(json, ec)) return from_json(json, options.better_auth_version);
  return std::optional<LoadedSchema>{};
}

}  // namespace authmigrate::sync
