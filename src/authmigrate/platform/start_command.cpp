#include <authmigrate/platform/start_command.hpp>
#include <authmigrate/base/text.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace authmigrate::platform {

namespace {

// `exec X` replaces the shell by X, so the app is the one that gets SIGTERM when the platform stops
// the container. Only a simple command can be exec'ed: not a list, not a builtin, not `A=b cmd`.
bool can_exec(std::string_view command) {
  if (command.empty() || command.find_first_of(";&|(){}\n") != std::string_view::npos) return false;
  auto first = command.substr(0, command.find_first_of(" \t"));
  if (first.find('=') != std::string_view::npos) return false;
  static constexpr std::array<std::string_view, 18> k_shell_words = {
      "cd",    "export", "source", ".",    "set", "unset", "if",    "for",    "while",
      "until", "case",   "exec",   "eval", "!",   "[[",    "alias", "ulimit", "umask"};
  return std::find(k_shell_words.begin(), k_shell_words.end(), first) == k_shell_words.end();
}

std::vector<std::string_view> split_and_list(std::string_view command) {
  std::vector<std::string_view> parts;
  for (;;) {
    auto at = command.find("&&");
    parts.push_back(trim(command.substr(0, at)));
    if (at == std::string_view::npos) return parts;
    command.remove_prefix(at + 2);
  }
}

// "authmigrate wait && authmigrate deploy && exec npm start" -> "npm start"; nullopt when the
// migrations are not simply in front of the app's start.
std::optional<std::string> strip_migrations(std::string_view command) {
  auto parts = split_and_list(command);
  size_t first_app = 0;
  while (first_app < parts.size() && runs_authmigrate(parts[first_app])) ++first_app;
  if (first_app == 0 || first_app == parts.size()) return std::nullopt;
  std::string rest;
  for (size_t i = first_app; i < parts.size(); ++i) {
    if (runs_authmigrate(parts[i]) || parts[i].empty()) return std::nullopt;
    if (!rest.empty()) rest += " && ";
    rest += parts[i];
  }
  if (first_app + 1 == parts.size() && rest.rfind("exec ", 0) == 0) rest = std::string(trim(rest.substr(5)));
  return rest;
}

}  // namespace

bool runs_authmigrate(std::string_view command) { return command.find("authmigrate") != std::string_view::npos; }

std::string ReleaseSetup::migrating(std::string_view start_command) const {
  start_command = trim(start_command);
  if (start_command.rfind("exec ", 0) == 0 || !can_exec(start_command)) {
    return deploy_command() + " && " + std::string(start_command);
  }
  return deploy_command() + " && exec " + std::string(start_command);
}

AppStart describe_start(std::string command, std::string source) {
  AppStart start;
  start.command = std::string(trim(command));
  start.source = std::move(source);
  start.migrates = runs_authmigrate(start.command);
  start.plain = start.migrates ? strip_migrations(start.command) : std::optional<std::string>(start.command);
  return start;
}

}  // namespace authmigrate::platform
