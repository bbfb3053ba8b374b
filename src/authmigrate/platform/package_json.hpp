// package.json: the `"migrate": "<binary> deploy"` script, merged into the app's own scripts.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <authmigrate/base/error.hpp>
#include <authmigrate/platform/file_change.hpp>
#include <authmigrate/platform/start_command.hpp>

namespace authmigrate::platform {

// Parses package.json and checks the parts init relies on (`scripts` is an object of strings).
Result<nlohmann::ordered_json> read_package_json(std::string_view text, std::string_view display_name);

// scripts.start, when there is one.
std::optional<std::string> package_start_script(const nlohmann::ordered_json& package);

// Adds scripts.migrate; keeps every other key in its place. No package.json: skipped (init does
// not turn a folder into a Node project).
Result<FileChange> merge_package_json(const std::optional<std::string>& existing, std::string display_name,
                                      const ReleaseSetup& setup);

}  // namespace authmigrate::platform
