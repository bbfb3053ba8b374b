// Running a helper program (pg_dump, pg_restore, mysqldump, mariadb) with its stdout in a file and its
// stderr captured. Secrets go in through `extra_env` (PGPASSWORD, MYSQL_PWD), never on the command
// line, where any user of the machine could read them. process_posix.cpp (posix_spawn) and
// process_win.cpp (CreateProcessW, the child in a job object that dies with us) implement it.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::base {

struct ProcessOutcome {
  int exit_code = 0;         // 128 + signal number when killed by one
  std::string error_output;  // stderr, at most 64 KiB
};

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in PATH
  std::vector<std::pair<std::string, std::string>> extra_env;
  std::filesystem::path stdout_file;  // created 0600 (truncated); empty: discarded
  std::filesystem::path stdin_file;   // empty: /dev/null
};

// Fails (kind io) only when the program cannot be started (e.g. not installed); a non-zero exit is
// reported in the outcome.
Result<ProcessOutcome> run_process(const ProcessSpec& spec);

// Whether `name` can be run: on POSIX an executable in /usr/bin, /usr/local/bin or /bin; on Windows
// `name`.exe on PATH.
bool program_installed(const std::string& name);

// This program's own file (/proc/self/exe; on Windows GetModuleFileNameW).
Result<std::filesystem::path> own_executable();

}  // namespace authmigrate::base
