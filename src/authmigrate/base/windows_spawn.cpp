#include <authmigrate/base/windows_spawn.hpp>

#include <algorithm>
#include <cwchar>

#include <authmigrate/base/windows_text.hpp>

namespace authmigrate::base {

namespace {

// One argument as CommandLineToArgvW and MSVCRT read it back: quoted when it has a space, tab or quote;
// backslashes doubled only before a quote.
std::wstring quote_argument(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  size_t backslashes = 0;
  for (wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
      continue;
    }
    out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
    backslashes = 0;
    out += c;
  }
  out.append(backslashes * 2, L'\\');
  return out + L"\"";
}

std::wstring command_line(const std::vector<std::string>& argv) {
  std::wstring line;
  for (const auto& arg : argv) line += (line.empty() ? L"" : L" ") + quote_argument(wide_from_utf8(arg));
  return line;
}

// Our environment with `extra` added (replacing variables of the same name, which Windows compares
// without case), as the double-NUL-terminated block CreateProcessW takes.
std::wstring environment_block(const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::wstring> extra_names;
  for (const auto& entry : extra) extra_names.push_back(wide_from_utf8(entry.first + "="));
  std::wstring block;
  wchar_t* strings = GetEnvironmentStringsW();
  for (const wchar_t* e = strings; e && *e; e += wcslen(e) + 1) {
    bool replaced = false;
    for (const auto& name : extra_names) replaced |= _wcsnicmp(e, name.c_str(), name.size()) == 0;
    if (!replaced) block.append(e).push_back(L'\0');
  }
  FreeEnvironmentStringsW(strings);
  for (const auto& [key, value] : extra) block.append(wide_from_utf8(key + "=" + value)).push_back(L'\0');
  block.push_back(L'\0');
  return block;
}

// A job that kills what it holds when its last handle (ours) closes, also when we are killed.
HANDLE kill_on_close_job() {
  HANDLE job = CreateJobObjectW(nullptr, nullptr);
  if (!job) return nullptr;
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
  limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
  SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
  return job;
}

}  // namespace

ChildProcess::ChildProcess(ChildProcess&& other) noexcept : m_process(other.m_process), m_job(other.m_job) {
  other.m_process = nullptr;
  other.m_job = nullptr;
}

ChildProcess::~ChildProcess() {
  if (m_process) CloseHandle(m_process);
  if (m_job) CloseHandle(m_job);
}

int ChildProcess::wait() {
  WaitForSingleObject(m_process, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(m_process, &code);
  return static_cast<int>(code);
}

void ChildProcess::terminate() {
  if (m_job) TerminateJobObject(m_job, 1);
  TerminateProcess(m_process, 1);
}

tl::expected<ChildProcess, unsigned long> spawn_child(const std::vector<std::string>& argv,
                                                      const std::vector<std::pair<std::string, std::string>>& extra_env,
                                                      StdHandles handles) {
  STARTUPINFOEXW startup{};
  startup.StartupInfo.cb = sizeof startup;
  startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
  startup.StartupInfo.hStdInput = handles.in;
  startup.StartupInfo.hStdOutput = handles.out;
  startup.StartupInfo.hStdError = handles.err;
  // Only these handles are inherited: not the pipes of a child another thread starts at the same time
  // (deploy --jobs), which would keep that child's pipe open until this one ends.
  std::vector<HANDLE> inherited{handles.in};
  for (HANDLE h : {handles.out, handles.err}) {
    if (std::find(inherited.begin(), inherited.end(), h) == inherited.end()) inherited.push_back(h);
  }
  SIZE_T size = 0;
  InitializeProcThreadAttributeList(nullptr, 1, 0, &size);
  std::vector<char> attributes(size);
  startup.lpAttributeList = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attributes.data());
  if (!InitializeProcThreadAttributeList(startup.lpAttributeList, 1, 0, &size) ||
      !UpdateProcThreadAttribute(startup.lpAttributeList, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited.data(),
                                 inherited.size() * sizeof(HANDLE), nullptr, nullptr))
    return tl::unexpected(GetLastError());
  std::wstring line = command_line(argv);
  std::wstring env = environment_block(extra_env);
  PROCESS_INFORMATION child{};
  // Suspended until it is in the job, so nothing it starts can escape the job.
  BOOL started =
      CreateProcessW(nullptr, line.data(), nullptr, nullptr, TRUE,
                     CREATE_UNICODE_ENVIRONMENT | CREATE_SUSPENDED | CREATE_NO_WINDOW | EXTENDED_STARTUPINFO_PRESENT,
                     env.data(), nullptr, &startup.StartupInfo, &child);
  DWORD start_error = GetLastError();
  DeleteProcThreadAttributeList(startup.lpAttributeList);
  if (!started) return tl::unexpected(start_error);
  HANDLE job = kill_on_close_job();
  if (job) AssignProcessToJobObject(job, child.hProcess);
  ResumeThread(child.hThread);
  CloseHandle(child.hThread);
  return ChildProcess(child.hProcess, job);
}

}  // namespace authmigrate::base
