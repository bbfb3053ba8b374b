// nixpacks.toml: a build step that checks the authmigrate binary is in the image (and exports the
// schema when the app uses the export), and a start command that migrates before the app starts.
// Edits are made in place, so the user's phases, comments and layout stay as they were.
#pragma once

#include <optional>
#include <string>

#include <toml++/toml.h>

#include <authmigrate/base/error.hpp>
#include <authmigrate/platform/file_change.hpp>
#include <authmigrate/platform/start_command.hpp>

namespace authmigrate::platform {

// Parses nixpacks.toml and checks the parts init touches; errors name "file:line:column".
Result<toml::table> read_nixpacks_toml(std::string_view text, std::string_view display_name);

// [start] cmd, when there is one.
std::optional<std::string> nixpacks_start_command(const toml::table& nixpacks);

// The build-time commands of [phases.authmigrate]: the binary check, and the schema export.
std::vector<std::string> binary_phase_commands(const ReleaseSetup& setup);

// `empty_procfile_release`: add `[phases.release] cmds = []`, because Nixpacks turns a Procfile
// `release:` line into a build step (which would migrate while the image builds).
Result<FileChange> merge_nixpacks_toml(const std::optional<std::string>& existing, std::string display_name,
                                       const ReleaseSetup& setup, bool empty_procfile_release);

}  // namespace authmigrate::platform
