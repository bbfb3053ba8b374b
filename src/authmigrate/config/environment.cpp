#include <authmigrate/config/environment.hpp>

extern char** environ;

namespace authmigrate::config {

Environment Environment::from_process() {
  Environment env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    env.m_values.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return env;
}

void Environment::add_defaults(const EnvEntries& entries) {
  for (const auto& [key, value] : entries) m_values.emplace(key, value);
}

std::optional<std::string> Environment::get(const std::string& key) const {
  auto it = m_values.find(key);
  if (it == m_values.end()) return std::nullopt;
  return it->second;
}

}  // namespace authmigrate::config
