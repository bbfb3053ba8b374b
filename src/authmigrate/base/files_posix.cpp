// files.hpp on Linux (and any POSIX system).
#include <authmigrate/base/files.hpp>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace authmigrate::base {

namespace {
Error io_error(std::string what, const std::filesystem::path& path, int err) {
  return Error(ErrorKind::io, fmt::format("{} {}: {}", what, path.string(), std::strerror(err)));
}
}  // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(io_error("cannot open", path, errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return fail(io_error("cannot read", path, EISDIR));
  }
  std::string out;
  if (st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return fail(io_error("cannot read", path, err));
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

namespace {

// `--output /dev/null`, a FIFO, /dev/stdout: written in place. Renaming over one would replace the device
// with a regular file (as root, /dev/null itself).
Result<bool> write_to_special_file(const std::filesystem::path& path, std::string_view content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return false;
  if (S_ISDIR(st.st_mode)) return fail(io_error("cannot write", path, EISDIR));
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return fail(io_error("cannot write", path, errno));
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return fail(io_error("cannot write", path, err));
    }
    written += static_cast<size_t>(n);
  }
  ::close(fd);
  return true;
}

}  // namespace

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content, unsigned mode,
                               bool exclusive) {
  if (exclusive && ::access(path.c_str(), F_OK) == 0) return fail(io_error("refusing to overwrite", path, EEXIST));
  auto special = write_to_special_file(path, content);
  if (!special) return fail(std::move(special.error()));
  if (*special) return {};
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fail(io_error("cannot create a file in", dir, errno));
  ::fchmod(fd, static_cast<mode_t>(mode));
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      return fail(io_error("cannot write", path, err));
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return fail(io_error("cannot write", path, err));
  }
  int rc = exclusive ? ::link(tmpl.c_str(), path.c_str()) : ::rename(tmpl.c_str(), path.c_str());
  int err = errno;
  if (exclusive) ::unlink(tmpl.c_str());
  if (rc != 0) {
    if (!exclusive) ::unlink(tmpl.c_str());
    return fail(io_error(exclusive && err == EEXIST ? "refusing to overwrite" : "cannot write", path, err));
  }
  return {};
}

Result<void> create_private_file(const std::filesystem::path& path, bool append) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0600);
  if (fd < 0) return fail(io_error("cannot create", path, errno));
  ::close(fd);
  return {};
}

Result<void> replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return fail(io_error("cannot rename", from, errno));
  return {};
}

}  // namespace authmigrate::base
