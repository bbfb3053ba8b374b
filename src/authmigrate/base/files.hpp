// Reading and writing local files, with errors as values. Files that may hold data are created 0600
// (on Windows, where mode bits mean nothing, they get the folder's inherited ACL: docs/windows.md).
// files_posix.cpp and files_win.cpp implement it; paths are UTF-8 text everywhere outside a path.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::base {

// A path as UTF-8 text, for messages and for libraries that take UTF-8 (SQLite). On Windows a path
// is UTF-16 inside, and path.string() would go through the ANSI code page and lose letters.
std::string path_utf8(const std::filesystem::path& path);
std::filesystem::path path_from_utf8(std::string_view text);

Result<std::string> read_file(const std::filesystem::path& path);

// Writes through a temporary file in the same folder and renames it into place, so a reader never
// sees half a file. The file gets `mode` (0600 unless told otherwise). Fails if `exclusive` and the
// file already exists.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content, unsigned mode = 0600,
                               bool exclusive = false);

// Creates `path` for writing by another program, readable and writable by its owner only: emptied,
// or kept when `append`.
Result<void> create_private_file(const std::filesystem::path& path, bool append = false);

// Renames `from` to `to`, replacing `to` atomically when it exists.
Result<void> replace_file(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace authmigrate::base
