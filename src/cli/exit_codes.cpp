#include "exit_codes.hpp"

namespace authmigrate::cli {

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::migration_failed:
    case ErrorKind::in_doubt:
    case ErrorKind::needs_resolve:
    case ErrorKind::io:
      return 1;
    case ErrorKind::usage:
    case ErrorKind::config:
    case ErrorKind::migration_files:
    case ErrorKind::unsafe_change:
      return 2;
    case ErrorKind::unreachable:
    case ErrorKind::read_only:
    case ErrorKind::deadline:
      return 3;
    case ErrorKind::lock_timeout:
      return 4;
    case ErrorKind::checksum_mismatch:
    case ErrorKind::missing_migration:
      return 5;
    case ErrorKind::interrupted:
      return 130;
    case ErrorKind::internal:
      return 70;
  }
  return 70;
}

std::string exit_codes_help() {
  std::string text = "Exit codes:";
  for (const auto& [code, meaning] : k_exit_codes) {
    text += code == k_exit_codes.front().code ? " " : ", ";
    text += std::to_string(code);
    text += ' ';
    text += meaning;
  }
  return text + ".";
}

}  // namespace authmigrate::cli
