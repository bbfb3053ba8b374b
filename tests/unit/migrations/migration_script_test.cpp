#include <gtest/gtest.h>

#include <authmigrate/migrations/migration_script.hpp>

using namespace authmigrate;
using config::Dialect;

namespace {

migrations::MigrationFile file_with(std::string content, bool in_transaction = true) {
  migrations::MigrationFile f;
  f.path = "migrations/0001_x.sql";
  f.name.file_name = "0001_x.sql";
  f.content = std::move(content);
  f.in_transaction = in_transaction;
  return f;
}

}  // namespace

TEST(MigrationScript, SqliteDumpTransactionIsReplacedByTheRunners) {
  auto f = file_with("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(a);\nCOMMIT;\n");
  auto s = migrations::read_script(f, Dialect::sqlite);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_TRUE(s->own_transaction_removed);
  ASSERT_EQ(s->statements.size(), 2u);
  EXPECT_EQ(s->statements[1].text, "CREATE TABLE t(a)");
}

TEST(MigrationScript, CommitInTheMiddleIsRefusedWithItsLine) {
  auto f = file_with("CREATE TABLE a(x int);\nCOMMIT;\nCREATE TABLE b(x int);\n");
  auto s = migrations::read_script(f, Dialect::postgres);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::migration_files);
  EXPECT_NE(s.error().message.find("line 2: `COMMIT` controls the transaction"), std::string::npos);
  EXPECT_NE(s.error().hint.find("authmigrate:no-transaction"), std::string::npos);
}

TEST(MigrationScript, WrappedInRollbackIsRefused) {
  auto s = migrations::read_script(file_with("BEGIN;\nCREATE TABLE a(x int);\nROLLBACK;\n"), Dialect::postgres);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("line 1: `BEGIN`"), std::string::npos);
  EXPECT_NE(s.error().message.find("line 3: `ROLLBACK`"), std::string::npos);
}

TEST(MigrationScript, NoTransactionFilesKeepTheirOwnTransactionControl) {
  auto s =
      migrations::read_script(file_with("BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nCOMMIT;\n", false), Dialect::postgres);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_FALSE(s->own_transaction_removed);
  EXPECT_EQ(s->statements.size(), 5u);
}

TEST(MigrationScript, MysqlRunsTransactionControlAsWritten) {
  auto s =
      migrations::read_script(file_with("START TRANSACTION;\nINSERT INTO t VALUES (1);\nCOMMIT;\n"), Dialect::mysql);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(s->statements.size(), 3u);
}

TEST(MigrationScript, PsqlMetaCommandsAreRefusedWithoutTheirArguments) {
  auto s = migrations::read_script(file_with("SELECT 1;\n\\connect \"dbname=x password=hunter2\"\n\\set x 1\n"),
                                   Dialect::postgres);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("line 2: `\\connect` is a psql command"), std::string::npos);
  EXPECT_NE(s.error().message.find("line 3: `\\set` is a psql command"), std::string::npos);
  EXPECT_EQ(s.error().message.find("hunter2"), std::string::npos);
}

TEST(MigrationScript, PgDumpRestrictLinesAreAccepted) {
  auto s =
      migrations::read_script(file_with("\\restrict Abc123\nSELECT pg_catalog.set_config('search_path', '', false);\n"
                                        "CREATE TABLE public.t (a int);\n\\unrestrict Abc123\n"),
                              Dialect::postgres);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(s->statements.size(), 2u);
  EXPECT_TRUE(s->changes_session);
}

TEST(MigrationScript, UseAndCreateDatabaseAreRefused) {
  auto s = migrations::read_script(file_with("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop`;\nUSE `shop`;\n"),
                                   Dialect::mysql);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("line 1: CREATE DATABASE"), std::string::npos);
  EXPECT_NE(s.error().message.find("line 2: USE switches"), std::string::npos);
  auto pg = migrations::read_script(file_with("CREATE DATABASE other;"), Dialect::postgres);
  ASSERT_FALSE(pg);
}

TEST(MigrationScript, SqliteDotCommandsAreRefused) {
  auto s = migrations::read_script(file_with(".read other.sql\nSELECT 1;\n"), Dialect::sqlite);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("`.read` is a sqlite3 command"), std::string::npos);
}

TEST(MigrationScript, PlainFilesDoNotChangeTheSession) {
  auto s =
      migrations::read_script(file_with("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n"), Dialect::postgres);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->changes_session);
  auto set = migrations::read_script(file_with("SET search_path = app;\n"), Dialect::postgres);
  EXPECT_TRUE(set->changes_session);
}

TEST(MigrationScript, BinaryFilesAreRefusedBeforeTheirNoiseIsRead) {
  auto s = migrations::read_script(file_with(std::string("SELECT 1;\n\\]\x9f\0\x01;", 14)), Dialect::postgres);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::migration_files);
  EXPECT_NE(s.error().message.find("is not SQL text: line 2 holds a NUL byte"), std::string::npos);
  auto archive = migrations::read_script(file_with(std::string("PGDMP\x01\x0e\0", 8)), Dialect::postgres);
  ASSERT_FALSE(archive);
  EXPECT_NE(archive.error().hint.find("pg_restore"), std::string::npos);
}

TEST(MigrationScript, ClientCommandNamesArePrintedOnlyAsFarAsTheyAreNames) {
  auto s = migrations::read_script(file_with("\\]\x9f\x1b[2Jx\n"), Dialect::postgres);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("line 1: `\\` is a psql command"), std::string::npos);
  EXPECT_EQ(s.error().message.find('\x1b'), std::string::npos);
}
