// Checks made before any database is touched: the environment the app needs and the inputs
// authmigrate needs. Every problem is collected, so one run lists them all.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/config/environment.hpp>

namespace authmigrate::deploy {

struct EnvironmentRequirements {
  bool better_auth = true;                  // BETTER_AUTH_SECRET (>= 32 chars) and BETTER_AUTH_URL
  std::vector<std::string> required_names;  // --require-env NAME
};

// Problems with the environment, one sentence each, naming the variable (never its value).
std::vector<std::string> check_environment(const config::Environment& env, const EnvironmentRequirements& wanted);

// All problems as one error of kind config ("3 problems found before deploying: ..."), or nothing.
Result<void> problems_to_error(const std::vector<std::string>& problems);

}  // namespace authmigrate::deploy
