#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/base/sha256.hpp>
#include <authmigrate/migrations/migration_file.hpp>

namespace authmigrate::migrations {

namespace fs = std::filesystem;

bool has_no_transaction_directive(std::string_view content) {
  auto end = content.find('\n');
  auto line = content.substr(0, end);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "-- authmigrate:no-transaction";
}

namespace {

bool is_inside(const fs::path& folder, const fs::path& target) {
  auto rel = target.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

Result<std::vector<MigrationFile>> read_migration_directory(const fs::path& dir, bool required) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    if (!required) return std::vector<MigrationFile>{};
    return fail(Error(ErrorKind::migration_files, fmt::format("migration folder {} does not exist", dir.string()))
                    .with_hint("create it, or point --dir at the folder that holds your .sql files"));
  }
  if (!fs::is_directory(dir, ec)) {
    return fail(ErrorKind::migration_files, fmt::format("{} is not a folder", dir.string()));
  }
  auto real_dir = fs::weakly_canonical(dir, ec);
  std::vector<std::string> problems;
  std::vector<MigrationFile> files;
  fs::directory_iterator it(dir, ec);
  if (ec) return fail(ErrorKind::migration_files, fmt::format("cannot list {}: {}", dir.string(), ec.message()));
  for (const auto& entry : it) {
    auto name = entry.path().filename().string();
    if (name.size() < 4 || name.substr(name.size() - 4) != ".sql") continue;
    if (entry.is_directory(ec)) continue;
    auto parsed = parse_migration_name(name);
    if (!parsed) {
      problems.push_back(parsed.error().message);
      continue;
    }
    if (entry.is_symlink(ec)) {
      auto target = fs::weakly_canonical(entry.path(), ec);
      if (ec || !is_inside(real_dir, target)) {
        problems.push_back(fmt::format("{}: is a link that points outside {}", name, dir.string()));
        continue;
      }
    }
    if (!entry.is_regular_file(ec)) {  // a FIFO or a device would block or never end
      problems.push_back(fmt::format("{}: is not a regular file", name));
      continue;
    }
    auto content = base::read_file(entry.path());
    if (!content) {
      problems.push_back(content.error().message);
      continue;
    }
    MigrationFile file;
    file.name = std::move(*parsed);
    file.path = entry.path();
    file.checksum = base::sha256_hex(*content);
    file.in_transaction = !has_no_transaction_directive(*content);
    file.content = std::move(*content);
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(),
            [](const MigrationFile& a, const MigrationFile& b) { return version_less(a.name, b.name); });
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].name.version == files[i - 1].name.version) {
      problems.push_back(fmt::format("{} and {} have the same version {}", files[i - 1].name.file_name,
                                     files[i].name.file_name, files[i].name.version));
    }
  }
  if (!problems.empty()) {
    std::sort(problems.begin(), problems.end());
    Error error(ErrorKind::migration_files,
                fmt::format("{} problem{} with the migration files in {}:\n  {}", problems.size(),
                            problems.size() == 1 ? "" : "s", dir.string(), fmt::join(problems, "\n  ")));
    error.hint =
        "name migration files like 2026-11-24T10-15-30.123Z.sql (as `auth generate` and `authmigrate new` do) "
        "or 0001_add_orders.sql; each version once";
    return fail(std::move(error));
  }
  return files;
}

}  // namespace authmigrate::migrations
