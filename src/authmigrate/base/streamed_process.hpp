// Running a program whose output is shown as it comes (`schema export` runs the app's Node this way):
// stdin is the null device, stdout and stderr arrive merged in `on_output`. When `stop` returns true
// (asked every 100 ms) the program is asked to end (SIGTERM; Windows has no such request, so there it
// is terminated with everything it started, through its job object) and killed 3 s later.
// streamed_process_posix.cpp and streamed_process_win.cpp implement it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::base {

struct StreamedExit {
  int exit_code = -1;  // -1: ended by a signal
  int signal = 0;
};

// The program (argv[0]) is looked up in PATH; `extra_env` replaces variables of the same name. A
// program that is not installed fails with server_code "ENOENT".
Result<StreamedExit> run_streamed(const std::vector<std::string>& argv,
                                  const std::vector<std::pair<std::string, std::string>>& extra_env,
                                  const std::function<void(std::string_view)>& on_output,
                                  const std::function<bool()>& stop);

}  // namespace authmigrate::base
