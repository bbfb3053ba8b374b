#include "console.hpp"

#include <cerrno>

#include <poll.h>
#include <unistd.h>

#include <authmigrate/base/interrupt.hpp>

namespace authmigrate::cli {

std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

void prepare_console() {}

// SIGINT is taken by the signal watcher's thread, so a blocked read would never see it: the terminal is
// polled a tenth of a second at a time, and the stop flag checked in between.
std::optional<std::string> read_terminal_line() {
  std::string line;
  while (!base::stop_requested()) {
    pollfd input{STDIN_FILENO, POLLIN, 0};
    int ready = ::poll(&input, 1, 100);
    if (ready < 0 && errno != EINTR) return std::nullopt;
    if (ready <= 0) continue;
    char c = 0;
    ssize_t got = ::read(STDIN_FILENO, &c, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return std::nullopt;
    if (c == '\n') return line;
    line.push_back(c);
  }
  return std::nullopt;
}

}  // namespace authmigrate::cli
