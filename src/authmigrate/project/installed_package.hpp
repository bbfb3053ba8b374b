// Which version of an npm package the app installed, read from its project directory the way Node finds a
// package (node_modules, walking up), then from the lock files. Reads files only: no network, no Node.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::project {

struct InstalledPackage {
  std::string version;           // exactly as recorded, e.g. "1.7.25"
  std::filesystem::path source;  // the file it was read from
};

// Node's resolution, then the lock files: from `directory` up to the filesystem root, the first
// node_modules/<package>/package.json (its "version"); when none exists, the first directory (walking up)
// that holds a lock file: npm-shrinkwrap.json (npm prefers it) / package-lock.json, pnpm-lock.yaml,
// yarn.lock, bun.lock; the binary bun.lockb marks the directory but is not read. nullopt when nothing
// names the package. A file that exists but cannot be parsed is an error of kind config naming the file;
// a lock file that does not list the package gives nullopt for that file, and the next lock file of the
// same directory is asked.
Result<std::optional<InstalledPackage>> find_installed(const std::filesystem::path& directory,
                                                       std::string_view package);

}  // namespace authmigrate::project
