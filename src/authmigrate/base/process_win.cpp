// process.hpp on Windows: CreateProcessW with the child's stdin/stdout on files (or NUL) and its
// stderr on a pipe we read. The child runs in a job object that kills it when we exit, so a stopped
// authmigrate leaves no pg_dump behind. Arguments are quoted by the rules MSVCRT's argv parser uses.
#include <authmigrate/base/process.hpp>

#include <windows.h>

#include <fmt/format.h>

#include <authmigrate/base/windows_spawn.hpp>
#include <authmigrate/base/windows_text.hpp>

namespace authmigrate::base {

namespace {

HANDLE inheritable(const std::filesystem::path& path, bool write) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  std::filesystem::path target = path.empty() ? std::filesystem::path(L"NUL") : path;
  return CreateFileW(target.c_str(), write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                     write ? CREATE_ALWAYS : OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
}

Error cannot_run(const std::string& program, unsigned long code) {
  return Error(ErrorKind::io, fmt::format("cannot run {}: {}", program, windows_error_text(code)))
      .with_hint(fmt::format("install {} and put its folder on PATH (see README: backups)", program));
}

}  // namespace

Result<ProcessOutcome> run_process(const ProcessSpec& spec) {
  if (spec.argv.empty()) return fail(ErrorKind::internal, "run_process: no program");
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE err_read = nullptr, err_write = nullptr;
  if (!CreatePipe(&err_read, &err_write, &inherit, 0))
    return fail(ErrorKind::io, fmt::format("pipe: {}", windows_error_text(GetLastError())));
  SetHandleInformation(err_read, HANDLE_FLAG_INHERIT, 0);
  HANDLE in = inheritable(spec.stdin_file, false), out = inheritable(spec.stdout_file, true);
  auto close_all = [&] {
    for (HANDLE h : {in, out, err_write}) {
      if (h && h != INVALID_HANDLE_VALUE) CloseHandle(h);
    }
  };
  if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE) {
    DWORD code = GetLastError();
    close_all();
    CloseHandle(err_read);
    return fail(ErrorKind::io, fmt::format("cannot open the files of {}: {}", spec.argv[0], windows_error_text(code)));
  }
  auto child = spawn_child(spec.argv, spec.extra_env, {in, out, err_write});
  close_all();
  if (!child) {
    CloseHandle(err_read);
    return fail(cannot_run(spec.argv[0], child.error()));
  }
  ProcessOutcome outcome;
  char buffer[4096];
  DWORD n = 0;
  while (ReadFile(err_read, buffer, sizeof buffer, &n, nullptr) && n > 0) {
    if (outcome.error_output.size() < 65536) outcome.error_output.append(buffer, n);
  }
  CloseHandle(err_read);
  outcome.exit_code = child->wait();
  while (!outcome.error_output.empty() && (outcome.error_output.back() == '\n' || outcome.error_output.back() == '\r'))
    outcome.error_output.pop_back();
  return outcome;
}

bool program_installed(const std::string& name) {
  wchar_t found[MAX_PATH];
  return SearchPathW(nullptr, wide_from_utf8(name).c_str(), L".exe", MAX_PATH, found, nullptr) > 0;
}

Result<std::filesystem::path> own_executable() {
  std::wstring path(32768, L'\0');
  DWORD n = GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
  if (n == 0)
    return fail(ErrorKind::config,
                fmt::format("cannot find authmigrate's own path: {}", windows_error_text(GetLastError())));
  path.resize(n);
  return std::filesystem::path(path);
}

}  // namespace authmigrate::base
