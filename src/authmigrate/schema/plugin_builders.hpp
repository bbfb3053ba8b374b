// Private to the catalogue: one function per plugin returning its `schema` as the plugin source
// declares it for the given options (before the user's renames, which plugin_schema applies).
#pragma once

#include <vector>

#include <authmigrate/schema/auth_options.hpp>
#include <authmigrate/schema/auth_tables.hpp>

namespace authmigrate::schema::plugins {

// better-auth/plugins (account-level plugins)
std::vector<Table> two_factor(const PluginConfig&);
std::vector<Table> username(const PluginConfig&);
std::vector<Table> anonymous(const PluginConfig&);
std::vector<Table> phone_number(const PluginConfig&);
std::vector<Table> admin(const PluginConfig&);
std::vector<Table> last_login_method(const PluginConfig&);
std::vector<Table> siwe(const PluginConfig&);
std::vector<Table> no_schema(const PluginConfig&);  // emailOTP, multiSession, magicLink, ...
std::vector<Table> passkey(const PluginConfig&);    // @better-auth/passkey
std::vector<Table> stripe(const PluginConfig&);     // @better-auth/stripe

// organization, apiKey, sso
std::vector<Table> organization(const PluginConfig&);
std::vector<Table> api_key(const PluginConfig&);
std::vector<Table> sso(const PluginConfig&);

// tokens and OAuth servers
std::vector<Table> jwt(const PluginConfig&);
std::vector<Table> device_authorization(const PluginConfig&);
std::vector<Table> oauth_provider(const PluginConfig&);
std::vector<Table> oidc_provider(const PluginConfig&);

}  // namespace authmigrate::schema::plugins
