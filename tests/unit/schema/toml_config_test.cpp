#include <gtest/gtest.h>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/toml_config.hpp>

namespace authmigrate::schema {
namespace {

Result<std::optional<AuthOptions>> read(std::string_view text) {
  return read_better_auth_toml(text, "authmigrate.toml");
}

TEST(SchemaTomlConfig, NoSectionMeansNoDeclarativeSchema) {
  auto options = read("[deploy]\nretries = 3\n");
  ASSERT_TRUE(options) << options.error().describe();
  EXPECT_FALSE(options->has_value());
}

TEST(SchemaTomlConfig, UnknownPluginIsNamedWithItsLineAndASuggestion) {
  auto options = read("[better_auth]\nplugins = [\n  \"admin\",\n  \"twoFactr\",\n]\n");
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().kind, ErrorKind::config);
  EXPECT_EQ(options.error().message, "authmigrate.toml:4:3: unknown plugin `twoFactr` (did you mean `twoFactor`?)");
}

TEST(SchemaTomlConfig, EveryProblemIsReportedAtOnceInSourceOrder) {
  auto options = read(
      "[better_auth]\n"
      "plugins = [\"organization\"]\n"
      "generate_id = \"uuids\"\n"
      "[better_auth.user.additional_fields.plan]\n"
      "type = \"strng\"\n"
      "[better_auth.plugin.organization]\n"
      "team = true\n");
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().message,
            "authmigrate.toml:3:15: `generate_id` must be \"default\", \"uuid\" or \"serial\" (did you mean `uuid`?)\n"
            "authmigrate.toml:5:8: unknown field type `strng` (did you mean `string`?)\n"
            "authmigrate.toml:7:1: unknown option `team` for plugin `organization` (did you mean `teams`?)");
}

TEST(SchemaTomlConfig, PluginOptionsNeedThePluginListed) {
  auto options = read("[better_auth]\nplugins = []\n[better_auth.plugin.sso]\ndomain_verification = true\n");
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().message,
            "authmigrate.toml:3:21: options for plugin `sso`, which `better_auth.plugins` does not list");
}

TEST(SchemaTomlConfig, RenamingAnUnknownFieldIsAnError) {
  auto options = read("[better_auth.user]\nfields = { emial = \"email_address\" }\n");
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().message,
            "authmigrate.toml:2:12: unknown field `emial` in `better_auth.user.fields` (did you mean `email`?)");
}

// Which tables the options create depends on the release, known only when the schema is built.
TEST(SchemaTomlConfig, PluginTableThatTheOptionsDoNotCreateIsAnError) {
  auto options = read(
      "[better_auth]\nplugins = [\"organization\"]\n"
      "[better_auth.plugin.organization.schema.team]\nmodel_name = \"teams\"\n");
  ASSERT_TRUE(options) << options.error().describe();
  auto tables = build_auth_tables(**options, newest_release());
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().kind, ErrorKind::config);
  EXPECT_NE(tables.error().message.find("better_auth.plugin.organization.schema.team: plugin `organization` creates no "
                                        "table `team` with these options in better-auth "),
            std::string::npos)
      << tables.error().message;
}

TEST(SchemaTomlConfig, AdditionalFieldsOnlyWhereThePluginAcceptsThem) {
  auto options = read(
      "[better_auth]\nplugins = [\"twoFactor\"]\n"
      "[better_auth.plugin.twoFactor.schema.twoFactor.additional_fields.x]\ntype = \"string\"\n");
  ASSERT_FALSE(options);
  EXPECT_NE(
      options.error().message.find("unknown option `better_auth.plugin.twoFactor.schema.twoFactor.additional_fields`"),
      std::string::npos)
      << options.error().message;
}

TEST(SchemaTomlConfig, DateDefaultNowIsTheCurrentTimeFunction) {
  auto options = read("[better_auth.user.additional_fields.seen]\ntype = \"date\"\ndefault = \"now\"\n");
  ASSERT_TRUE(options) << options.error().describe();
  const auto& fields = (*options)->core.at("user").additional_fields;
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_TRUE(is_function_default(fields[0].default_value));
  EXPECT_FALSE(fields[0].required.has_value());  // unset: required, as Better Auth reads it
}

TEST(SchemaTomlConfig, StringDefaultOnADateIsRefused) {
  auto options = read("[better_auth.user.additional_fields.seen]\ntype = \"date\"\ndefault = \"2020-01-01\"\n");
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().message, "authmigrate.toml:3:11: a date field's default can only be \"now\"");
}

TEST(SchemaTomlConfig, SyntaxErrorsCarryThePosition) {
  auto options = read("[better_auth\n");
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().kind, ErrorKind::config);
  EXPECT_EQ(options.error().message.rfind("authmigrate.toml:1:", 0), 0u) << options.error().message;
}

}  // namespace
}  // namespace authmigrate::schema
