#include <gtest/gtest.h>

#include <authmigrate/migrations/sql_splitter.hpp>

using namespace authmigrate;
using config::Dialect;
using migrations::split_sql;

namespace {
std::vector<std::string> texts(std::string_view sql, Dialect d) {
  std::vector<std::string> out;
  for (const auto& s : split_sql(sql, d)) out.emplace_back(s.text);
  return out;
}
}  // namespace

TEST(SqlSplitter, SplitsOnSemicolonsAndKeepsLines) {
  auto s = split_sql("CREATE TABLE a (x int);\n\n-- c\nINSERT INTO a VALUES (1);\n", Dialect::postgres);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "CREATE TABLE a (x int)");
  EXPECT_EQ(s[0].line, 1);
  EXPECT_EQ(s[1].text, "INSERT INTO a VALUES (1)");
  EXPECT_EQ(s[1].line, 4);
}

TEST(SqlSplitter, IgnoresSemicolonsInStringsIdentifiersAndComments) {
  auto t = texts("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;'); /* ; */ -- ;\nSELECT 1", Dialect::postgres);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;')");
  EXPECT_EQ(t[1], "SELECT 1");
}

TEST(SqlSplitter, KeepsDollarQuotedFunctionBodiesWhole) {
  auto t = texts("CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\n"
                 "CREATE FUNCTION g() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
                 Dialect::postgres);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_NE(t[0].find("END; $body$"), std::string::npos);
}

TEST(SqlSplitter, PositionalParametersAreNotDollarQuotes) {
  auto t = texts("PREPARE p AS SELECT $1; SELECT 2;", Dialect::postgres);
  EXPECT_EQ(t.size(), 2u);
}

TEST(SqlSplitter, PostgresBlockCommentsNest) {
  auto t = texts("/* outer /* inner; */ still comment; */ SELECT 1; SELECT 2", Dialect::postgres);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "SELECT 1");
}

TEST(SqlSplitter, MysqlBackslashEscapesBackticksAndHashComments) {
  auto t = texts("INSERT INTO `t;x` VALUES ('a\\';b'); # note; here\nSELECT 2;", Dialect::mysql);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "INSERT INTO `t;x` VALUES ('a\\';b')");
  EXPECT_EQ(t[1], "SELECT 2");
}

TEST(SqlSplitter, PostgresEscapeStringsHonourBackslash) {
  auto t = texts("SELECT E'a\\';b'; SELECT 2", Dialect::postgres);
  ASSERT_EQ(t.size(), 2u);
}

TEST(SqlSplitter, EmptyAndCommentOnlyScriptsHaveNoStatements) {
  EXPECT_TRUE(split_sql("", Dialect::postgres).empty());
  EXPECT_TRUE(split_sql("-- nothing\n/* here */\n;;\n", Dialect::postgres).empty());
}

TEST(SqlSplitter, UnterminatedQuoteDoesNotCrash) {
  auto t = texts("SELECT 'never closed; SELECT 2", Dialect::mysql);
  EXPECT_EQ(t.size(), 1u);
}

TEST(SqlSplitter, LineAtCountsNewlines) {
  EXPECT_EQ(migrations::line_at("a\nb\nc", 0), 1);
  EXPECT_EQ(migrations::line_at("a\nb\nc", 2), 2);
  EXPECT_EQ(migrations::line_at("a\nb\nc", 4), 3);
  EXPECT_EQ(migrations::line_at("a", 99), 1);
}
