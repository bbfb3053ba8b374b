#include <authmigrate/project/lock_files.hpp>

#include <vector>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/project/lock_text.hpp>

namespace authmigrate::project {

namespace {

// The keys of the blocks enclosing a line, outermost first, ending with the line's own key.
class KeyPath {
 public:
  void enter(const KeyLine& line) {
    while (!lines_.empty() && lines_.back().indent >= line.indent) lines_.pop_back();
    lines_.push_back(line);
  }
  size_t depth() const { return lines_.size(); }
  std::string_view key(size_t i) const { return lines_[i].key; }

 private:
  std::vector<KeyLine> lines_;
};

bool is_dependency_list(std::string_view key) {
  return key == "dependencies" || key == "devDependencies" || key == "optionalDependencies";
}

// "1.7.25(react@19.0.0)" -> "1.7.25": the suffix names the peers it was resolved with. Lockfile 5 wrote
// them after a '_' (1.7.25_react@18.2.0), which no version holds; "link:../my_lib" keeps its own.
std::string_view without_peers(std::string_view version) {
  version = version.substr(0, version.find('('));
  bool numeric = !version.empty() && version[0] >= '0' && version[0] <= '9';
  return numeric ? version.substr(0, version.find('_')) : version;
}

// Whether the line just entered holds the root importer's version of `package`: importers/./<list>/<name>/version
// (lockfile 9, and 6 in a workspace), <list>/<name>/version (lockfile 6) or <list>/<name>: <version> (lockfile 5).
bool is_importer_version(const KeyPath& path, const KeyLine& line, std::string_view package) {
  size_t list = path.depth() >= 2 && path.key(0) == "importers" ? 2 : 0;
  if (list == 2 && path.key(1) != ".") return false;
  if (path.depth() < list + 2 || !is_dependency_list(path.key(list)) || path.key(list + 1) != package) return false;
  if (path.depth() == list + 3) return path.key(list + 2) == "version";
  return path.depth() == list + 2 && !line.value.empty();
}

// A `packages:` key: "/better-auth@1.7.25(...)" (lockfile 6) or "better-auth@1.7.25" (lockfile 9).
std::optional<std::string_view> package_key_version(std::string_view key, std::string_view package) {
  if (!key.empty() && key[0] == '/') key.remove_prefix(1);
  auto [name, version] = split_spec(without_peers(key));
  if (name != package || version.empty()) return std::nullopt;
  return version;
}

Result<void> check_header(const std::vector<std::string_view>& lines, std::string_view display_name) {
  for (size_t i = 0; i < lines.size(); ++i) {
    auto line = key_line(lines[i]);
    if (!line && (trim(lines[i]).empty() || trim(lines[i])[0] == '#')) continue;
    if (line && line->indent == 0 && line->key == "lockfileVersion") return {};
    return fail(ErrorKind::config, fmt::format("{}:{}: not a pnpm lock file: it does not begin with lockfileVersion",
                                               display_name, i + 1));
  }
  return fail(ErrorKind::config, fmt::format("{}: not a pnpm lock file: it is empty", display_name));
}

}  // namespace

Result<std::optional<std::string>> read_pnpm_lock(std::string_view text, std::string_view package,
                                                  std::string_view display_name) {
  auto lines = split_lines(text);
  AM_TRY(check_header(lines, display_name));
  KeyPath path;
  std::optional<std::string> first_package;
  for (auto raw : lines) {
    auto line = key_line(raw);
    if (!line) continue;
    path.enter(*line);
    if (is_importer_version(path, *line, package)) return std::string(without_peers(line->value));
    if (!first_package && path.depth() == 2 && path.key(0) == "packages") {
      if (auto version = package_key_version(line->key, package)) first_package = std::string(*version);
    }
  }
  return first_package;
}

}  // namespace authmigrate::project
