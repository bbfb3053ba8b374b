// A migration file read from disk: its parsed name, its bytes, their checksum and its directives.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/migrations/migration_name.hpp>

namespace authmigrate::migrations {

struct MigrationFile {
  MigrationName name;
  std::filesystem::path path;
  std::string content;
  std::string checksum;        // SHA-256 of the bytes, hex
  bool in_transaction = true;  // false when the first line is `-- authmigrate:no-transaction`
};

// Reads every *.sql file directly in `dir` (other files and sub-folders are ignored), sorted by
// version. Every problem is collected before failing: bad names, unreadable files, two files with
// one version, links that point outside the folder. A missing folder is an error only if `required`.
Result<std::vector<MigrationFile>> read_migration_directory(const std::filesystem::path& dir, bool required);

// True when the first line of `content` is the no-transaction directive.
bool has_no_transaction_directive(std::string_view content);

}  // namespace authmigrate::migrations
