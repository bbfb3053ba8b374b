#include <authmigrate/platform/procfile.hpp>
#include <authmigrate/base/text.hpp>

#include <cctype>

#include <fmt/format.h>

namespace authmigrate::platform {

namespace {

bool is_type_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// Replaces the text of line `number` (1-based), keeping its line ending.
void replace_line(std::string& text, size_t number, std::string_view replacement) {
  size_t start = 0;
  for (size_t n = 1; n < number; ++n) start = text.find('\n', start) + 1;
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  text.replace(start, end - start, replacement);
}

}  // namespace

Result<std::vector<ProcfileEntry>> read_procfile(std::string_view text, std::string_view display_name) {
  std::vector<ProcfileEntry> entries;
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    auto line = trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    ++line_number;
    start = end == std::string_view::npos ? text.size() : end + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t colon = 0;
    while (colon < line.size() && is_type_char(line[colon])) ++colon;
    if (colon == 0 || colon == line.size() || line[colon] != ':' || trim(line.substr(colon + 1)).empty()) {
      return fail(Error(ErrorKind::config,
                        fmt::format("{}:{}: expected `type: command`, found `{}`", display_name, line_number, line))
                      .with_hint("each line of a Procfile is a process type, a colon and its command, e.g. "
                                 "`web: npm run start`"));
    }
    entries.push_back({std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))), line_number});
  }
  return entries;
}

std::optional<std::string> procfile_command(const std::vector<ProcfileEntry>& entries, std::string_view type) {
  for (const auto& entry : entries) {
    if (entry.type == type) return entry.command;
  }
  return std::nullopt;
}

Result<FileChange> merge_procfile(const std::optional<std::string>& existing, std::string display_name,
                                  const ReleaseSetup& setup) {
  FileChange change;
  change.name = std::move(display_name);
  change.before = existing;
  change.after = existing.value_or("");
  std::vector<ProcfileEntry> entries;
  if (existing) {
    auto parsed = read_procfile(*existing, change.name);
    if (!parsed) return fail(std::move(parsed.error()));
    entries = std::move(*parsed);
  }
  if (setup.hook == ReleaseHook::start) {
    change.status = FileStatus::skipped;
    change.reason = "migrations run in the start command (--release-hook start)";
    return change;
  }
  const std::string release = "release: " + setup.deploy_command();
  const std::string newline = change.after.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  if (auto current = procfile_command(entries, "release")) {
    if (runs_authmigrate(*current)) {
      change.reason = "its release: line already runs authmigrate";
      change.settle();
      return change;
    }
    if (!setup.force) {
      change.conflict(
          fmt::format("{}: the release: line already runs `{}`; left as it is (--force replaces it "
                      "with `{}`)",
                      change.name, *current, setup.deploy_command()));
      change.reason = "kept your release: line";
      change.settle();
      return change;
    }
    for (const auto& entry : entries) {
      if (entry.type == "release") {
        replace_line(change.after, entry.line, release);
        break;
      }
    }
    change.changes.push_back(fmt::format("replaced the release: line `{}` (--force)", *current));
    change.settle();
    return change;
  }
  if (!existing) {
    if (!setup.start.plain) {
      change.status = FileStatus::skipped;
      change.reason = "no start command known for its web: line (pass --start)";
      return change;
    }
    change.after = "web: " + *setup.start.plain + "\n" + release + "\n";
    change.changes.push_back("web: " + *setup.start.plain);
    change.changes.push_back(release);
    change.settle();
    return change;
  }
  if (!change.after.empty() && change.after.back() != '\n') change.after += newline;
  change.after += release + newline;
  change.changes.push_back("added " + release);
  if (!procfile_command(entries, "web") && !procfile_command(entries, "worker")) {
    change.warn(
        fmt::format("{}: no web: line; Railpack may take another line (even release:) for the start "
                    "command: add `web: <the app's start>`",
                    change.name));
  }
  change.settle();
  return change;
}

}  // namespace authmigrate::platform
