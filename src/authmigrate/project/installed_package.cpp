#include <authmigrate/project/installed_package.hpp>

#include <vector>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/project/directories.hpp>
#include <authmigrate/project/lock_files.hpp>
#include <authmigrate/project/lock_text.hpp>

namespace authmigrate::project {

namespace fs = std::filesystem;

namespace {

using LockReader = Result<std::optional<std::string>> (*)(std::string_view text, std::string_view package,
                                                          std::string_view display_name);

struct LockFormat {
  std::string_view file;
  LockReader read;  // nullptr: a lock file we cannot read (bun.lockb is binary)
};

// npm-shrinkwrap.json first: npm itself ignores package-lock.json when both are there.
constexpr LockFormat lock_formats[] = {
    {"npm-shrinkwrap.json", read_npm_lock}, {"package-lock.json", read_npm_lock}, {"pnpm-lock.yaml", read_pnpm_lock},
    {"yarn.lock", read_yarn_lock},          {"bun.lock", read_bun_lock},          {"bun.lockb", nullptr},
};

// Scoped or not, one or two path segments, nothing that climbs out of node_modules.
bool is_package_name(std::string_view name) {
  if (name.empty() || name[0] == '.' || name.find("..") != std::string_view::npos) return false;
  if (name.find('\\') != std::string_view::npos) return false;
  auto slash = name.find('/');
  if (slash == std::string_view::npos) return name[0] != '@';
  return name[0] == '@' && slash > 1 && slash + 1 < name.size() && name.find('/', slash + 1) == std::string_view::npos;
}

Result<InstalledPackage> read_package_version(const fs::path& file) {
  auto text = base::read_file(file);
  if (!text) return fail(std::move(text.error()));
  auto package = parse_lock_json(*text, file.string(), false);
  if (!package) return fail(std::move(package.error()));
  auto version = package->find("version");
  if (version == package->end() || !version->is_string()) {
    return fail(ErrorKind::config,
                fmt::format("{}: no \"version\" string in the package's package.json", file.string()));
  }
  return InstalledPackage{version->get<std::string>(), file};
}

// Node's own lookup: <dir>/node_modules/<package>, from `dirs` front to back (node_modules/node_modules is
// never looked in).
Result<std::optional<InstalledPackage>> from_node_modules(const std::vector<fs::path>& dirs, std::string_view package) {
  for (const auto& dir : dirs) {
    if (dir.filename() == "node_modules") continue;
    auto manifest = dir / "node_modules" / fs::path(package) / "package.json";
    if (!is_file(manifest)) continue;
    auto installed = read_package_version(manifest);
    if (!installed) return fail(std::move(installed.error()));
    return installed;
  }
  return std::nullopt;
}

bool holds_lock_file(const fs::path& dir) {
  for (const auto& format : lock_formats) {
    if (is_file(dir / format.file)) return true;
  }
  return false;
}

Result<std::optional<InstalledPackage>> from_lock_files(const fs::path& dir, std::string_view package) {
  for (const auto& format : lock_formats) {
    auto file = dir / format.file;
    if (!format.read || !is_file(file)) continue;
    auto text = base::read_file(file);
    if (!text) return fail(std::move(text.error()));
    auto version = format.read(*text, package, file.string());
    if (!version) return fail(std::move(version.error()));
    if (*version) return InstalledPackage{std::move(**version), file};
  }
  return std::nullopt;
}

}  // namespace

Result<std::optional<InstalledPackage>> find_installed(const fs::path& directory, std::string_view package) {
  if (!is_package_name(package)) {
    return fail(ErrorKind::usage, fmt::format("`{}` is not an npm package name", package));
  }
  auto dirs = directories_up(directory);
  if (!dirs) return fail(std::move(dirs.error()));
  auto installed = from_node_modules(*dirs, package);
  if (!installed || *installed) return installed;
  for (const auto& dir : *dirs) {
    if (holds_lock_file(dir)) return from_lock_files(dir, package);
  }
  return std::nullopt;
}

}  // namespace authmigrate::project
