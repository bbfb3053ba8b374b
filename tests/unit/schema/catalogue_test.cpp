// The built-in catalogue against the real thing: for every golden configuration, the tables the
// catalogue builds from authmigrate.toml must equal getAuthTables() of the published Better Auth
// packages for the same configuration (exported as JSON by tests/golden/tools/capture.mjs).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/schema_json.hpp>
#include <authmigrate/schema/toml_config.hpp>

#include "../support/catalogue_tables.hpp"
#include "golden_files.hpp"

namespace authmigrate::schema {
namespace {

std::string describe(const Field& f) {
  std::string def = std::visit(
      [](const auto& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>)
          return "-";
        else if constexpr (std::is_same_v<V, std::string>)
          return "'" + v + "'";
        else if constexpr (std::is_same_v<V, double>)
          return fmt::format("{}", v);
        else if constexpr (std::is_same_v<V, bool>)
          return v ? "true" : "false";
        else if constexpr (std::is_same_v<V, DefaultFunction>)
          return "fn";
        else
          return v.text;
      },
      f.default_value);
  return fmt::format(
      "{} col={} type={} req={} uniq={} idx={} sort={} big={} def={} ref={}", f.key, f.field_name.value_or("-"),
      to_string(f.type), f.required ? (*f.required ? "T" : "F") : "-", f.unique, f.index, f.sortable, f.bigint, def,
      f.references ? f.references->model + "." + f.references->field + "/" + f.references->on_delete.value_or("-")
                   : "-");
}

std::string describe(const AuthTables& tables) {
  std::string out = fmt::format("id={}\n", to_string(tables.id_generation));
  for (const auto& t : tables.tables) {
    out += fmt::format("table {} model={} order={} disabled={}\n", t.key, t.model_name,
                       t.order ? std::to_string(*t.order) : "-", t.disable_migrations);
    for (const auto& f : t.fields) out += "  " + describe(f) + "\n";
    for (const auto& i : t.indexes)
      out += fmt::format("  index [{}] unique={} name={}\n", fmt::join(i.fields, ","), i.unique, i.name.value_or("-"));
  }
  return out;
}

class SchemaCatalogueGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(SchemaCatalogueGolden, TomlConfigBuildsTheTablesBetterAuthExports) {
  const std::string name = GetParam();
  auto exported = read_schema_json(testing::read_golden("json/" + name + ".json"), name + ".json");
  ASSERT_TRUE(exported) << exported.error().describe();
  auto options = read_better_auth_toml(testing::read_golden("toml/" + name + ".toml"), name + ".toml");
  ASSERT_TRUE(options) << options.error().describe();
  AuthTables built = testing::golden_tables(options->value_or(AuthOptions{}), name);
  EXPECT_EQ(built.better_auth_version, exported->better_auth_version);
  EXPECT_EQ(describe(built), describe(*exported));
  EXPECT_TRUE(built.tables == exported->tables);  // beyond what describe() shows
}

INSTANTIATE_TEST_SUITE_P(Schema, SchemaCatalogueGolden, ::testing::ValuesIn(testing::golden_cases()));

TEST(SchemaCatalogue, EveryPluginTheIssueNamesIsKnown) {
  for (const char* name : {"twoFactor", "username", "anonymous", "phoneNumber", "emailOTP", "admin", "apiKey",
                           "organization", "passkey", "jwt", "oidcProvider", "oauthProvider", "sso", "stripe",
                           "deviceAuthorization", "lastLoginMethod", "siwe", "multiSession"}) {
    EXPECT_NE(find_plugin(name), nullptr) << name;
  }
  EXPECT_EQ(find_plugin("twofactor"), nullptr);  // names are case-sensitive, as in JavaScript
}

TEST(SchemaCatalogue, AdditionalFieldWithACoreNameKeepsTheCorePosition) {
  AuthOptions options;
  Field image;
  image.key = "image";
  image.type = FieldType::string;
  image.required = true;
  options.core["user"].additional_fields.push_back(image);
  AuthTables tables = testing::catalogue_tables(options);
  const Table* user = tables.find("user");
  ASSERT_NE(user, nullptr);
  ASSERT_EQ(user->fields.size(), 6u);
  EXPECT_EQ(user->fields[3].key, "image");
  EXPECT_TRUE(user->fields[3].is_required());
  EXPECT_FALSE(user->fields[3].field_name.has_value());  // the additional field replaces it whole
}

TEST(SchemaCatalogue, SecondaryStorageDropsSessionAndVerification) {
  AuthOptions options;
  options.secondary_storage = true;
  AuthTables tables = testing::catalogue_tables(options);
  EXPECT_EQ(tables.find("session"), nullptr);
  EXPECT_EQ(tables.find("verification"), nullptr);
  options.store_session_in_database = true;
  EXPECT_NE(testing::catalogue_tables(options).find("session"), nullptr);
}

}  // namespace
}  // namespace authmigrate::schema
