// Whether the schema describes the Better Auth the app actually installed: the version in its
// node_modules (else its lock file) against the catalogue's range (authmigrate.toml) or against the
// version the export was made from (auth-schema.json). A schema from one release must not be applied
// silently to an app running another.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <authmigrate/base/error.hpp>
#include <authmigrate/sync/schema_source.hpp>

namespace authmigrate::sync {

// The releases the built-in catalogue describes: one DDL generator and core schema (no account.issuer).
inline constexpr std::string_view kCatalogueLowestVersion = "1.7.3";

struct AppVersion {
  std::string installed;        // "1.7.25"
  std::filesystem::path file;   // where it was read
  std::string mismatch;         // empty: the schema describes it; else why not, naming both versions
  std::string hint;
};

// nullopt when the app's directory (walked up from `directory`) names no better-auth, or names one
// that is not an exact version (a workspace link, a git URL). An unreadable package or lock file is
// an error of kind config.
Result<std::optional<AppVersion>> check_app_version(const LoadedSchema& loaded,
                                                    const std::filesystem::path& directory);

}  // namespace authmigrate::sync
