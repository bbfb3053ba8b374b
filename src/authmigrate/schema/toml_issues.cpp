#include <authmigrate/schema/toml_issues.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace authmigrate::schema {

std::vector<std::pair<const toml::key*, const toml::node*>> in_source_order(const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (auto&& [key, node] : table) entries.emplace_back(&key, &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& l = a.first->source().begin;
    const auto& r = b.first->source().begin;
    return l.line != r.line ? l.line < r.line : l.column < r.column;
  });
  return entries;
}

void TomlIssues::add(const toml::source_region& where, std::string message, std::string hint) {
  std::string path = where.path ? *where.path : std::string("authmigrate.toml");
  std::string line = fmt::format("{}:{}:{}: {}", path, where.begin.line, where.begin.column, message);
  if (!hint.empty()) line += " (" + hint + ")";
  lines_.push_back(std::move(line));
}

Error TomlIssues::to_error() const {
  std::string message;
  for (const auto& line : lines_) {
    if (!message.empty()) message += '\n';
    message += line;
  }
  return Error(ErrorKind::config, std::move(message));
}

}  // namespace authmigrate::schema
