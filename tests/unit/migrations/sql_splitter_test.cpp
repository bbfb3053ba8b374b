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
  auto t = texts(
      "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\n"
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

namespace {
using migrations::StatementKind;
}  // namespace

TEST(SqlSplitter, MysqlDelimiterLinesChangeTheDelimiterAndAreNotSent) {
  auto s = split_sql(
      "CREATE TABLE t (a int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\n"
      "delimiter ;\nINSERT INTO t VALUES (1);\n",
      Dialect::mysql);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].text, "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
  EXPECT_EQ(s[1].line, 3);
  EXPECT_EQ(s[2].text, "INSERT INTO t VALUES (1)");
  EXPECT_EQ(s[2].line, 5);
}

TEST(SqlSplitter, MysqlDumpDoubleSemicolonDelimiterWithExecutableComments) {
  auto t = texts(
      "/*!40101 SET NAMES utf8mb4 */;\nDELIMITER ;;\n/*!50003 CREATE*/ /*!50003 TRIGGER tr BEFORE INSERT "
      "ON t FOR EACH ROW BEGIN SET NEW.a = 1; END */;;\nDELIMITER ;\n",
      Dialect::mysql);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "/*!40101 SET NAMES utf8mb4 */");
  EXPECT_EQ(t[1].substr(0, 17), "/*!50003 CREATE*/");
}

TEST(SqlSplitter, MysqlCompoundBodiesWithoutDelimiter) {
  auto t = texts(
      "CREATE TABLE t (a int);\n"
      "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN\n"
      "  IF NEW.a < 0 THEN SET NEW.a = 0; END IF;\n"
      "  CASE WHEN NEW.a > 9 THEN SET NEW.a = 9; ELSE BEGIN END; END CASE;\n"
      "  WHILE 0 DO SET @x = 1; END WHILE;\n"
      "END;\n"
      "CREATE DEFINER=`root`@`%` PROCEDURE p() lbl: BEGIN LOOP LEAVE lbl; END LOOP; END;\n"
      "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END;\n"
      "SELECT 3;",
      Dialect::mysql);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].substr(t[1].size() - 3), "END");
  EXPECT_EQ(t[2].substr(0, 16), "CREATE DEFINER=`");
  EXPECT_EQ(t[3], "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END");
  EXPECT_EQ(t[4], "SELECT 3");
}

TEST(SqlSplitter, SqliteTriggersAndBracketIdentifiers) {
  auto t = texts(
      "CREATE TABLE [a;b] (x);\nCREATE TRIGGER tr AFTER INSERT ON [a;b] BEGIN UPDATE [a;b] SET x = CASE "
      "WHEN x > 1 THEN 1 ELSE 0 END; DELETE FROM [a;b] WHERE 0; END;\nSELECT 1;",
      Dialect::sqlite);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].substr(t[1].size() - 12), "WHERE 0; END");
}

TEST(SqlSplitter, PostgresBeginAtomicBodies) {
  auto t = texts(
      "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; "
      "SELECT 2; END;\nSELECT 3;",
      Dialect::postgres);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1], "SELECT 3");
}

TEST(SqlSplitter, ClassifiesTransactionControl) {
  auto s = split_sql(
      "BEGIN TRANSACTION; SAVEPOINT a; ROLLBACK TO a; ROLLBACK TRANSACTION TO SAVEPOINT a; "
      "START TRANSACTION; COMMIT; END; ROLLBACK; ABORT; SELECT 1",
      Dialect::postgres);
  std::vector<StatementKind> kinds;
  for (const auto& x : s) kinds.push_back(x.kind);
  using K = StatementKind;
  EXPECT_EQ(kinds,
            (std::vector<K>{K::begin_transaction, K::sql, K::sql, K::sql, K::begin_transaction, K::end_transaction,
                            K::end_transaction, K::end_transaction, K::end_transaction, K::sql}));
}

TEST(SqlSplitter, PostgresCopyFromStdinCarriesItsRows) {
  auto s = split_sql("COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\nSELECT 1;\n", Dialect::postgres);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].kind, StatementKind::copy_from_stdin);
  EXPECT_EQ(s[0].copy_data, "1\tx;y\n2\t\\N\n");
  EXPECT_EQ(s[1].text, "SELECT 1");
  EXPECT_EQ(s[1].line, 5);
}

TEST(SqlSplitter, CopyWithoutTerminatorRunsToTheEnd) {
  auto s = split_sql("COPY t FROM STDIN;\n1\n2\n", Dialect::postgres);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].copy_data, "1\n2\n");
}

TEST(SqlSplitter, PsqlMetaCommandsAreClientCommandsWithTheirLine) {
  auto s = split_sql("\\restrict abc\nSELECT 1;\n\\connect other\n", Dialect::postgres);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].kind, StatementKind::client_command);
  EXPECT_EQ(s[0].text, "\\restrict abc");
  EXPECT_EQ(s[2].kind, StatementKind::client_command);
  EXPECT_EQ(s[2].line, 3);
}

TEST(SqlSplitter, LinesAreRightDeepIntoALargeScript) {
  std::string sql;
  for (int i = 0; i < 2000; ++i) sql += "INSERT INTO t VALUES (1);\n-- c\n";
  auto s = split_sql(sql, Dialect::sqlite);
  ASSERT_EQ(s.size(), 2000u);
  EXPECT_EQ(s[1999].line, 3999);
}

TEST(SqlSplitter, CopyWithManyColumnsIsStillACopy) {
  auto s = split_sql("COPY public.t (a, b, c, d, e, f, g, h, i, j) FROM stdin;\n1\t2\n\\.\n", Dialect::postgres);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].kind, StatementKind::copy_from_stdin);
}

TEST(SqlSplitter, SetAndSetConfigChangeTheSession) {
  auto s = split_sql("SELECT pg_catalog.SET_CONFIG('search_path', '', false); SELECT 'set_config'; RESET ALL;",
                     Dialect::postgres);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].changes_session);
  EXPECT_FALSE(s[1].changes_session);
  EXPECT_TRUE(s[2].changes_session);
}

TEST(SqlSplitter, ATableNamedEventOpensNoBody) {
  // BEGIN is not reserved in MySQL: as a column name it must not open a block.
  auto t = texts(
      "CREATE TABLE event (id int, begin date);\nINSERT INTO event VALUES (1, 'end');\n"
      "CREATE TABLE `trigger` (a int, b int, c int, d int);\nCREATE INDEX i ON event (kind);",
      Dialect::mysql);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "CREATE TABLE event (id int, begin date)");
}
