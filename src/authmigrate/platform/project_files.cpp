#include <authmigrate/platform/project_files.hpp>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>

namespace authmigrate::platform {

namespace {
namespace fs = std::filesystem;

Result<std::optional<std::string>> read_if_present(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return std::optional<std::string>();
  auto text = base::read_file(path);
  if (!text) return fail(std::move(text.error()));
  return std::optional<std::string>(std::move(*text));
}

bool present(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}
}  // namespace

std::string ProjectFiles::display(std::string_view name) const {
  if (dir.empty() || dir == ".") return std::string(name);
  return (dir / name).string();
}

Result<ProjectFiles> read_project_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return fail(Error(ErrorKind::usage, fmt::format("project folder {} does not exist", dir.string()))
                    .with_hint("run `authmigrate init` in the app's folder, or pass --project DIR"));
  }
  ProjectFiles project;
  project.dir = dir;
  struct Slot {
    std::string_view name;
    std::optional<std::string>* text;
  };
  for (auto slot : {Slot{k_nixpacks_toml, &project.nixpacks_toml}, Slot{k_railway_json, &project.railway_json},
                    Slot{k_procfile, &project.procfile}, Slot{k_package_json, &project.package_json},
                    Slot{k_authmigrate_toml, &project.authmigrate_toml}}) {
    auto text = read_if_present(dir / slot.name);
    if (!text) return fail(std::move(text.error()));
    *slot.text = std::move(*text);
  }
  project.has_auth_schema_json = present(dir / k_auth_schema_json);
  project.has_dockerfile = present(dir / "Dockerfile");
  project.has_railway_toml = present(dir / "railway.toml");
  return project;
}

}  // namespace authmigrate::platform
