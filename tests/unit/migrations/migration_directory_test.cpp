#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <authmigrate/base/sha256.hpp>
#include <authmigrate/migrations/migration_file.hpp>

using namespace authmigrate;
namespace fs = std::filesystem;

namespace {
class MigrationDirectory : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("am-dir-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  void write(const std::string& name, const std::string& content) { std::ofstream(m_dir / name) << content; }
  fs::path m_dir;
};
}  // namespace

TEST_F(MigrationDirectory, ReadsSqlFilesInVersionOrderAndIgnoresOthers) {
  write("0002_b.sql", "SELECT 2;");
  write("0001_a.sql", "SELECT 1;");
  write("README.md", "notes");
  fs::create_directories(m_dir / "sub.sql");
  auto files = migrations::read_migration_directory(m_dir, true);
  ASSERT_TRUE(files) << files.error().message;
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].name.file_name, "0001_a.sql");
  EXPECT_EQ((*files)[0].checksum, base::sha256_hex("SELECT 1;"));
  EXPECT_TRUE((*files)[0].in_transaction);
}

TEST_F(MigrationDirectory, ReportsEveryProblemAtOnce) {
  write("0001_a.sql", "");
  write("0001_b.sql", "");
  write("bad.sql", "");
  write("also bad.sql", "");
  auto files = migrations::read_migration_directory(m_dir, true);
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().kind, ErrorKind::migration_files);
  const auto& m = files.error().message;
  EXPECT_NE(m.find("3 problems"), std::string::npos) << m;
  EXPECT_NE(m.find("bad.sql"), std::string::npos);
  EXPECT_NE(m.find("also bad.sql"), std::string::npos);
  EXPECT_NE(m.find("0001_a.sql and 0001_b.sql have the same version 0001"), std::string::npos) << m;
}

TEST_F(MigrationDirectory, NoTransactionDirectiveOnTheFirstLine) {
  write("0001_a.sql", "-- authmigrate:no-transaction\r\nCREATE INDEX CONCURRENTLY x ON t (c);");
  write("0002_b.sql", "SELECT 1;\n-- authmigrate:no-transaction\n");
  auto files = migrations::read_migration_directory(m_dir, true);
  ASSERT_TRUE(files);
  EXPECT_FALSE((*files)[0].in_transaction);
  EXPECT_TRUE((*files)[1].in_transaction);
}

TEST_F(MigrationDirectory, MissingFolderIsAnErrorOnlyWhenRequired) {
  auto optional = migrations::read_migration_directory(m_dir / "absent", false);
  ASSERT_TRUE(optional);
  EXPECT_TRUE(optional->empty());
  auto required = migrations::read_migration_directory(m_dir / "absent", true);
  ASSERT_FALSE(required);
  EXPECT_NE(required.error().message.find("does not exist"), std::string::npos);
}

TEST_F(MigrationDirectory, LinksPointingOutsideTheFolderAreRefused) {
  auto outside = m_dir.parent_path() / ("am-outside-" + std::to_string(::getpid()) + ".sql");
  std::ofstream(outside) << "SELECT 1;";
  fs::create_symlink(outside, m_dir / "0001_link.sql");
  write("0002_real.sql", "SELECT 2;");
  fs::create_symlink(m_dir / "0002_real.sql", m_dir / "0003_inside.sql");
  auto files = migrations::read_migration_directory(m_dir, true);
  fs::remove(outside);
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().message.find("0001_link.sql: is a link that points outside"), std::string::npos)
      << files.error().message;
  EXPECT_EQ(files.error().message.find("0003_inside.sql"), std::string::npos);
}
