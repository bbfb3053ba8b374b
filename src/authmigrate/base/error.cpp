#include <authmigrate/base/error.hpp>

namespace authmigrate {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return "usage";
    case ErrorKind::config:
      return "config";
    case ErrorKind::migration_files:
      return "migration_files";
    case ErrorKind::unsafe_change:
      return "unsafe_change";
    case ErrorKind::migration_failed:
      return "migration_failed";
    case ErrorKind::in_doubt:
      return "in_doubt";
    case ErrorKind::needs_resolve:
      return "needs_resolve";
    case ErrorKind::io:
      return "io";
    case ErrorKind::unreachable:
      return "unreachable";
    case ErrorKind::read_only:
      return "read_only";
    case ErrorKind::deadline:
      return "deadline";
    case ErrorKind::lock_timeout:
      return "lock_timeout";
    case ErrorKind::checksum_mismatch:
      return "checksum_mismatch";
    case ErrorKind::missing_migration:
      return "missing_migration";
    case ErrorKind::interrupted:
      return "interrupted";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

std::string Error::describe() const {
  std::string out;
  for (const auto& c : context) {
    out += c;
    out += ": ";
  }
  // Never an empty message: a driver that said nothing still gets a line that says what failed.
  out += message.empty() ? std::string("failed without a message (") + std::string(to_string(kind)) + ")" : message;
  if (!server_code.empty()) {
    out += " [";
    out += server_code;
    out += "]";
  }
  return out;
}

}  // namespace authmigrate
