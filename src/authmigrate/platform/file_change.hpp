// One file `authmigrate init` writes or updates: its text before and after, and what changed in it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace authmigrate::platform {

enum class FileStatus { created, updated, unchanged, skipped };

enum class NoticeLevel { info, warning };

struct Notice {
  NoticeLevel level = NoticeLevel::info;
  std::string message;    // "package.json: scripts.migrate already runs `prisma migrate deploy`; ..."
  bool conflict = false;  // the user's value was kept where ours was wanted; --force replaces it
};

struct FileChange {
  std::string name;  // as shown to the user: "nixpacks.toml" or "app/nixpacks.toml"
  std::string file;  // its name in the project folder: "nixpacks.toml"
  FileStatus status = FileStatus::unchanged;
  std::vector<std::string> changes;   // for created/updated: "added scripts.migrate"
  std::string reason;                 // for unchanged/skipped: why, when it helps
  std::optional<std::string> before;  // nullopt: the file does not exist
  std::string after;
  std::vector<Notice> notices;

  bool writes() const { return status == FileStatus::created || status == FileStatus::updated; }

  // Sets the status from before/after (created, updated or unchanged) unless it was skipped.
  void settle() {
    if (status == FileStatus::skipped) return;
    if (!before)
      status = FileStatus::created;
    else
      status = *before == after ? FileStatus::unchanged : FileStatus::updated;
  }
  void note(std::string message) { notices.push_back({NoticeLevel::info, std::move(message), false}); }
  void warn(std::string message) { notices.push_back({NoticeLevel::warning, std::move(message), false}); }
  void conflict(std::string message) { notices.push_back({NoticeLevel::warning, std::move(message), true}); }
};

}  // namespace authmigrate::platform
