// The environment as authmigrate sees it: the process environment, then a .env file underneath
// (the real environment always wins), so the core never calls getenv() itself.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <authmigrate/config/dotenv.hpp>

namespace authmigrate::config {

class Environment {
 public:
  // A snapshot of the process environment.
  static Environment from_process();
  // Adds entries that are not already set (the real environment wins).
  void add_defaults(const EnvEntries& entries);
  void set(const std::string& key, std::string value) { m_values[key] = std::move(value); }
  std::optional<std::string> get(const std::string& key) const;

 private:
  std::map<std::string, std::string> m_values;
};

}  // namespace authmigrate::config
