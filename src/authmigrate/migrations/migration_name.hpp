// The names a migration file may have, parsed into a version (what orders and identifies it) and a
// description. Two patterns are accepted:
//   2026-11-24T10-15-30.123Z.sql  what `auth generate` writes (ISO time, ':' replaced by '-')
//   0001_add_orders.sql           digits, '_', words (letters, digits, '_' and '-')
#pragma once

#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::migrations {

struct MigrationName {
  std::string version;      // "2026-11-24T10-15-30.123Z" or "0001"
  std::string description;  // "" or "add_orders"
  std::string file_name;    // as on disk
};

// Error (kind migration_files) for any other *.sql name, saying which patterns are accepted.
Result<MigrationName> parse_migration_name(std::string_view file_name);

// The file name `authmigrate new` writes for a UTC time: Better Auth's own pattern, with an
// optional "_description" suffix so people can tell files apart.
std::string new_migration_file_name(std::string_view iso_utc_time_with_millis, std::string_view description);

// True for the names `auth generate` (and `authmigrate generate`) write: the bare ISO time, no
// description. Such files hold Better Auth's own DDL.
inline bool is_generated_name(const MigrationName& name) {
  return name.description.empty() && name.version.find('T') != std::string::npos;
}

// Lexical order of versions; the runner applies files in this order.
inline bool version_less(const MigrationName& a, const MigrationName& b) { return a.version < b.version; }

}  // namespace authmigrate::migrations
