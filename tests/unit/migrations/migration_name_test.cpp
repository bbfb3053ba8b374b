#include <gtest/gtest.h>

#include <authmigrate/migrations/migration_name.hpp>

using namespace authmigrate;
using migrations::parse_migration_name;

TEST(MigrationName, AcceptsBetterAuthGeneratedNames) {
  auto n = parse_migration_name("2026-11-24T10-15-30.123Z.sql");
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(n->version, "2026-11-24T10-15-30.123Z");
  EXPECT_EQ(n->description, "");
}

TEST(MigrationName, AcceptsBetterAuthNamesWithADescription) {
  auto n = parse_migration_name("2026-11-24T10-15-30.123Z_add_orders.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->version, "2026-11-24T10-15-30.123Z");
  EXPECT_EQ(n->description, "add_orders");
}

TEST(MigrationName, AcceptsDigitsUnderscoreWords) {
  auto n = parse_migration_name("0001_create-users_table.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->version, "0001");
  EXPECT_EQ(n->description, "create-users_table");
}

TEST(MigrationName, RejectsOtherNamesSayingWhy) {
  struct Case {
    const char* name;
    const char* why;
  };
  for (auto [name, why] :
       {Case{"add_users.sql", "not all digits"}, Case{"0001.sql", "needs a description"},
        Case{"0001_.sql", "description"}, Case{"0001_a b.sql", "description"},
        Case{"2026-13-24T10-15-30.123Z.sql", "timestamped"}, Case{"2026-11-24T10:15:30.123Z.sql", "timestamped"},
        Case{"2026-11-24T10-15-30.Z.sql", "timestamped"}, Case{"x.SQL", "not a .sql"},
        Case{"users.sql", "does not start with a version"}}) {
    auto n = parse_migration_name(name);
    ASSERT_FALSE(n) << name;
    EXPECT_EQ(n.error().kind, ErrorKind::migration_files) << name;
    EXPECT_NE(n.error().message.find(name), std::string::npos) << n.error().message;
    EXPECT_NE(n.error().message.find(why), std::string::npos) << name << ": " << n.error().message;
    EXPECT_FALSE(n.error().hint.empty());
  }
}

TEST(MigrationName, NewFileNameFollowsBetterAuthPattern) {
  EXPECT_EQ(migrations::new_migration_file_name("2026-11-24T10:15:30.123Z", "add_orders"),
            "2026-11-24T10-15-30.123Z_add_orders.sql");
  EXPECT_EQ(migrations::new_migration_file_name("2026-11-24T10:15:30.123Z", ""), "2026-11-24T10-15-30.123Z.sql");
  auto parsed = parse_migration_name(migrations::new_migration_file_name("2026-11-24T10:15:30.123Z", "x"));
  EXPECT_TRUE(parsed);
}

TEST(MigrationName, VersionsOrderLexically) {
  auto a = *parse_migration_name("0001_a.sql");
  auto b = *parse_migration_name("0002_b.sql");
  auto c = *parse_migration_name("2026-01-01T00-00-00.000Z.sql");
  EXPECT_TRUE(migrations::version_less(a, b));
  EXPECT_TRUE(migrations::version_less(b, c));
}
