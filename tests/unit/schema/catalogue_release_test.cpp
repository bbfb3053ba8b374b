// The catalogue across releases: each release's own schema, plugins that come and go, options that land
// in the schema, and releases between or beyond the harvested ones.
#include <gtest/gtest.h>

#include <algorithm>

#include <authmigrate/schema/catalogue.hpp>

namespace authmigrate::schema {
namespace {

CatalogueRelease release(std::string_view version) { return {*base::parse_version(version), {}}; }

AuthOptions with_plugin(std::string name) {
  AuthOptions options;
  options.plugins.push_back(PluginConfig{std::move(name), {}, {}});
  return options;
}

bool has_field(const AuthTables& tables, std::string_view table, std::string_view field) {
  const Table* t = tables.find(table);
  return t && t->find_field(field) != nullptr;
}

TEST(CatalogueRelease, KnowsEveryMinorFromOnePointThree) {
  const auto& known = known_releases();
  ASSERT_FALSE(known.empty());
  EXPECT_EQ(known.front(), *base::parse_version("1.3.0"));
  EXPECT_GE(known.back(), *base::parse_version("1.7.29"));
  for (const char* minor : {"1.3.", "1.4.", "1.5.", "1.6.", "1.7."}) {
    EXPECT_TRUE(std::any_of(known.begin(), known.end(), [&](const base::Version& v) {
      return base::to_string(v).rfind(minor, 0) == 0;
    })) << minor;
  }
}

TEST(CatalogueRelease, EachReleaseHasItsOwnCoreTables) {
  // 1.7.0-1.7.2 declared a required account.issuer; 1.7.3 took it out again.
  auto old = build_auth_tables(AuthOptions{}, release("1.7.2"));
  auto now = build_auth_tables(AuthOptions{}, release("1.7.29"));
  ASSERT_TRUE(old) << old.error().describe();
  ASSERT_TRUE(now) << now.error().describe();
  EXPECT_TRUE(has_field(*old, "account", "issuer"));
  EXPECT_FALSE(has_field(*now, "account", "issuer"));
  EXPECT_EQ(old->better_auth_version, "1.7.2");
}

TEST(CatalogueRelease, APluginNotInTheReleaseIsNamedWithTheWayOut) {
  auto tables = build_auth_tables(with_plugin("oidcProvider"), release("1.7.29"));
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().kind, ErrorKind::config);
  EXPECT_NE(tables.error().message.find("plugin `oidcProvider` is not in better-auth 1.7.29"), std::string::npos)
      << tables.error().message;
  EXPECT_FALSE(tables.error().hint.empty());
  EXPECT_TRUE(build_auth_tables(with_plugin("oidcProvider"), release("1.6.33")));
}

TEST(CatalogueRelease, OfficialPluginsWithoutTablesAreAccepted) {
  for (const char* name : {"expo", "bearer", "magicLink", "multiSession"}) {
    ASSERT_NE(find_plugin(name), nullptr) << name;
    auto tables = build_auth_tables(with_plugin(name), release("1.7.29"));
    ASSERT_TRUE(tables) << name << ": " << tables.error().describe();
    EXPECT_EQ(tables->tables.size(), 4u) << name;
  }
}

TEST(CatalogueRelease, PluginsTheHandWrittenCatalogueMissedHaveTheirTables) {
  auto scim = build_auth_tables(with_plugin("scim"), release("1.7.29"));
  ASSERT_TRUE(scim) << scim.error().describe();
  EXPECT_NE(scim->find("scimUser"), nullptr);
  auto agents = build_auth_tables(with_plugin("agentAuth"), release("1.7.29"));
  ASSERT_TRUE(agents) << agents.error().describe();
  EXPECT_NE(agents->find("agentHost"), nullptr);
  auto device = build_auth_tables(with_plugin("oauthDeviceAuthorization"), release("1.7.29"));
  ASSERT_TRUE(device) << device.error().describe();
  EXPECT_NE(device->find("deviceCode"), nullptr);
}

TEST(CatalogueRelease, StringAndIntegerOptionsLandWhereTheReleasePutsThem) {
  AuthOptions options = with_plugin("twoFactor");
  options.plugins[0].options["two_factor_table"] = std::string("two_factors");
  auto tables = build_auth_tables(options, release("1.7.29"));
  ASSERT_TRUE(tables) << tables.error().describe();
  EXPECT_EQ(tables->find("twoFactor")->model_name, "two_factors");

  options = with_plugin("apiKey");
  options.plugins[0].options["rate_limit_max"] = int64_t{25};
  tables = build_auth_tables(options, release("1.7.29"));
  ASSERT_TRUE(tables) << tables.error().describe();
  const Field* max = tables->find("apikey")->find_field("rateLimitMax");
  ASSERT_NE(max, nullptr);
  EXPECT_EQ(max->default_value, DefaultValue{25.0});
}

TEST(CatalogueRelease, BooleanOptionsSelectTheirVariant) {
  AuthOptions options = with_plugin("organization");
  auto plain = build_auth_tables(options, release("1.7.29"));
  options.plugins[0].options["teams"] = true;
  auto teams = build_auth_tables(options, release("1.7.29"));
  ASSERT_TRUE(plain && teams);
  EXPECT_EQ(plain->find("team"), nullptr);
  EXPECT_NE(teams->find("team"), nullptr);
  EXPECT_TRUE(has_field(*teams, "session", "activeTeamId"));
}

TEST(CatalogueRelease, AReleaseBetweenHarvestedOnesFollowsTheOneBefore) {
  // 1.7.26 and 1.7.28 were never published: they read as 1.7.25 and 1.7.27.
  auto between = build_auth_tables(with_plugin("organization"), release("1.7.26"));
  auto before = build_auth_tables(with_plugin("organization"), release("1.7.25"));
  ASSERT_TRUE(between && before);
  EXPECT_EQ(between->tables, before->tables);
}

TEST(CatalogueRelease, OlderThanEveryKnownReleaseIsAnError) {
  auto tables = build_auth_tables(AuthOptions{}, release("1.2.12"));
  ASSERT_FALSE(tables);
  EXPECT_NE(tables.error().message.find("older than every release the catalogue knows"), std::string::npos);
}

TEST(CatalogueRelease, AnInstalledPluginPackageSelectsItsOwnRelease) {
  // The package a plugin moved to is chosen when the app installed it.
  CatalogueRelease r = release("1.7.29");
  r.packages["@better-auth/passkey"] = *base::parse_version("1.7.2");
  auto tables = build_auth_tables(with_plugin("passkey"), r);
  ASSERT_TRUE(tables) << tables.error().describe();
  EXPECT_NE(tables->find("passkey"), nullptr);
}

}  // namespace
}  // namespace authmigrate::schema
