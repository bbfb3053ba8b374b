#include <authmigrate/project/directories.hpp>

#include <fmt/format.h>

namespace authmigrate::project {

namespace fs = std::filesystem;

Result<std::vector<fs::path>> directories_up(const fs::path& directory) {
  std::error_code ec;
  auto dir = fs::absolute(directory, ec);
  if (ec) return fail(ErrorKind::io, fmt::format("cannot resolve {}: {}", directory.string(), ec.message()));
  dir = dir.lexically_normal();
  if (!dir.has_filename() && dir.has_relative_path()) dir = dir.parent_path();  // "/app/" -> "/app"
  std::vector<fs::path> dirs{dir};
  while (dirs.back().has_relative_path()) dirs.push_back(dirs.back().parent_path());
  return dirs;
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

}  // namespace authmigrate::project
