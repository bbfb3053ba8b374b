#include <authmigrate/project/lock_files.hpp>

#include <authmigrate/project/lock_text.hpp>

namespace authmigrate::project {

namespace {

// object[key].version, when both are there and the version is a string.
std::optional<std::string> version_under(const nlohmann::json& object, const std::string& key) {
  auto entry = object.find(key);
  if (entry == object.end() || !entry->is_object()) return std::nullopt;
  auto version = entry->find("version");
  if (version == entry->end() || !version->is_string()) return std::nullopt;
  return version->get<std::string>();
}

}  // namespace

Result<std::optional<std::string>> read_npm_lock(std::string_view text, std::string_view package,
                                                 std::string_view display_name) {
  auto lock = parse_lock_json(text, display_name, false);
  if (!lock) return fail(std::move(lock.error()));
  // lockfileVersion 2 keeps the v1 `dependencies` beside `packages` for old npm; `packages` is the truth.
  if (auto packages = lock->find("packages"); packages != lock->end() && packages->is_object()) {
    return version_under(*packages, "node_modules/" + std::string(package));
  }
  if (auto dependencies = lock->find("dependencies"); dependencies != lock->end() && dependencies->is_object()) {
    return version_under(*dependencies, std::string(package));
  }
  return std::nullopt;
}

}  // namespace authmigrate::project
