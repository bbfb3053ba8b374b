// Procfile: Heroku's release phase, `release: <binary> deploy`, added to the app's own process lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/platform/file_change.hpp>
#include <authmigrate/platform/start_command.hpp>

namespace authmigrate::platform {

struct ProcfileEntry {
  std::string type;  // "web", "release", ...
  std::string command;
  size_t line = 0;  // 1-based
};

// Parses `type: command` lines (blank lines and # comments allowed); anything else is a config
// error naming the file and line.
Result<std::vector<ProcfileEntry>> read_procfile(std::string_view text, std::string_view display_name);

std::optional<std::string> procfile_command(const std::vector<ProcfileEntry>& entries, std::string_view type);

// Adds `release: <binary> deploy`, changing no other line. A new Procfile also gets `web:` with
// the app's start (without one, Railpack would take the release line for the start command);
// with no start known, no Procfile is created. Skipped with the start hook.
Result<FileChange> merge_procfile(const std::optional<std::string>& existing, std::string display_name,
                                  const ReleaseSetup& setup);

}  // namespace authmigrate::platform
