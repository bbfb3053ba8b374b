#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include <authmigrate/base/files.hpp>

namespace authmigrate::base {
namespace {

namespace fs = std::filesystem;

class WriteFileAtomic : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("am-files-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(WriteFileAtomic, ReplacesARegularFileWithTheGivenMode) {
  auto file = m_dir / "out.sql";
  std::ofstream(file) << "old";
  ASSERT_TRUE(write_file_atomic(file, "new", 0600));
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "new");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

// `--output /dev/null` once replaced the device with a regular file (as root): a FIFO stands in for it.
TEST_F(WriteFileAtomic, WritesIntoASpecialFileInPlace) {
  auto fifo = m_dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(fifo);
    std::stringstream text;
    text << in.rdbuf();
    received = text.str();
  });
  auto written = write_file_atomic(fifo, "through the pipe", 0600);
  reader.join();
  ASSERT_TRUE(written) << written.error().describe();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo)) << "the FIFO was replaced by a regular file";
}

TEST_F(WriteFileAtomic, RefusesADirectory) {
  auto written = write_file_atomic(m_dir, "x", 0600);
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find(m_dir.string()), std::string::npos) << written.error().message;
}

}  // namespace
}  // namespace authmigrate::base
