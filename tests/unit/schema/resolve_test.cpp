#include <gtest/gtest.h>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/schema.hpp>

#include "../support/catalogue_tables.hpp"

namespace authmigrate::schema {
namespace {

Field field(std::string key, FieldType type) {
  Field f;
  f.key = std::move(key);
  f.type = type;
  return f;
}

TEST(SchemaResolve, ReferencesFollowRenamedTablesAndColumns) {
  AuthOptions options;
  options.core["user"].model_name = "users";
  options.plugins.push_back(PluginConfig{"oauthProvider", {}, {}});
  options.plugins.back().schema["oauthClient"].field_names.emplace_back("clientId", "client_id");
  auto schema = resolve_schema(testing::catalogue_tables(options));
  ASSERT_TRUE(schema) << schema.error().describe();
  const Column* client = schema->find("oauthRefreshToken")->find("clientId");
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->reference.has_value());
  EXPECT_EQ(client->reference->table, "oauthClient");
  EXPECT_EQ(client->reference->column, "client_id");
  EXPECT_FALSE(client->reference->targets_id);
  const Column* user = schema->find("session")->find("userId");
  EXPECT_EQ(user->reference->table, "users");
  EXPECT_TRUE(user->reference->targets_id);
}

TEST(SchemaResolve, TablesSharingAModelNameAreMerged) {
  AuthTables tables;
  Table a{"a", "shared", std::nullopt, false, {field("x", FieldType::string)}, {}};
  Table b{"b", "shared", std::nullopt, true, {field("y", FieldType::number)}, {}};
  tables.tables = {a, b};
  auto schema = resolve_schema(tables);
  ASSERT_TRUE(schema) << schema.error().describe();
  ASSERT_EQ(schema->tables.size(), 1u);
  EXPECT_EQ(schema->tables[0].columns.size(), 2u);
  EXPECT_TRUE(schema->tables[0].disable_migrations);
}

TEST(SchemaResolve, UniqueIndexOverAnOptionalFieldIsRefused) {
  AuthTables tables;
  Field optional = field("code", FieldType::string);
  optional.required = false;
  tables.tables = {Table{"t", "t", std::nullopt, false, {optional}, {IndexSpec{{"code"}, true, std::nullopt}}}};
  auto schema = resolve_schema(tables);
  ASSERT_FALSE(schema);
  EXPECT_EQ(schema.error().kind, ErrorKind::config);
  EXPECT_EQ(
      schema.error().message,
      "Unique index on table \"t\" can only include required fields so its behavior is consistent across databases.");
}

TEST(SchemaResolve, IndexNameCollidingWithATableIsRefused) {
  AuthTables tables;
  Field code = field("code", FieldType::string);
  code.index = true;
  tables.tables = {Table{"t", "t", std::nullopt, false, {code}, {}},
                   Table{"u", "t_code_idx", std::nullopt, false, {}, {}}};
  auto schema = resolve_schema(tables);
  ASSERT_FALSE(schema);
  EXPECT_EQ(schema.error().message,
            "Database index name \"t_code_idx\" conflicts with a table name. Index and table names must be unique "
            "across the schema.");
}

TEST(SchemaResolve, TableIndexesGetGeneratedNamesOverPhysicalColumns) {
  AuthOptions options;
  options.plugins.push_back(PluginConfig{"deviceAuthorization", {}, {}});
  options.plugins.back().schema["deviceCode"].field_names.emplace_back("userCode", "user_code");
  auto schema = resolve_schema(testing::catalogue_tables(options));
  ASSERT_TRUE(schema) << schema.error().describe();
  const auto& indexes = schema->find("deviceCode")->indexes;
  ASSERT_EQ(indexes.size(), 2u);
  EXPECT_EQ(indexes[1].name, "deviceCode_user_code_uidx");
  EXPECT_EQ(indexes[1].columns, std::vector<std::string>{"user_code"});
  EXPECT_TRUE(indexes[1].unique);
}

}  // namespace
}  // namespace authmigrate::schema
