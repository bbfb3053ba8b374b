// The statements of repairs per database (dialect/alter_sql, sqlite_default_clause), case by case.
#include <gtest/gtest.h>

#include <authmigrate/dialect/alter_sql.hpp>
#include <authmigrate/dialect/sqlite_rebuild.hpp>

namespace authmigrate::dialect {
namespace {

using config::Dialect;

TEST(AlterSql, InPlaceStatementsPerDatabase) {
  auto pg = make_dialect(Dialect::postgres), my = make_dialect(Dialect::mysql), lite = make_dialect(Dialect::sqlite);
  EXPECT_EQ(drop_index_sql(*pg, "auth", "account", "account_issuer_uidx"),
            R"(drop index if exists "auth"."account_issuer_uidx")");
  EXPECT_EQ(drop_index_sql(*my, "", "account", "account_issuer_uidx"),
            "alter table `account` drop index `account_issuer_uidx`");
  EXPECT_EQ(drop_index_sql(*lite, "", "account", "i"), R"(drop index if exists "i")");
  EXPECT_EQ(drop_column_sql(*pg, "", "account", "issuer"), R"(alter table "account" drop column "issuer")");
  EXPECT_EQ(set_default_sql(*my, "", "user", "tier", "'free'"),
            "alter table `user` alter column `tier` set default 'free'");
  EXPECT_EQ(rename_column_sql(*pg, "auth", "apikey", "userId", "referenceId"),
            R"(alter table "auth"."apikey" rename column "userId" to "referenceId")");
}

TEST(AlterSql, RenameIndexPerDatabase) {
  auto pg = make_dialect(Dialect::postgres), my = make_dialect(Dialect::mysql), lite = make_dialect(Dialect::sqlite);
  using List = std::vector<std::string>;
  EXPECT_EQ(rename_index_sql(*pg, "", "apikey", "a_idx", "b_idx", {"referenceId"}, false),
            (List{R"(alter index "a_idx" rename to "b_idx")"}));
  EXPECT_EQ(rename_index_sql(*my, "", "apikey", "a_idx", "b_idx", {"referenceId"}, false),
            (List{"alter table `apikey` rename index `a_idx` to `b_idx`"}));
  auto sqlite = rename_index_sql(*lite, "", "apikey", "a_idx", "b_idx", {"referenceId"}, true);
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[0], R"(drop index "a_idx")");
  EXPECT_NE(sqlite[1].find(R"("b_idx")"), std::string::npos) << sqlite[1];
  EXPECT_NE(sqlite[1].find(R"("referenceId")"), std::string::npos) << sqlite[1];
  EXPECT_NE(sqlite[1].find("unique"), std::string::npos) << sqlite[1];
}

// What information_schema says of a default, and how MODIFY must restate it.
TEST(AlterSql, MysqlDefaultClauseFromTheCatalog) {
  auto my = make_dialect(Dialect::mysql);
  struct Case {
    std::optional<std::string> column_default;
    const char* extra;
    bool mariadb;
    const char* clause;
  };
  const Case cases[] = {
      {std::nullopt, "", true, ""},
      {"NULL", "", true, ""},                 // MariaDB: no default
      {"'abc'", "", true, " default 'abc'"},  // MariaDB quotes a literal
      {"0", "", true, " default 0"},
      {"current_timestamp(3)", "", true, " default current_timestamp(3)"},
      {std::nullopt, "", false, ""},         // MySQL 8: SQL NULL is no default
      {"abc", "", false, " default 'abc'"},  // MySQL 8 writes a literal bare
      {"it's", "", false, " default 'it''s'"},
      {"CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED", false, " default (CURRENT_TIMESTAMP(3))"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(mysql_default_clause(*my, c.column_default, c.extra, c.mariadb), c.clause)
        << c.column_default.value_or("(null)");
}

TEST(AlterSql, SqliteDefaultsBareOrInParentheses) {
  struct Case {
    const char* sql;
    const char* clause;
  };
  const Case cases[] = {
      {"0", "0"},
      {"-1.5", "-1.5"},
      {"'x'", "'x'"},
      {"'it''s'", "'it''s'"},
      {"x'00ff'", "x'00ff'"},
      {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
      {"null", "null"},
      {"'a' || 'b'", "('a' || 'b')"},  // an expression
      {"'it's'", "('it's')"},          // not one literal
      {"datetime('now')", "(datetime('now'))"},
  };
  for (const auto& c : cases) EXPECT_EQ(sqlite_default_clause(c.sql), c.clause) << c.sql;
}

}  // namespace
}  // namespace authmigrate::dialect
