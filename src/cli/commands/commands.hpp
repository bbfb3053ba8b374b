// One function per command: registers its flags on the CLI11 app and returns the action to run
// after parsing. Actions return a Result holding the exit code.
#pragma once

#include <functional>
#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include <authmigrate/base/error.hpp>

namespace authmigrate::cli {

struct Streams {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
};

// The action reports its own progress; an Error it returns is printed by main.
using Action = std::function<int(Streams&)>;

void add_migrate_command(CLI::App& app, Action& action);
void add_status_command(CLI::App& app, Action& action);
void add_wait_command(CLI::App& app, Action& action);
void add_new_command(CLI::App& app, Action& action);
void add_resolve_command(CLI::App& app, Action& action);
void add_generate_command(CLI::App& app, Action& action);
void add_deploy_command(CLI::App& app, Action& action);
void add_schema_command(CLI::App& app, Action& action);  // schema export
void add_init_command(CLI::App& app, Action& action);
void add_verify_command(CLI::App& app, Action& action);
void add_repair_command(CLI::App& app, Action& action);

// Every command, in the order `--help` lists them.
struct CommandEntry {
  std::string_view name;
  void (*add)(CLI::App& app, Action& action);
};
inline constexpr CommandEntry k_commands[] = {
    {"migrate", add_migrate_command}, {"status", add_status_command},   {"wait", add_wait_command},
    {"new", add_new_command},         {"resolve", add_resolve_command}, {"generate", add_generate_command},
    {"deploy", add_deploy_command},   {"schema", add_schema_command},   {"init", add_init_command},
    {"verify", add_verify_command},   {"repair", add_repair_command},
};

// The entry whose name is `name` exactly, else nullptr.
inline const CommandEntry* find_command(std::string_view name) {
  for (const auto& entry : k_commands) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

inline constexpr const char* k_version = "0.1.0";

}  // namespace authmigrate::cli
