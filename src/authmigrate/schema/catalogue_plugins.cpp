// The plugin registry: names as Better Auth exports them, the options that change their schema
// (snake_case in authmigrate.toml), and which tables their `schema` option may customise.
#include <algorithm>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/plugin_builders.hpp>

namespace authmigrate::schema {

namespace {

using Kind = PluginOptionSpec::Kind;

const std::vector<std::string> kOrganizationTables = {"organization", "organizationRole", "team",
                                                      "member", "invitation"};
const std::vector<std::string> kOAuthTables = {"oauthClient", "oauthResource", "oauthClientResource",
                                               "oauthRefreshToken", "oauthAccessToken",
                                               "oauthConsent", "oauthClientAssertion"};
const std::vector<std::string> kOidcTables = {"oauthApplication", "oauthAccessToken", "oauthConsent"};

std::vector<PluginSpec> make_catalogue() {
  using namespace plugins;
  auto with = [](std::vector<std::string> a, std::vector<std::string> b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  return {
      {"twoFactor", {{"two_factor_table", Kind::string}}, {"user", "twoFactor"}, {}, two_factor},
      {"username", {{"display_username", Kind::boolean}}, {"user"}, {}, username},
      {"anonymous", {}, {"user"}, {}, anonymous},
      {"phoneNumber", {}, {"user"}, {}, phone_number},
      {"emailOTP", {}, {}, {}, no_schema},
      {"admin", {}, {"user", "session"}, {}, admin},
      {"apiKey", {{"rate_limit_max", Kind::integer}, {"rate_limit_time_window", Kind::integer}},
       {"apikey"}, {}, api_key},
      {"organization", {{"teams", Kind::boolean}, {"dynamic_access_control", Kind::boolean}},
       with(kOrganizationTables, {"teamMember", "session"}), kOrganizationTables, organization},
      {"passkey", {}, {"passkey"}, {}, passkey},
      {"jwt", {}, {"jwks"}, {}, jwt},
      {"oauthProvider", {}, kOAuthTables, {}, oauth_provider},
      {"oidcProvider", {}, kOidcTables, {}, oidc_provider},
      {"mcp", {}, kOidcTables, {}, oidc_provider},
      {"sso", {{"domain_verification", Kind::boolean}}, {"ssoProvider"}, {"ssoProvider"}, sso},
      {"stripe", {{"subscription", Kind::boolean}, {"organization", Kind::boolean}},
       {"subscription", "user", "organization"}, {}, stripe},
      {"deviceAuthorization", {}, {"deviceCode"}, {}, device_authorization},
      {"lastLoginMethod", {{"store_in_database", Kind::boolean}}, {"user"}, {}, last_login_method},
      {"siwe", {}, {"walletAddress"}, {}, siwe},
      {"multiSession", {}, {}, {}, no_schema},
      // Plugins without tables, accepted so a config can list every plugin the app uses.
      {"magicLink", {}, {}, {}, no_schema},
      {"bearer", {}, {}, {}, no_schema},
      {"oneTimeToken", {}, {}, {}, no_schema},
      {"genericOAuth", {}, {}, {}, no_schema},
      {"oneTap", {}, {}, {}, no_schema},
      {"customSession", {}, {}, {}, no_schema},
      {"openAPI", {}, {}, {}, no_schema},
      {"haveIBeenPwned", {}, {}, {}, no_schema},
      {"captcha", {}, {}, {}, no_schema},
      {"oAuthProxy", {}, {}, {}, no_schema},
  };
}

}  // namespace

const std::vector<PluginSpec>& plugin_catalogue() {
  static const std::vector<PluginSpec> catalogue = make_catalogue();
  return catalogue;
}

const PluginSpec* find_plugin(std::string_view name) {
  const auto& catalogue = plugin_catalogue();
  auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](const PluginSpec& p) { return p.name == name; });
  return it == catalogue.end() ? nullptr : &*it;
}

std::vector<std::string> plugin_names() {
  std::vector<std::string> names;
  for (const auto& p : plugin_catalogue()) names.push_back(p.name);
  return names;
}

bool PluginConfig::flag(const std::string& option, bool fallback) const {
  auto it = options.find(option);
  if (it == options.end()) return fallback;
  if (const bool* b = std::get_if<bool>(&it->second)) return *b;
  return fallback;
}

int64_t PluginConfig::integer(const std::string& option, int64_t fallback) const {
  auto it = options.find(option);
  if (it == options.end()) return fallback;
  if (const int64_t* i = std::get_if<int64_t>(&it->second)) return *i;
  return fallback;
}

std::optional<std::string> PluginConfig::text(const std::string& option) const {
  auto it = options.find(option);
  if (it == options.end()) return std::nullopt;
  if (const std::string* s = std::get_if<std::string>(&it->second)) return *s;
  return std::nullopt;
}

}  // namespace authmigrate::schema
