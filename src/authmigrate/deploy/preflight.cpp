#include <authmigrate/deploy/preflight.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace authmigrate::deploy {

namespace {

// An absolute http(s) URL with a host: what Better Auth needs as its base URL.
bool is_absolute_http_url(const std::string& text) {
  std::string_view rest;
  if (text.rfind("https://", 0) == 0) {
    rest = std::string_view(text).substr(8);
  } else if (text.rfind("http://", 0) == 0) {
    rest = std::string_view(text).substr(7);
  } else {
    return false;
  }
  auto host_end = rest.find_first_of("/?#");
  auto host = rest.substr(0, host_end);
  if (host.empty() || host.find(' ') != std::string_view::npos) return false;
  return host.find_first_of("\t\r\n") == std::string_view::npos;
}

}  // namespace

std::vector<std::string> check_environment(const config::Environment& env, const EnvironmentRequirements& wanted) {
  std::vector<std::string> problems;
  if (wanted.better_auth) {
    auto secret = env.get("BETTER_AUTH_SECRET");
    if (!secret || secret->empty()) {
      problems.push_back(
          "BETTER_AUTH_SECRET is not set (Better Auth signs sessions with it; generate one with "
          "`openssl rand -base64 32`)");
    } else if (secret->size() < 32) {
      problems.push_back(
          fmt::format("BETTER_AUTH_SECRET is {} characters long; Better Auth wants at least 32", secret->size()));
    }
    auto url = env.get("BETTER_AUTH_URL");
    if (!url || url->empty()) {
      problems.push_back("BETTER_AUTH_URL is not set (the app's public base URL, e.g. https://app.example.com)");
    } else if (!is_absolute_http_url(*url)) {
      problems.push_back("BETTER_AUTH_URL is not an absolute http(s) URL (e.g. https://app.example.com)");
    }
  }
  for (const auto& name : wanted.required_names) {
    auto value = env.get(name);
    if (!value || value->empty()) problems.push_back(fmt::format("{} is not set (required by --require-env)", name));
  }
  return problems;
}

Result<void> problems_to_error(const std::vector<std::string>& problems) {
  if (problems.empty()) return {};
  return fail(
      Error(ErrorKind::config, fmt::format("{} problem{} found before touching the database:\n  - {}", problems.size(),
                                           problems.size() == 1 ? "" : "s", fmt::join(problems, "\n  - ")))
          .with_hint("nothing was changed; fix these and deploy again"));
}

}  // namespace authmigrate::deploy
