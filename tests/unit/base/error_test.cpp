#include <gtest/gtest.h>

#include <authmigrate/base/error.hpp>

using namespace authmigrate;

TEST(Error, DescribeJoinsContextMessageAndCode) {
  Error e(ErrorKind::migration_failed, "relation \"x\" does not exist");
  e.server_code = "42P01";
  e.within("statement 2").within("applying 0001_a.sql");
  EXPECT_EQ(e.describe(), "applying 0001_a.sql: statement 2: relation \"x\" does not exist [42P01]");
}

TEST(Error, AnEmptyMessageIsNeverPrintedEmpty) {
  Error e(ErrorKind::migration_failed, "");
  e.within("0001_a.sql:2 (statement 2 of 3)");
  EXPECT_EQ(e.describe(), "0001_a.sql:2 (statement 2 of 3): failed without a message (migration_failed)");
}
