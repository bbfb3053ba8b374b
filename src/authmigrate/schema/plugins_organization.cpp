// organization (better-auth 1.7.25), apiKey (@better-auth/api-key 1.7.5), sso (@better-auth/sso
// 1.7.5). Their table order depends on options exactly as the plugin sources build it.
#include <authmigrate/schema/catalogue_dsl.hpp>
#include <authmigrate/schema/plugin_builders.hpp>

namespace authmigrate::schema::plugins {

using dsl::F;
using dsl::T;
using dsl::table;

namespace {

std::vector<Table> team_tables() {
  return {table("team", {F("name", T::string).req(),
                         F("memberCount", T::number).req().def(0.0),
                         F("organizationId", T::string).req().ref("organization").index(),
                         F("createdAt", T::date).req(),
                         F("updatedAt", T::date).opt()}),
          table("teamMember", {F("teamId", T::string).req().ref("team").index(),
                               F("userId", T::string).req().ref("user").index(),
                               F("membershipKey", T::string).opt().unique(),
                               F("createdAt", T::date).opt()})};
}

Table organization_role_table() {
  return table("organizationRole", {F("organizationId", T::string).req().ref("organization").index(),
                                    F("role", T::string).req().index(),
                                    F("permission", T::string).req(),
                                    F("createdAt", T::date).req().def_fn(),
                                    F("updatedAt", T::date).opt()});
}

}  // namespace

std::vector<Table> organization(const PluginConfig& config) {
  const bool teams = config.flag("teams");
  std::vector<Table> tables;
  tables.push_back(table("organization", {F("name", T::string).req().sortable(),
                                          F("slug", T::string).req().unique().sortable().index(),
                                          F("logo", T::string).opt(),
                                          F("createdAt", T::date).req(),
                                          F("metadata", T::string).opt()}));
  if (config.flag("dynamic_access_control")) tables.push_back(organization_role_table());
  if (teams) {
    for (auto& t : team_tables()) tables.push_back(std::move(t));
  }
  tables.push_back(table("member", {F("organizationId", T::string).req().ref("organization").index(),
                                    F("userId", T::string).req().ref("user").index(),
                                    F("role", T::string).req().sortable().def("member"),
                                    F("createdAt", T::date).req()}));
  std::vector<Field> invitation = {F("organizationId", T::string).req().ref("organization").index(),
                                   F("email", T::string).req().sortable().index(),
                                   F("role", T::string).opt().sortable()};
  if (teams) invitation.push_back(F("teamId", T::string).opt().sortable());  // no foreign key
  invitation.push_back(F("status", T::string).req().sortable().def("pending"));
  invitation.push_back(F("expiresAt", T::date).req());
  invitation.push_back(F("createdAt", T::date).req().def_fn());
  invitation.push_back(F("inviterId", T::string).ref("user").req());
  tables.push_back(table("invitation", std::move(invitation)));
  std::vector<Field> session = {F("activeOrganizationId", T::string).opt()};
  if (teams) session.push_back(F("activeTeamId", T::string).opt());
  tables.push_back(table("session", std::move(session)));
  return tables;
}

std::vector<Table> api_key(const PluginConfig& config) {
  // The two rate-limit defaults follow a single configuration's options; they only reach the
  // DDL when the column is added to an existing table.
  const double max_requests = static_cast<double>(config.integer("rate_limit_max", 10));
  const double time_window = static_cast<double>(config.integer("rate_limit_time_window", 86400000));
  return {table("apikey", {F("configId", T::string).req().def("default").index(),
                           F("name", T::string).opt(),
                           F("start", T::string).opt(),
                           F("referenceId", T::string).req().index(),  // no FK: user or organization
                           F("prefix", T::string).opt(),
                           F("key", T::string).req().index(),
                           F("refillInterval", T::number).opt(),
                           F("refillAmount", T::number).opt(),
                           F("lastRefillAt", T::date).opt(),
                           F("enabled", T::boolean).opt().def(true),
                           F("rateLimitEnabled", T::boolean).opt().def(true),
                           F("rateLimitTimeWindow", T::number).opt().def(time_window),
                           F("rateLimitMax", T::number).opt().def(max_requests),
                           F("requestCount", T::number).opt().def(0.0),
                           F("remaining", T::number).opt(),
                           F("lastRequest", T::date).opt(),
                           F("expiresAt", T::date).opt(),
                           F("createdAt", T::date).req(),
                           F("updatedAt", T::date).req(),
                           F("permissions", T::string).opt(),
                           F("metadata", T::string).opt()})};
}

std::vector<Table> sso(const PluginConfig& config) {
  // The sso plugin spells out every fieldName itself.
  std::vector<Field> fields = {F("issuer", T::string).req().name("issuer"),
                               F("oidcConfig", T::string).opt().name("oidcConfig"),
                               F("samlConfig", T::string).opt().name("samlConfig"),
                               F("userId", T::string).ref("user").name("userId"),
                               F("providerId", T::string).req().unique().name("providerId"),
                               F("organizationId", T::string).opt().name("organizationId"),
                               F("domain", T::string).req().name("domain")};
  if (config.flag("domain_verification"))
    fields.push_back(F("domainVerified", T::boolean).opt().name("domainVerified"));
  return {table("ssoProvider", std::move(fields))};
}

}  // namespace authmigrate::schema::plugins
