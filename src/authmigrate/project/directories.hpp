// Walking up a project: a directory and each of its parents, the way Node looks for node_modules and
// package managers look for their lock files.
#pragma once

#include <filesystem>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::project {

// `directory` (made absolute and normalised) and each of its parents up to the filesystem root.
Result<std::vector<std::filesystem::path>> directories_up(const std::filesystem::path& directory);

bool is_file(const std::filesystem::path& path);

}  // namespace authmigrate::project
