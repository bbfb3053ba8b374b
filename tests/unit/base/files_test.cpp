#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include <authmigrate/base/files.hpp>

namespace fs = std::filesystem;
using namespace authmigrate;

namespace {
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("am-files-test-" + std::to_string(::getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};
unsigned mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777;
}
}  // namespace

TEST(PathUtf8, RoundTripsNonAsciiLetters) {
  std::string text = "my app d\xc3\xa9j\xc3\xa0 \xe6\x97\xa5\xe6\x9c\xac/app.db";
  auto path = base::path_from_utf8(text);
  EXPECT_EQ(base::path_utf8(path.filename()), "app.db");
  EXPECT_EQ(base::path_utf8(path.parent_path().filename()), "my app d\xc3\xa9j\xc3\xa0 \xe6\x97\xa5\xe6\x9c\xac");
  EXPECT_EQ(base::path_utf8(path), text);
}

TEST(WriteFileAtomic, ExclusiveRefusesAnExistingFileAndKeepsIt) {
  TempDir dir;
  auto file = dir.path / "a.sql";
  ASSERT_TRUE(base::write_file_atomic(file, "first", 0644, true));
  auto again = base::write_file_atomic(file, "second", 0644, true);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("refusing to overwrite"), std::string::npos) << again.error().message;
  EXPECT_EQ(*base::read_file(file), "first");
  EXPECT_EQ(mode_of(file), 0644u);
}

TEST(WriteFileAtomic, ReplacesAndLeavesNoTemporaryFile) {
  TempDir dir;
  auto file = dir.path / "b.json";
  ASSERT_TRUE(base::write_file_atomic(file, "one"));
  ASSERT_TRUE(base::write_file_atomic(file, "two"));
  EXPECT_EQ(*base::read_file(file), "two");
  EXPECT_EQ(mode_of(file), 0600u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()), 1);
}

TEST(CreatePrivateFile, IsOwnerOnlyAndAppendKeepsTheContent) {
  TempDir dir;
  auto file = dir.path / "log.txt";
  ASSERT_TRUE(base::create_private_file(file));
  EXPECT_EQ(mode_of(file), 0600u);
  ASSERT_TRUE(base::write_file_atomic(file, "kept"));
  ASSERT_TRUE(base::create_private_file(file, true));
  EXPECT_EQ(*base::read_file(file), "kept");
  ASSERT_TRUE(base::create_private_file(file));
  EXPECT_EQ(*base::read_file(file), "");
}

TEST(ReplaceFile, MovesOverAnExistingFile) {
  TempDir dir;
  ASSERT_TRUE(base::write_file_atomic(dir.path / "new", "new"));
  ASSERT_TRUE(base::write_file_atomic(dir.path / "old", "old"));
  ASSERT_TRUE(base::replace_file(dir.path / "new", dir.path / "old"));
  EXPECT_EQ(*base::read_file(dir.path / "old"), "new");
  EXPECT_FALSE(fs::exists(dir.path / "new"));
  auto missing = base::replace_file(dir.path / "nothing", dir.path / "old");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("cannot rename"), std::string::npos);
}

// `--output /dev/null` run as root once replaced the device with a regular file: a FIFO stands in for it.
TEST(WriteFileAtomic, WritesIntoASpecialFileInPlace) {
  TempDir dir;
  auto fifo = dir.path / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(fifo);
    std::stringstream text;
    text << in.rdbuf();
    received = text.str();
  });
  auto written = base::write_file_atomic(fifo, "through the pipe", 0600);
  reader.join();
  ASSERT_TRUE(written) << written.error().describe();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo)) << "the FIFO was replaced by a regular file";
}

TEST(WriteFileAtomic, RefusesADirectory) {
  TempDir dir;
  auto written = base::write_file_atomic(dir.path, "x", 0600);
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find(dir.path.string()), std::string::npos) << written.error().message;
}
