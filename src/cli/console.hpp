// The command line and the console as UTF-8 text on every platform. On Windows main's argv is in the
// ANSI code page (letters outside it become '?'), so the arguments are read again as UTF-16, and the
// console is switched to UTF-8 output and ANSI colours.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace authmigrate::cli {

std::vector<std::string> utf8_arguments(int argc, char** argv);
void prepare_console();

// A line typed on the terminal (standard input), without its line break. nullopt when a stop was
// requested meanwhile (Ctrl-C: the signal watcher sets it) or the input ended.
std::optional<std::string> read_terminal_line();

}  // namespace authmigrate::cli
