// The lock file readers of npm, pnpm, yarn and bun: the version of a package the lock file records, that of
// the app's own (direct) dependency where the format says which one it is. Each takes the file's text;
// `display_name` names the file in errors. nullopt: the lock file does not list the package.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::project {

// package-lock.json and npm-shrinkwrap.json: packages["node_modules/<name>"] (lockfileVersion 2 and 3),
// else dependencies["<name>"] (lockfileVersion 1).
Result<std::optional<std::string>> read_npm_lock(std::string_view text, std::string_view package,
                                                 std::string_view display_name);

// pnpm-lock.yaml (lockfileVersion 5.4 to 9.0): the root importer's entry, else the first `packages:` key.
Result<std::optional<std::string>> read_pnpm_lock(std::string_view text, std::string_view package,
                                                  std::string_view display_name);

// yarn.lock, classic (v1) and berry (v2+): berry's root workspace entry names the descriptor it uses;
// otherwise (and always for classic) the first entry whose header names the package.
Result<std::optional<std::string>> read_yarn_lock(std::string_view text, std::string_view package,
                                                  std::string_view display_name);

// bun.lock (the text lock of bun >= 1.2): packages["<name>"][0], "<name>@<version>". The key without a
// parent prefix is the copy hoisted to the root.
Result<std::optional<std::string>> read_bun_lock(std::string_view text, std::string_view package,
                                                 std::string_view display_name);

}  // namespace authmigrate::project
