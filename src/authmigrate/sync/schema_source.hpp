// Where the wanted Better Auth schema comes from, for migrate, generate, status and deploy:
//   --schema FILE (an exported JSON), else --config FILE or ./authmigrate.toml with a
//   [better_auth] section, else ./auth-schema.json; none of them: no schema sync.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <authmigrate/base/error.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/sync/release_choice.hpp>

namespace authmigrate::sync {

struct SchemaSourceOptions {
  std::filesystem::path schema_json;  // --schema
  std::filesystem::path config_toml;  // --config
  std::filesystem::path directory = ".";
  std::string better_auth_version;  // --better-auth-version: the release to build the schema for
};

struct LoadedSchema {
  schema::Schema schema;
  std::string source;                    // "auth-schema.json", "authmigrate.toml [better_auth]"
  bool from_catalogue = false;           // [better_auth]: the built-in catalogue, not an export
  std::optional<ReleaseChoice> release;  // the catalogue's: which release, and why
  // --better-auth-version with an export: the release whose DDL rules apply to the export's tables
  std::string asked_version;
};

// nullopt when no source exists (only SQL files run). A source that exists but does not load is
// an error of kind config naming the file and line.
Result<std::optional<LoadedSchema>> load_schema_source(const SchemaSourceOptions& options);

}  // namespace authmigrate::sync
