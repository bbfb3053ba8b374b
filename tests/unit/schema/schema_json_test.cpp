#include <gtest/gtest.h>

#include <authmigrate/schema/schema_json.hpp>

namespace authmigrate::schema {
namespace {

TEST(SchemaJson, UnknownFormatVersionIsRefused) {
  auto tables = read_schema_json(R"({"format": "authmigrate-schema/2", "betterAuthVersion": "9.0.0", "tables": {}})",
                                 "auth-schema.json");
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().kind, ErrorKind::config);
  EXPECT_EQ(tables.error().describe(),
            "auth-schema.json: format: unsupported schema format \"authmigrate-schema/2\"; this authmigrate "
            "reads \"authmigrate-schema/1\"");
  EXPECT_FALSE(tables.error().hint.empty());
}

TEST(SchemaJson, MissingFormatIsRefused) {
  auto tables = read_schema_json(R"({"tables": {}})", "s.json");
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().message, "format: missing \"format\"; expected \"authmigrate-schema/1\"");
}

TEST(SchemaJson, KeepsTableAndFieldOrderAsWritten) {
  auto tables = read_schema_json(R"({"format": "authmigrate-schema/1", "betterAuthVersion": "1.7.25",
    "generateId": "serial",
    "tables": {"zeta": {"modelName": "zeta", "fields": {"b": {"type": "string"}, "a": {"type": "number",
      "bigint": true, "defaultValue": {"$function": true}, "references": {"model": "alpha", "field": "id",
      "onDelete": "set null"}}}},
      "alpha": {"modelName": "alpha_t", "order": 3, "fields": {}, "indexes": [{"fields": ["x"], "unique": true}]}}})",
                                 "s.json");
  ASSERT_TRUE(tables) << tables.error().describe();
  EXPECT_EQ(tables->id_generation, IdGeneration::serial);
  ASSERT_EQ(tables->tables.size(), 2u);
  EXPECT_EQ(tables->tables[0].key, "zeta");
  ASSERT_EQ(tables->tables[0].fields.size(), 2u);
  EXPECT_EQ(tables->tables[0].fields[0].key, "b");
  const Field& a = tables->tables[0].fields[1];
  EXPECT_TRUE(a.bigint);
  EXPECT_TRUE(is_function_default(a.default_value));
  ASSERT_TRUE(a.references.has_value());
  EXPECT_EQ(a.references->on_delete, "set null");
  EXPECT_EQ(tables->tables[1].order, 3);
  EXPECT_EQ(tables->tables[1].indexes.at(0).fields, std::vector<std::string>{"x"});
}

TEST(SchemaJson, UnsupportedFieldTypeNamesThePath) {
  auto tables = read_schema_json(R"({"format": "authmigrate-schema/1", "betterAuthVersion": "1",
    "tables": {"user": {"modelName": "user", "fields": {"age": {"type": "numbr"}}}}})",
                                 "s.json");
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().message, "tables.user.fields.age.type: unsupported field type \"numbr\"");
  EXPECT_EQ(tables.error().hint, "did you mean `number`?");
}

TEST(SchemaJson, EnumTypesAreLiteralArrays) {
  auto tables = read_schema_json(R"({"format": "authmigrate-schema/1", "betterAuthVersion": "1",
    "tables": {"user": {"modelName": "user", "fields": {"plan": {"type": ["free", "pro"]}}}}})",
                                 "s.json");
  ASSERT_TRUE(tables) << tables.error().describe();
  EXPECT_EQ(tables->tables[0].fields[0].type, FieldType::enumeration);
  EXPECT_EQ(tables->tables[0].fields[0].enum_values, (std::vector<std::string>{"free", "pro"}));
}

TEST(SchemaJson, SyntaxErrorsCarryLineAndColumn) {
  auto tables = read_schema_json("{\n  \"format\": \"authmigrate-schema/1\",\n  oops\n}", "s.json");
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().message.rfind("s.json:3:3: not valid JSON", 0), 0u) << tables.error().message;
}

}  // namespace
}  // namespace authmigrate::schema
