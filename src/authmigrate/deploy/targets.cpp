#include <authmigrate/deploy/targets.hpp>

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <authmigrate/base/files.hpp>

namespace authmigrate::deploy {

namespace {
std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}
// nullopt when the file does not exist.
Result<std::optional<toml::table>> parse_toml(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<toml::table>{};
  auto text = base::read_file(path);
  if (!text) return fail(std::move(text.error()));
  try {
    return std::optional<toml::table>(toml::parse(*text, path.string()));
  } catch (const toml::parse_error& e) {
    return fail(ErrorKind::config, fmt::format("{}:{}:{}: {}", path.string(), e.source().begin.line,
                                               e.source().begin.column, e.description()));
  }
}
}  // namespace

Result<std::vector<std::string>> read_deploy_repairs(const std::filesystem::path& path) {
  auto parsed = parse_toml(path);
  if (!parsed) return fail(std::move(parsed.error()));
  std::vector<std::string> repairs;
  if (!*parsed) return repairs;
  auto node = (**parsed)["deploy"]["repairs"];
  if (!node) return repairs;
  auto* list = node.as_array();
  auto where = fmt::format("{}:{}", path.string(), node.node()->source().begin.line);
  if (!list) return fail(ErrorKind::config, where + ": [deploy] repairs must be a list of repair names");
  for (auto& item : *list) {
    auto name = item.value<std::string>();
    if (!name) return fail(ErrorKind::config, where + ": [deploy] repairs must hold strings (repair names)");
    repairs.push_back(*name);
  }
  return repairs;
}

Result<std::vector<TargetSpec>> read_urls_file(const std::filesystem::path& path) {
  auto text = base::read_file(path);
  if (!text) {
    Error error = std::move(text.error());
    error.kind = ErrorKind::config;
    return fail(std::move(error));
  }
  std::vector<TargetSpec> out;
  size_t start = 0;
  int line_no = 0;
  while (start <= text->size()) {
    auto end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    ++line_no;
    auto line = trim(std::string_view(*text).substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    out.push_back(TargetSpec{"", line, fmt::format("{}:{}", path.string(), line_no), {}, {}});
  }
  return out;
}

Result<std::vector<TargetSpec>> read_database_entries(const std::filesystem::path& path,
                                                      const config::Environment& env) {
  auto parsed = parse_toml(path);
  if (!parsed) return fail(std::move(parsed.error()));
  if (!*parsed) return std::vector<TargetSpec>{};
  toml::table& root = **parsed;
  std::vector<TargetSpec> out;
  std::vector<std::string> problems;
  auto* entries = root["database"].as_array();
  if (!entries) return out;
  for (auto& node : *entries) {
    auto where = fmt::format("{}:{}", path.string(), node.source().begin.line);
    auto* table = node.as_table();
    if (!table) {
      problems.push_back(where + ": [[database]] must be a table");
      continue;
    }
    TargetSpec spec;
    spec.name = table->get_as<std::string>("name") ? **table->get_as<std::string>("name") : "";
    spec.origin = fmt::format("{} [[database]] {}", path.string(), spec.name);
    if (auto url = table->get_as<std::string>("url")) {
      spec.url_text = **url;
    } else if (auto var = table->get_as<std::string>("url_env")) {
      auto value = env.get(**var);
      if (!value || value->empty()) {
        problems.push_back(
            fmt::format("{}: database \"{}\": environment variable {} is not set", where, spec.name, **var));
        continue;
      }
      spec.url_text = *value;
    } else {
      problems.push_back(fmt::format("{}: database \"{}\" needs url or url_env", where, spec.name));
      continue;
    }
    if (auto dir = table->get_as<std::string>("dir")) spec.dir = **dir;
    if (auto direct = table->get_as<std::string>("direct_url")) {
      spec.direct_url_text = **direct;
    } else if (auto direct_var = table->get_as<std::string>("direct_url_env")) {
      spec.direct_url_text = env.get(**direct_var).value_or("");  // unset: the entry's url is used
    }
    for (auto&& [key, value] : *table) {
      static const std::set<std::string_view> k_keys = {"name",           "url", "url_env", "direct_url",
                                                        "direct_url_env", "dir"};
      if (!k_keys.contains(key.str())) {
        problems.push_back(
            fmt::format("{}: unknown key \"{}\" in [[database]] (name, url, url_env, direct_url, "
                        "direct_url_env, dir)",
                        where, std::string(key.str())));
      }
    }
    out.push_back(std::move(spec));
  }
  if (!problems.empty()) return fail(ErrorKind::config, fmt::format("{}", fmt::join(problems, "\n")));
  return out;
}

}  // namespace authmigrate::deploy
