// Reading and writing local files, with errors as values. Files that may hold data are created 0600.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::base {

Result<std::string> read_file(const std::filesystem::path& path);

// Writes through a temporary file in the same folder and renames it into place, so a reader never
// sees half a file. The file gets `mode` (0600 unless told otherwise). Fails if `exclusive` and the
// file already exists.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content,
                               unsigned mode = 0600, bool exclusive = false);

}  // namespace authmigrate::base
