#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include <cli/exit_codes.hpp>

using namespace authmigrate;

namespace {

// Every code the binary can exit with: one per error kind, and the commands' own outcomes.
std::set<int> codes_in_use() {
  std::set<int> codes{cli::k_exit_ok, cli::k_exit_pending, cli::k_exit_refused, cli::k_exit_drift};
  // ErrorKind::internal is the last kind (error.hpp); exit_code_for's switch names every kind.
  for (int kind = 0; kind <= static_cast<int>(ErrorKind::internal); ++kind) {
    codes.insert(cli::exit_code_for(static_cast<ErrorKind>(kind)));
  }
  return codes;
}

}  // namespace

TEST(ExitCodes, TheTableListsEveryCodeInUseAndNoOther) {
  std::set<int> listed;
  for (const auto& entry : cli::k_exit_codes) {
    EXPECT_TRUE(listed.insert(entry.code).second) << "listed twice: " << entry.code;
    EXPECT_FALSE(entry.meaning.empty()) << entry.code;
  }
  EXPECT_EQ(listed, codes_in_use());
  EXPECT_EQ(listed, (std::set<int>{0, 1, 2, 3, 4, 5, 6, 7, 70, 130}));
}

TEST(ExitCodes, TheHelpFooterListsEachCodeWithItsMeaning) {
  const std::string help = cli::exit_codes_help();
  for (int code : codes_in_use()) {
    auto entry =
        std::find_if(cli::k_exit_codes.begin(), cli::k_exit_codes.end(), [&](const auto& e) { return e.code == code; });
    ASSERT_NE(entry, cli::k_exit_codes.end()) << code;
    EXPECT_NE(help.find(std::to_string(code) + " " + std::string(entry->meaning)), std::string::npos)
        << code << " is missing from: " << help;
  }
  EXPECT_TRUE(help.starts_with("Exit codes: 0 ok, 1 ")) << help;
  EXPECT_TRUE(help.ends_with(", 130 interrupted.")) << help;
}
