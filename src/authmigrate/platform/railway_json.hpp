// railway.json: Railway's own release hook, deploy.preDeployCommand, merged into the user's file.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <authmigrate/base/error.hpp>
#include <authmigrate/platform/file_change.hpp>
#include <authmigrate/platform/start_command.hpp>

namespace authmigrate::platform {

inline constexpr const char* k_railway_schema = "https://railway.com/railway.schema.json";

// Parses railway.json and checks the parts init touches (`build`, `deploy`, their commands).
Result<nlohmann::ordered_json> read_railway_json(std::string_view text, std::string_view display_name);

// Pre-deploy hook: adds deploy.preDeployCommand, and deploy.startCommand = the app's start without
// migrations, so that on Railway the migrating nixpacks.toml start command does not run them again.
// Start hook: deploy.startCommand runs migrations first (Railpack ignores nixpacks.toml).
Result<FileChange> merge_railway_json(const std::optional<std::string>& existing, std::string display_name,
                                      const ReleaseSetup& setup);

}  // namespace authmigrate::platform
