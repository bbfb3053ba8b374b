#include <authmigrate/project/lock_files.hpp>

#include <authmigrate/project/lock_text.hpp>

namespace authmigrate::project {

Result<std::optional<std::string>> read_bun_lock(std::string_view text, std::string_view package,
                                                 std::string_view display_name) {
  auto lock = parse_lock_json(text, display_name, true);
  if (!lock) return fail(std::move(lock.error()));
  auto packages = lock->find("packages");
  if (packages == lock->end() || !packages->is_object()) return std::nullopt;
  auto entry = packages->find(std::string(package));
  if (entry == packages->end() || !entry->is_array() || entry->empty() || !(*entry)[0].is_string()) {
    return std::nullopt;
  }
  // An alias ("better-auth": ["my-fork@1.0.0"]) still names what node_modules/better-auth holds.
  auto [name, version] = split_spec((*entry)[0].get_ref<const std::string&>());
  if (name.empty() || version.empty()) return std::nullopt;
  return std::string(version);
}

}  // namespace authmigrate::project
