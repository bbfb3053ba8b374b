// files.hpp on Windows: the W functions with UTF-16 paths. An atomic replace is MoveFileExW
// (MSVCRT's rename fails when the target exists); an exclusive create is a move that may not replace.
// Mode bits do not exist: a file gets the ACL its folder passes on (docs/windows.md).
#include <authmigrate/base/files.hpp>

#include <random>
#include <string>

#include <windows.h>

#include <fmt/format.h>

#include <authmigrate/base/windows_text.hpp>

namespace authmigrate::base {

namespace {
Error io_error(std::string_view what, const std::filesystem::path& path, DWORD code) {
  return Error(ErrorKind::io, fmt::format("{} {}: {}", what, path_utf8(path), windows_error_text(code)));
}

class Handle {
 public:
  explicit Handle(HANDLE h) : m_h(h) {}
  ~Handle() { close(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  bool valid() const { return m_h != INVALID_HANDLE_VALUE; }
  HANDLE get() const { return m_h; }
  bool close() {
    bool ok = !valid() || CloseHandle(m_h);
    m_h = INVALID_HANDLE_VALUE;
    return ok;
  }

 private:
  HANDLE m_h;
};

HANDLE open_for_writing(const std::filesystem::path& path, DWORD disposition) {
  return CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, disposition, FILE_ATTRIBUTE_NORMAL, nullptr);
}

// A new file beside `path`, named .<name>.<random>, created with CREATE_NEW (never an existing one).
std::filesystem::path create_temporary_beside(const std::filesystem::path& path, HANDLE& handle) {
  std::random_device random;
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  for (int attempt = 0; attempt < 16; ++attempt) {
    auto name = dir / (L"." + path.filename().wstring() + L"." + std::to_wstring(random()));
    handle = open_for_writing(name, CREATE_NEW);
    if (handle != INVALID_HANDLE_VALUE || GetLastError() != ERROR_FILE_EXISTS) return name;
  }
  return {};
}
}  // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  Handle file(CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                          OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
  if (!file.valid()) {
    DWORD code = GetLastError();
    std::error_code ec;
    if (code == ERROR_ACCESS_DENIED && std::filesystem::is_directory(path, ec))
      return fail(Error(ErrorKind::io, fmt::format("cannot read {}: Is a directory", path_utf8(path))));
    return fail(io_error("cannot open", path, code));
  }
  std::string out;
  LARGE_INTEGER size{};
  if (GetFileSizeEx(file.get(), &size) && size.QuadPart > 0) out.reserve(static_cast<size_t>(size.QuadPart));
  char buffer[65536];
  for (;;) {
    DWORD n = 0;
    if (!ReadFile(file.get(), buffer, sizeof buffer, &n, nullptr))
      return fail(io_error("cannot read", path, GetLastError()));
    if (n == 0) break;
    out.append(buffer, n);
  }
  return out;
}

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content, unsigned /*mode*/,
                               bool exclusive) {
  std::error_code ec;
  if (exclusive && std::filesystem::exists(path, ec))
    return fail(io_error("refusing to overwrite", path, ERROR_FILE_EXISTS));
  HANDLE raw = INVALID_HANDLE_VALUE;
  auto temporary = create_temporary_beside(path, raw);
  Handle file(raw);
  if (!file.valid()) return fail(io_error("cannot create a file beside", path, GetLastError()));
  auto discard = [&](DWORD code, std::string_view what) {
    file.close();
    DeleteFileW(temporary.c_str());
    return fail(io_error(what, path, code));
  };
  size_t written = 0;
  while (written < content.size()) {
    DWORD chunk = static_cast<DWORD>(std::min<size_t>(content.size() - written, 1 << 20)), n = 0;
    if (!WriteFile(file.get(), content.data() + written, chunk, &n, nullptr))
      return discard(GetLastError(), "cannot write");
    written += n;
  }
  if (!FlushFileBuffers(file.get()) || !file.close()) return discard(GetLastError(), "cannot write");
  DWORD flags = MOVEFILE_WRITE_THROUGH | (exclusive ? 0 : MOVEFILE_REPLACE_EXISTING);
  if (!MoveFileExW(temporary.c_str(), path.c_str(), flags)) {
    DWORD code = GetLastError();
    DeleteFileW(temporary.c_str());
    bool exists = code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS;
    return fail(io_error(exclusive && exists ? "refusing to overwrite" : "cannot write", path, code));
  }
  return {};
}

Result<void> create_private_file(const std::filesystem::path& path, bool append) {
  Handle file(open_for_writing(path, append ? OPEN_ALWAYS : CREATE_ALWAYS));
  if (!file.valid()) return fail(io_error("cannot create", path, GetLastError()));
  return {};
}

Result<void> replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (!MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return fail(io_error("cannot rename", from, GetLastError()));
  return {};
}

}  // namespace authmigrate::base
