// `authmigrate init`: what to write into an app's project so that migrations run at release time
// on Nixpacks, Railway and Heroku-style hosts. Planning reads and checks every file first and
// writes nothing; writing happens only when the whole plan was made.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/platform/file_change.hpp>
#include <authmigrate/platform/project_files.hpp>
#include <authmigrate/platform/start_command.hpp>

namespace authmigrate::platform {

struct InitOptions {
  std::optional<std::string> start;  // --start: the app's start command
  // --bin: how commands call authmigrate in the image. npx --no: the copy in node_modules (the npm
  // package), and an error when it is missing rather than whatever the registry has that day.
  std::string binary = std::string(k_npm_binary);
  ReleaseHook hook = ReleaseHook::pre_deploy;
  bool schema_export = false;  // --schema-export (also when auth-schema.json exists)
  bool force = false;          // replace conflicting values of the user's
};

struct InitPlan {
  ReleaseSetup setup;
  std::vector<FileChange> files;  // nixpacks.toml, railway.json, Procfile, package.json, authmigrate.toml
  std::vector<Notice> notices;    // about the project as a whole

  bool writes_anything() const;
  size_t count(FileStatus status) const;
  size_t conflicts() const;
};

// Decides every file's new text. Any malformed file is an error naming it (all of them at once).
Result<InitPlan> plan_init(const ProjectFiles& project, const InitOptions& options);

// Writes the created and updated files (0644 for new ones, existing ones keep their mode).
Result<void> write_init_plan(const std::filesystem::path& dir, const InitPlan& plan);

// Reads, plans and, unless `dry_run`, writes.
Result<InitPlan> run_init(const std::filesystem::path& dir, const InitOptions& options, bool dry_run);

}  // namespace authmigrate::platform
