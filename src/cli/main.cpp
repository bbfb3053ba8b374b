// authmigrate: keeps a Better Auth application's database schema correct at every deploy.
// This file only parses the command line and hands over to the command chosen.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands/commands.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "signal_watcher.hpp"

int main(int argc, char** argv) {
  using namespace authmigrate::cli;
  // Answered before the command line is built: build images run `authmigrate --version` as their
  // check step, and it should cost no more than starting the process (CLI11 would build every command
  // and then throw, and the first exception of a static binary sorts its whole unwind table).
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::cout << "authmigrate " << k_version << "\n";
    return 0;
  }
  SignalWatcher::block_signals();
  prepare_console();
  std::vector<std::string> arguments = utf8_arguments(argc, argv);
  std::vector<char*> utf8_argv;
  for (auto& argument : arguments) utf8_argv.push_back(argument.data());
  CLI::App app{"authmigrate: safe, fast database migrations for Better Auth apps", "authmigrate"};
  app.set_version_flag("--version", std::string("authmigrate ") + k_version);
  app.require_subcommand(1);
  app.fallthrough(false);
  Action action;
  // Only the command named first is built when there is one: CLI11 spends about 2 M instructions
  // building every command's options, a sixth of a no-op's own work. `--help` and mistakes build all.
  const CommandEntry* named = find_command(utf8_argv.size() > 1 ? utf8_argv[1] : "");
  for (const auto& entry : k_commands) {
    if (!named || &entry == named) entry.add(app, action);
  }
  app.footer(exit_codes_help() + "\nDocs: README.md");
  try {
    app.parse(static_cast<int>(utf8_argv.size()), utf8_argv.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "authmigrate: error: " << e.what() << "\n"
              << "hint: run `authmigrate --help` (or `authmigrate <command> --help`)\n";
    return exit_code_for(authmigrate::ErrorKind::usage);
  }
  Streams streams;
  try {
    return action(streams);
  } catch (const std::exception& e) {
    std::cerr << "authmigrate: internal error: " << e.what() << "\n";
    return exit_code_for(authmigrate::ErrorKind::internal);
  }
}
