#include <authmigrate/base/streamed_process.hpp>

#include <fmt/format.h>

#include <authmigrate/base/windows_spawn.hpp>
#include <authmigrate/base/windows_text.hpp>

namespace authmigrate::base {

Result<StreamedExit> run_streamed(const std::vector<std::string>& argv,
                                  const std::vector<std::pair<std::string, std::string>>& extra_env,
                                  const std::function<void(std::string_view)>& on_output,
                                  const std::function<bool()>& stop) {
  if (argv.empty()) return fail(ErrorKind::internal, "run_streamed: no program");
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE read_end = nullptr, write_end = nullptr;
  if (!CreatePipe(&read_end, &write_end, &inherit, 0))
    return fail(ErrorKind::io, fmt::format("cannot create a pipe: {}", windows_error_text(GetLastError())));
  SetHandleInformation(read_end, HANDLE_FLAG_INHERIT, 0);
  HANDLE null_in =
      CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit, OPEN_EXISTING, 0, nullptr);
  auto child = spawn_child(argv, extra_env, {null_in, write_end, write_end});
  CloseHandle(write_end);
  if (null_in != INVALID_HANDLE_VALUE) CloseHandle(null_in);
  if (!child) {
    CloseHandle(read_end);
    Error error(ErrorKind::config, fmt::format("cannot run {}: {}", argv[0], windows_error_text(child.error())));
    if (child.error() == ERROR_FILE_NOT_FOUND || child.error() == ERROR_PATH_NOT_FOUND) error.server_code = "ENOENT";
    return fail(std::move(error));
  }
  // Anonymous pipes have no overlapped reads: peek, read what is there, and look at `stop` in between.
  bool stopped = false;
  char buffer[8192];
  for (;;) {
    if (!stopped && stop()) {
      child->terminate();
      stopped = true;
    }
    DWORD available = 0;
    if (!PeekNamedPipe(read_end, nullptr, 0, nullptr, &available, nullptr)) break;  // closed: all done
    if (available == 0) {
      Sleep(50);
      continue;
    }
    DWORD n = 0;
    if (!ReadFile(read_end, buffer, std::min<DWORD>(available, sizeof buffer), &n, nullptr) || n == 0) break;
    on_output(std::string_view(buffer, n));
  }
  CloseHandle(read_end);
  StreamedExit result;
  result.exit_code = child->wait();
  return result;
}

}  // namespace authmigrate::base
