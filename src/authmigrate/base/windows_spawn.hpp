// Windows only: starting a child with CreateProcessW, shared by process_win.cpp and
// streamed_process_win.cpp. The command line is quoted by the rules MSVCRT's argv parser reads back;
// the child is put in a job object (before it runs) that kills it, and whatever it started, when the
// job's last handle closes: when we finish, or when we are killed.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>
#include <windows.h>

namespace authmigrate::base {

class ChildProcess {
 public:
  ChildProcess(HANDLE process, HANDLE job) : m_process(process), m_job(job) {}
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ~ChildProcess();
  HANDLE process() const { return m_process; }
  int wait();        // its exit code
  void terminate();  // the child and everything in its job

 private:
  HANDLE m_process;
  HANDLE m_job;
};

struct StdHandles {
  HANDLE in, out, err;  // inheritable
};

// Fails with GetLastError()'s code.
tl::expected<ChildProcess, unsigned long> spawn_child(const std::vector<std::string>& argv,
                                                      const std::vector<std::pair<std::string, std::string>>& extra_env,
                                                      StdHandles handles);

}  // namespace authmigrate::base
