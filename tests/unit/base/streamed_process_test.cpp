#include <gtest/gtest.h>

#include <chrono>

#include <authmigrate/base/process.hpp>
#include <authmigrate/base/streamed_process.hpp>
#include <authmigrate/base/utc_time.hpp>

using namespace authmigrate;

TEST(RunStreamed, MergesStdoutAndStderrAndReplacesAVariable) {
  std::string seen;
  auto ran = base::run_streamed(
      {"sh", "-c", "echo out $AM_STREAMED_TEST; echo err >&2; exit 3"}, {{"AM_STREAMED_TEST", "replaced"}},
      [&](std::string_view text) { seen += text; }, [] { return false; });
  ASSERT_TRUE(ran) << ran.error().message;
  EXPECT_EQ(ran->exit_code, 3);
  EXPECT_EQ(seen, "out replaced\nerr\n");
}

TEST(RunStreamed, AMissingProgramIsENOENT) {
  auto ran = base::run_streamed(
      {"am-no-such-program-4f2a"}, {}, [](std::string_view) {}, [] { return false; });
  ASSERT_FALSE(ran);
  EXPECT_EQ(ran.error().server_code, "ENOENT");
}

TEST(RunStreamed, StopEndsTheProgram) {
  auto start = std::chrono::steady_clock::now();
  auto ran = base::run_streamed(
      {"sleep", "30"}, {}, [](std::string_view) {}, [] { return true; });
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->signal, 15);  // SIGTERM
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(OwnExecutable, IsThisTestProgram) {
  auto exe = base::own_executable();
  ASSERT_TRUE(exe);
  EXPECT_EQ(exe->filename(), "am_unit_tests");
}

TEST(UtcCalendar, ReadsTheEpochAsUtc) {
  std::tm utc = base::utc_calendar(86400 * 365 + 3661);  // 1971-01-01T01:01:01Z
  EXPECT_EQ(utc.tm_year, 71);
  EXPECT_EQ(utc.tm_yday, 0);
  EXPECT_EQ(utc.tm_hour, 1);
  EXPECT_EQ(utc.tm_min, 1);
  EXPECT_EQ(utc.tm_sec, 1);
}
