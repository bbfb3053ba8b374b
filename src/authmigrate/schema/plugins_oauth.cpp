// Token and OAuth-server plugins: jwt and deviceAuthorization (better-auth 1.7.25),
// oauthProvider (@better-auth/oauth-provider 1.7.5) and oidcProvider/mcp (better-auth 1.6.34,
// the last release that ships them).
#include <authmigrate/schema/catalogue_dsl.hpp>
#include <authmigrate/schema/plugin_builders.hpp>

namespace authmigrate::schema::plugins {

using dsl::F;
using dsl::T;
using dsl::table;

std::vector<Table> jwt(const PluginConfig&) {
  return {table("jwks", {F("publicKey", T::string).req(),
                         F("privateKey", T::string).req(),
                         F("createdAt", T::date).req(),
                         F("expiresAt", T::date).opt(),
                         F("alg", T::string).opt(),
                         F("crv", T::string).opt()})};
}

std::vector<Table> device_authorization(const PluginConfig&) {
  return {table("deviceCode",
                {F("deviceCode", T::string).req(), F("userCode", T::string).req(),
                 F("userId", T::string).opt(), F("expiresAt", T::date).req(),
                 F("status", T::string).req(), F("lastPolledAt", T::date).opt(),
                 F("pollingInterval", T::number).opt(), F("clientId", T::string).opt(),
                 F("scope", T::string).opt()},
                {IndexSpec{{"deviceCode"}, true, std::nullopt}, IndexSpec{{"userCode"}, true, std::nullopt}})};
}

namespace {

Table oauth_client() {
  return table("oauthClient",
               {F("clientId", T::string).unique().req(), F("clientSecret", T::string).opt(),
                F("clientDiscoveryId", T::string).opt(), F("disabled", T::boolean).def(false).opt(),
                F("skipConsent", T::boolean).opt(), F("enableEndSession", T::boolean).opt(),
                F("subjectType", T::string).opt(), F("scopes", T::string_array).opt(),
                F("clientCredentialsScopes", T::string_array).opt().def_json("[]"),
                F("userId", T::string).opt().ref("user").index(), F("createdAt", T::date).opt(),
                F("updatedAt", T::date).opt(), F("name", T::string).opt(), F("uri", T::string).opt(),
                F("icon", T::string).opt(), F("contacts", T::string_array).opt(),
                F("tos", T::string).opt(), F("policy", T::string).opt(),
                F("softwareId", T::string).opt(), F("softwareVersion", T::string).opt(),
                F("softwareStatement", T::string).opt(), F("redirectUris", T::string_array).req(),
                F("postLogoutRedirectUris", T::string_array).opt(),
                F("backchannelLogoutUri", T::string).opt(),
                F("backchannelLogoutSessionRequired", T::boolean).opt(),
                F("tokenEndpointAuthMethod", T::string).opt(), F("applicationType", T::string).opt(),
                F("jwks", T::string).opt(), F("jwksUri", T::string).opt(),
                F("grantTypes", T::string_array).opt(), F("responseTypes", T::string_array).opt(),
                F("requirePKCE", T::boolean).opt(), F("dpopBoundAccessTokens", T::boolean).opt().def(false),
                F("referenceId", T::string).opt(), F("metadata", T::json).opt()});
}

Table oauth_resource() {
  return table("oauthResource",
               {F("identifier", T::string).req().unique(), F("name", T::string).req(),
                F("accessTokenTtl", T::number).opt(), F("refreshTokenTtl", T::number).opt(),
                F("signingAlgorithm", T::string).opt(), F("signingKeyId", T::string).opt(),
                F("allowedScopes", T::string_array).opt(), F("customClaims", T::json).opt(),
                F("dpopBoundAccessTokensRequired", T::boolean).opt().def(false),
                F("disabled", T::boolean).opt().def(false), F("createdAt", T::date).opt(),
                F("updatedAt", T::date).opt(), F("policyVersion", T::number).opt().def(1.0),
                F("metadata", T::json).opt()});
}

// Fields shared by refresh tokens, access tokens (which add refreshId) and their order.
std::vector<Field> token_fields(bool refresh) {
  std::vector<Field> fields = {
      F("token", T::string).unique(),
      F("clientId", T::string).req().ref("oauthClient", "clientId").index(),
      F("sessionId", T::string).opt().ref("session", "id", "set null").index()};
  if (refresh) {
    fields[0] = F("token", T::string).req().unique();
    fields.push_back(F("userId", T::string).req().ref("user").index());
  } else {
    fields.push_back(F("userId", T::string).opt().ref("user").index());
  }
  fields.push_back(F("referenceId", T::string).opt());
  fields.push_back(F("authorizationCodeId", T::string).opt().index());
  fields.push_back(F("resources", T::string_array).opt());
  fields.push_back(F("requestedUserInfoClaims", T::string_array).opt());
  if (!refresh) fields.push_back(F("refreshId", T::string).opt().ref("oauthRefreshToken").index());
  fields.push_back(F("expiresAt", T::date));
  fields.push_back(F("createdAt", T::date));
  fields.push_back(F("revoked", T::date).opt());
  if (refresh) {
    fields.push_back(F("rotatedAt", T::date).opt());
    fields.push_back(F("rotationReplayResponse", T::string).opt());
    fields.push_back(F("rotationReplayExpiresAt", T::date).opt());
    fields.push_back(F("authTime", T::date).opt());
  }
  fields.push_back(F("confirmation", T::json).opt());
  fields.push_back(F("scopes", T::string_array).req());
  return fields;
}

}  // namespace

std::vector<Table> oauth_provider(const PluginConfig&) {
  return {oauth_client(),
          oauth_resource(),
          table("oauthClientResource",
                {F("clientId", T::string).req().ref("oauthClient", "clientId", "cascade").index(),
                 F("resourceId", T::string).req().ref("oauthResource", "identifier", "cascade").index(),
                 F("metadata", T::json).opt(), F("createdAt", T::date).opt()},
                {IndexSpec{{"clientId", "resourceId"}, true, std::nullopt}}),
          table("oauthRefreshToken", token_fields(true)),
          table("oauthAccessToken", token_fields(false)),
          table("oauthConsent",
                {F("clientId", T::string).req().ref("oauthClient", "clientId").index(),
                 F("userId", T::string).opt().ref("user").index(), F("referenceId", T::string).opt(),
                 F("resources", T::string_array).opt(),
                 F("requestedUserInfoClaims", T::string_array).opt(),
                 F("scopes", T::string_array).req(), F("createdAt", T::date), F("updatedAt", T::date)}),
          table("oauthClientAssertion", {F("expiresAt", T::date).req()})};
}

std::vector<Table> oidc_provider(const PluginConfig&) {
  return {table("oauthApplication",
                {F("name", T::string), F("icon", T::string).opt(), F("metadata", T::string).opt(),
                 F("clientId", T::string).unique(), F("clientSecret", T::string).opt(),
                 F("redirectUrls", T::string), F("type", T::string),
                 F("disabled", T::boolean).opt().def(false),
                 F("userId", T::string).opt().ref("user", "id", "cascade").index(),
                 F("createdAt", T::date), F("updatedAt", T::date)}),
          table("oauthAccessToken",
                {F("accessToken", T::string).unique(), F("refreshToken", T::string).unique(),
                 F("accessTokenExpiresAt", T::date), F("refreshTokenExpiresAt", T::date),
                 F("clientId", T::string).ref("oauthApplication", "clientId", "cascade").index(),
                 F("userId", T::string).opt().ref("user", "id", "cascade").index(),
                 F("scopes", T::string), F("createdAt", T::date), F("updatedAt", T::date)}),
          table("oauthConsent",
                {F("clientId", T::string).ref("oauthApplication", "clientId", "cascade").index(),
                 F("userId", T::string).ref("user", "id", "cascade").index(),
                 F("scopes", T::string), F("createdAt", T::date), F("updatedAt", T::date),
                 F("consentGiven", T::boolean)})};
}

}  // namespace authmigrate::schema::plugins
