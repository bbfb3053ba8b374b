// The files of an app's project folder that `authmigrate init` reads, read once up front.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::platform {

inline constexpr std::string_view k_nixpacks_toml = "nixpacks.toml";
inline constexpr std::string_view k_railway_json = "railway.json";
inline constexpr std::string_view k_procfile = "Procfile";
inline constexpr std::string_view k_package_json = "package.json";
inline constexpr std::string_view k_authmigrate_toml = "authmigrate.toml";
inline constexpr std::string_view k_auth_schema_json = "auth-schema.json";

struct ProjectFiles {
  std::filesystem::path dir;  // the project folder, as given
  std::optional<std::string> nixpacks_toml;
  std::optional<std::string> railway_json;
  std::optional<std::string> procfile;
  std::optional<std::string> package_json;
  std::optional<std::string> authmigrate_toml;
  bool has_auth_schema_json = false;  // the app uses the schema-export path
  bool has_dockerfile = false;        // Railway then builds with it and never reads nixpacks.toml
  bool has_railway_toml = false;      // Railway reads railway.toml too; we only write railway.json

  // How a file of the project is named in messages: "package.json", or "app/package.json" for --project app.
  std::string display(std::string_view name) const;
};

// Reads the project's files; a missing file is nullopt, an unreadable one an error.
Result<ProjectFiles> read_project_files(const std::filesystem::path& dir);

}  // namespace authmigrate::platform
