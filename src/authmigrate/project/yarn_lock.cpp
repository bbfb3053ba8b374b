#include <authmigrate/project/lock_files.hpp>

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/project/lock_text.hpp>

namespace authmigrate::project {

namespace {

// One entry: `"better-auth@^1.7.0", "better-auth@^1.7.2":` (classic) or `"better-auth@npm:^1.7.0":` (berry),
// then its indented fields.
struct YarnEntry {
  size_t line = 0;                      // of the header, from 1
  std::vector<std::string_view> specs;  // "better-auth@^1.7.0", "better-auth@npm:^1.7.0"
  std::string_view version;
  std::vector<std::pair<std::string_view, std::string_view>> dependencies;  // name, descriptor (berry)
};

std::vector<std::string_view> header_specs(std::string_view header) {
  header.remove_suffix(1);  // the ':'
  std::vector<std::string_view> specs;
  // Classic quotes each spec, berry the whole list: `"a@npm:^1, a@npm:^2"`.
  for (;;) {
    size_t comma = header.find(',');
    auto spec = trim(header.substr(0, comma));
    if (!spec.empty() && spec.front() == '"') spec.remove_prefix(1);
    if (!spec.empty() && spec.back() == '"') spec.remove_suffix(1);
    specs.push_back(spec);
    if (comma == std::string_view::npos) return specs;
    header.remove_prefix(comma + 1);
  }
}

// A field of the entry: `  version "1.7.25"` (classic), `  version: 1.7.25` and, under `  dependencies:`,
// `    better-auth: "npm:1.7.25"` (berry).
void read_field(YarnEntry& entry, std::string_view raw, std::string_view& section) {
  auto text = trim(raw);
  if (raw.starts_with("  ") && !raw.starts_with("   ") && text.starts_with("version \"")) {
    entry.version = unquote(text.substr(8));
    return;
  }
  auto line = key_line(raw);
  if (!line) return;
  if (line->indent == 2) {
    section = line->key;
    if (line->key == "version") entry.version = line->value;
  } else if (line->indent == 4 && section == "dependencies") {
    entry.dependencies.emplace_back(line->key, line->value);
  }
}

std::vector<YarnEntry> read_entries(const std::vector<std::string_view>& lines) {
  std::vector<YarnEntry> entries;
  std::string_view section;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto raw = lines[i];
    if (raw.empty() || raw[0] == '#') continue;
    if (raw[0] != ' ') {
      if (trim(raw).ends_with(':')) entries.push_back(YarnEntry{i + 1, header_specs(trim(raw)), {}, {}});
      section = {};
    } else if (!entries.empty()) {
      read_field(entries.back(), raw, section);
    }
  }
  return entries;
}

bool names(const YarnEntry& entry, std::string_view package) {
  return std::any_of(entry.specs.begin(), entry.specs.end(),
                     [&](std::string_view spec) { return split_spec(spec).first == package; });
}

bool has_spec(const YarnEntry& entry, std::string_view wanted) {
  return std::find(entry.specs.begin(), entry.specs.end(), wanted) != entry.specs.end();
}

bool is_root_workspace(const YarnEntry& entry) {
  return std::any_of(entry.specs.begin(), entry.specs.end(),
                     [](std::string_view spec) { return spec.ends_with("@workspace:."); });
}

// Berry's root workspace (`app@workspace:.`) lists `better-auth: "npm:^1.7.0"`: the entry with the header
// `better-auth@npm:^1.7.0` is the one the app uses.
const YarnEntry* root_dependency(const std::vector<YarnEntry>& entries, std::string_view package) {
  for (const auto& root : entries) {
    if (!is_root_workspace(root)) continue;
    for (const auto& [name, descriptor] : root.dependencies) {
      if (name != package) continue;
      auto wanted = fmt::format("{}@{}", package, descriptor);
      for (const auto& entry : entries) {
        if (has_spec(entry, wanted)) return &entry;
      }
    }
  }
  return nullptr;
}

const YarnEntry* first_naming(const std::vector<YarnEntry>& entries, std::string_view package) {
  for (const auto& entry : entries) {
    if (names(entry, package)) return &entry;
  }
  return nullptr;
}

Result<void> check_header(std::string_view text, std::string_view display_name) {
  if (text.find("# yarn lockfile v1") != std::string_view::npos) return {};
  if (text.starts_with("__metadata:") || text.find("\n__metadata:") != std::string_view::npos) return {};
  return fail(ErrorKind::config, fmt::format("{}:1: not a yarn lock file: it has neither `# yarn lockfile v1` "
                                             "(yarn 1) nor `__metadata:` (yarn 2 and later)",
                                             display_name));
}

}  // namespace

Result<std::optional<std::string>> read_yarn_lock(std::string_view text, std::string_view package,
                                                  std::string_view display_name) {
  AM_TRY(check_header(text, display_name));
  auto entries = read_entries(split_lines(text));
  const YarnEntry* entry = root_dependency(entries, package);
  if (!entry) entry = first_naming(entries, package);
  if (!entry) return std::nullopt;
  if (entry->version.empty()) {
    return fail(ErrorKind::config,
                fmt::format("{}:{}: the entry for {} has no version", display_name, entry->line, package));
  }
  return std::string(entry->version);
}

}  // namespace authmigrate::project
