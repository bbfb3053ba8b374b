// Whether the schema describes the Better Auth the app actually installed: for [better_auth], the
// release the catalogue was asked for against the installed one (release_choice); for an exported
// auth-schema.json, the version it was exported from against the installed one. A schema from one
// release must not be applied silently to an app running another.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/sync/schema_source.hpp>

namespace authmigrate::sync {

struct AppVersion {
  std::string installed;                // "1.7.25"; empty when the app's better-auth was not found
  std::filesystem::path file;           // where it was read
  std::string release;                  // the release the schema is built for
  std::string said_by;                  // what chose it
  std::vector<std::string> mismatches;  // empty: the schema describes it; else why not, naming both versions
  std::string hint;
};

// An unreadable package or lock file is an error of kind config.
Result<AppVersion> check_app_version(const LoadedSchema& loaded, const std::filesystem::path& directory);

}  // namespace authmigrate::sync
