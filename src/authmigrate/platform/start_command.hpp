// Where migrations run at release, and the app's own start command that they run before.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace authmigrate::platform {

// How commands call authmigrate when it comes from npm (`npm install authmigrate`).
inline constexpr std::string_view k_npm_binary = "npx --no -- authmigrate";

// The one release hook migrations use on platforms that offer a choice (Railway).
enum class ReleaseHook {
  pre_deploy,  // Railway's deploy.preDeployCommand; Heroku's release:; the start command elsewhere
  start,       // the start command everywhere (SQLite on a volume: the pre-deploy container has no volume)
};

// The app's start command as the project has it.
struct AppStart {
  std::string command;               // "npm run start"; empty when no source has one
  std::string source;                // "package.json scripts.start", for messages
  bool migrates = false;             // the command already runs authmigrate
  std::optional<std::string> plain;  // the command without migrations, when that can be told
};

// Everything the file mergers need to know, decided once from the options and the project.
struct ReleaseSetup {
  std::string binary = std::string(k_npm_binary);  // how the commands call authmigrate in the image
  bool from_npm() const { return binary == k_npm_binary; }
  ReleaseHook hook = ReleaseHook::pre_deploy;
  AppStart start;
  bool schema_export = false;  // export the Better Auth schema at build time
  bool force = false;          // replace the user's conflicting values

  std::string deploy_command() const { return binary + " deploy"; }
  // "<binary> deploy && exec <start>" (exec only where the shell allows it, so signals reach the app).
  std::string migrating(std::string_view start_command) const;
};

// True when a command already runs authmigrate in some form (`bin/authmigrate deploy`, `npx authmigrate`).
bool runs_authmigrate(std::string_view command);

// Describes a start command found in `source`: whether it migrates, and what it is without that.
AppStart describe_start(std::string command, std::string source);

}  // namespace authmigrate::platform
