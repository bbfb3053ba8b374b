#include <authmigrate/platform/package_json.hpp>

#include <fmt/format.h>

#include <authmigrate/platform/json_text.hpp>

namespace authmigrate::platform {

Result<nlohmann::ordered_json> read_package_json(std::string_view text, std::string_view display_name) {
  auto package = parse_json_object(text, display_name);
  if (!package) return package;
  if (auto scripts = package->find("scripts"); scripts != package->end()) {
    if (!scripts->is_object()) {
      return fail(json_shape_error(text, display_name, "scripts",
                                   fmt::format("`scripts` must be an object, not {}", scripts->type_name())));
    }
    for (const auto& [name, script] : scripts->items()) {
      if (!script.is_string()) {
        return fail(json_shape_error(text, display_name, name,
                                     fmt::format("script `{}` must be a string, not {}", name, script.type_name())));
      }
    }
  }
  return package;
}

std::optional<std::string> package_start_script(const nlohmann::ordered_json& package) {
  auto scripts = package.find("scripts");
  if (scripts == package.end()) return std::nullopt;
  auto start = scripts->find("start");
  if (start == scripts->end() || !start->is_string()) return std::nullopt;
  return start->get<std::string>();
}

Result<FileChange> merge_package_json(const std::optional<std::string>& existing, std::string display_name,
                                      const ReleaseSetup& setup) {
  FileChange change;
  change.name = std::move(display_name);
  change.before = existing;
  if (!existing) {
    change.status = FileStatus::skipped;
    change.reason = "no package.json here (is this the app's folder?)";
    return change;
  }
  auto package = read_package_json(*existing, change.name);
  if (!package) return fail(std::move(package.error()));
  change.after = *existing;
  const std::string wanted = setup.deploy_command();
  auto& scripts = (*package)["scripts"];  // created (at the end) when absent
  if (auto current = scripts.find("migrate"); current != scripts.end()) {
    auto script = current->get<std::string>();
    if (runs_authmigrate(script)) {
      change.reason = fmt::format("scripts.migrate already runs authmigrate (`{}`)", script);
      change.settle();
      return change;
    }
    if (!setup.force) {
      change.conflict(
          fmt::format("{}: scripts.migrate already runs `{}`; left as it is (--force replaces it "
                      "with `{}`, or call authmigrate from it yourself)",
                      change.name, script, wanted));
      change.reason = "kept your scripts.migrate";
      change.settle();
      return change;
    }
    *current = wanted;
    change.changes.push_back(fmt::format("replaced scripts.migrate `{}` (--force)", script));
  } else {
    scripts["migrate"] = wanted;
    change.changes.push_back(fmt::format("added scripts.migrate = \"{}\"", wanted));
  }
  change.after = dump_json_like(*package, *existing);
  change.settle();
  return change;
}

}  // namespace authmigrate::platform
