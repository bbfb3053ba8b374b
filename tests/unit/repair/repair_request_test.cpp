#include <gtest/gtest.h>

#include <authmigrate/repair/repair_request.hpp>

namespace authmigrate::repair {
namespace {

TEST(RepairRequest, EveryFormParses) {
  EXPECT_EQ(parse_repair("account-issuer")->kind, RepairKind::account_issuer);
  EXPECT_TRUE(parse_repair("account-issuer:keep-column")->keep_column);
  auto nullable = parse_repair("nullable:my.schema_table.legacy");
  ASSERT_TRUE(nullable);
  EXPECT_EQ(nullable->table, "my.schema_table");
  EXPECT_EQ(nullable->column, "legacy");
  auto with_default = parse_repair("default:account.tenant=a=b");
  ASSERT_TRUE(with_default);
  EXPECT_EQ(with_default->column, "tenant");
  EXPECT_EQ(with_default->value, "a=b");
  EXPECT_EQ(parse_repair("apikey-reference-id")->kind, RepairKind::apikey_reference_id);
}

TEST(RepairRequest, EveryBadNameIsReportedAtOnce) {
  auto parsed = parse_repairs({"drop-all", "nullable:account", "default:account.x"});
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().kind, ErrorKind::usage);
  EXPECT_NE(parsed.error().message.find("unknown repair \"drop-all\": no repair has this name"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("\"nullable:account\": name the column as TABLE.COLUMN"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("default:TABLE.COLUMN=VALUE"), std::string::npos);
  EXPECT_NE(parsed.error().hint.find("account-issuer:keep-column"), std::string::npos);
}

}  // namespace
}  // namespace authmigrate::repair
