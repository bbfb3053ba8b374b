// Plugins that add user/session columns or small per-user tables (better-auth 1.7.25,
// @better-auth/passkey 1.7.6, @better-auth/stripe 1.7.6).
#include <authmigrate/schema/catalogue_dsl.hpp>
#include <authmigrate/schema/plugin_builders.hpp>

namespace authmigrate::schema::plugins {

using dsl::F;
using dsl::T;
using dsl::table;

std::vector<Table> two_factor(const PluginConfig& config) {
  auto tables = std::vector<Table>{
      table("user", {F("twoFactorEnabled", T::boolean).opt().def(false)}),
      table("twoFactor", {F("secret", T::string).req().index(),
                          F("backupCodes", T::string).req(),
                          F("userId", T::string).req().ref("user").index(),
                          F("verified", T::boolean).opt().def(true),
                          F("failedVerificationCount", T::number).opt().def(0.0),
                          F("lockedUntil", T::date).opt()})};
  // `twoFactorTable` is the older spelling of schema.twoFactor.modelName and wins over it.
  if (auto name = config.text("two_factor_table"); name && !name->empty()) tables[1].model_name = *name;
  return tables;
}

std::vector<Table> username(const PluginConfig& config) {
  std::vector<Field> fields = {F("username", T::string).opt().sortable().unique()};
  if (config.flag("display_username", true)) fields.push_back(F("displayUsername", T::string).opt());
  return {table("user", std::move(fields))};
}

std::vector<Table> anonymous(const PluginConfig&) {
  return {table("user", {F("isAnonymous", T::boolean).opt().def(false)})};
}

std::vector<Table> phone_number(const PluginConfig&) {
  return {table("user", {F("phoneNumber", T::string).opt().unique().sortable(),
                         F("phoneNumberVerified", T::boolean).opt()})};
}

std::vector<Table> admin(const PluginConfig&) {
  return {table("user", {F("role", T::string).opt(),
                         F("banned", T::boolean).def(false).opt(),
                         F("banReason", T::string).opt(),
                         F("banExpires", T::date).opt()}),
          table("session", {F("impersonatedBy", T::string).opt()})};
}

std::vector<Table> last_login_method(const PluginConfig& config) {
  if (!config.flag("store_in_database")) return {};
  return {table("user", {F("lastLoginMethod", T::string).opt().name("lastLoginMethod")})};
}

std::vector<Table> siwe(const PluginConfig&) {
  return {table("walletAddress", {F("userId", T::string).ref("user").req().index(),
                                  F("address", T::string).req(),
                                  F("chainId", T::number).req(),
                                  F("isPrimary", T::boolean).def(false),
                                  F("createdAt", T::date).req()})};
}

std::vector<Table> no_schema(const PluginConfig&) { return {}; }

std::vector<Table> passkey(const PluginConfig&) {
  return {table("passkey", {F("name", T::string).opt(),
                            F("publicKey", T::string).req(),
                            F("userId", T::string).ref("user").req().index(),
                            F("credentialID", T::string).req().index(),
                            F("counter", T::number).req(),
                            F("deviceType", T::string).req(),
                            F("backedUp", T::boolean).req(),
                            F("transports", T::string).opt(),
                            F("createdAt", T::date).opt(),
                            F("aaguid", T::string).opt()})};
}

std::vector<Table> stripe(const PluginConfig& config) {
  std::vector<Table> tables;
  if (config.flag("subscription")) {
    tables.push_back(table("subscription", {F("plan", T::string).req(),
                                            F("referenceId", T::string).req(),
                                            F("stripeCustomerId", T::string).opt(),
                                            F("stripeSubscriptionId", T::string).opt(),
                                            F("status", T::string).def("incomplete"),
                                            F("periodStart", T::date).opt(),
                                            F("periodEnd", T::date).opt(),
                                            F("trialStart", T::date).opt(),
                                            F("trialEnd", T::date).opt(),
                                            F("cancelAtPeriodEnd", T::boolean).opt().def(false),
                                            F("cancelAt", T::date).opt(),
                                            F("canceledAt", T::date).opt(),
                                            F("endedAt", T::date).opt(),
                                            F("seats", T::number).opt(),
                                            F("billingInterval", T::string).opt(),
                                            F("stripeScheduleId", T::string).opt()}));
  }
  tables.push_back(table("user", {F("stripeCustomerId", T::string).opt()}));
  if (config.flag("organization"))
    tables.push_back(table("organization", {F("stripeCustomerId", T::string).opt()}));
  return tables;
}

}  // namespace authmigrate::schema::plugins
