#include <authmigrate/topology/direct_url.hpp>

namespace authmigrate::topology {

const std::vector<std::string>& direct_url_variables() {
  static const std::vector<std::string> names = {"DIRECT_URL", "DATABASE_URL_UNPOOLED", "POSTGRES_URL_NON_POOLING"};
  return names;
}

std::optional<DirectUrl> find_direct_url(const config::Environment& env, std::string_view flag) {
  if (!flag.empty()) return DirectUrl{std::string(flag), "--direct-url"};
  for (const auto& name : direct_url_variables()) {
    if (auto value = env.get(name); value && !value->empty()) return DirectUrl{*value, name};
  }
  return std::nullopt;
}

Error pooler_refusal(std::string message) {
  return Error(ErrorKind::config, std::move(message))
      .with_hint(
          "migrate through a direct connection: --direct-url, or DIRECT_URL in the environment; "
          "nothing was changed");
}

}  // namespace authmigrate::topology
