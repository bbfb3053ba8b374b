// Reading the files under tests/golden/ (captured from the published Better Auth packages by
// tests/golden/tools/capture.mjs) for the schema, dialect and plan tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace authmigrate::testing {

inline std::string golden_path(const std::string& relative) {
  return std::string(AM_SOURCE_DIR) + "/tests/golden/" + relative;
}

inline std::string read_golden(const std::string& relative) {
  std::ifstream in(golden_path(relative), std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Every configuration captured as JSON, DDL and the equivalent authmigrate.toml.
inline const std::vector<std::string>& golden_cases() {
  static const std::vector<std::string> cases = {
      "core",          "all_plugins",        "renamed",           "uuid",
      "serial",        "rate_limit",         "secondary_storage", "secondary_storage_kept",
      "oidc_provider", "organization_basic", "stripe_first"};
  return cases;
}

}  // namespace authmigrate::testing
