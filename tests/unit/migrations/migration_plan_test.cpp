#include <gtest/gtest.h>

#include <authmigrate/migrations/migration_plan.hpp>

using namespace authmigrate;
using namespace authmigrate::migrations;

namespace {
MigrationFile file(const std::string& name, const std::string& checksum) {
  MigrationFile f;
  f.name = *parse_migration_name(name);
  f.checksum = checksum;
  return f;
}
HistoryRow row(const std::string& version, const std::string& name, const std::string& checksum,
               HistoryState state = HistoryState::applied) {
  return HistoryRow{version, name, checksum, state, "2026-01-01", 1, "test"};
}
}  // namespace

TEST(MigrationPlan, ClassifiesEveryFileAndRow) {
  std::vector<MigrationFile> files = {file("0001_a.sql", "aa"), file("0002_b.sql", "XX"), file("0004_d.sql", "dd")};
  std::vector<HistoryRow> history = {row("0001", "0001_a.sql", "aa"), row("0002", "0002_b.sql", "bb"),
                                     row("0003", "0003_c.sql", "cc")};
  auto plan = make_plan(files, history);
  ASSERT_EQ(plan.entries.size(), 4u);
  EXPECT_EQ(plan.entries[0].status, MigrationStatus::applied);
  EXPECT_EQ(plan.entries[1].status, MigrationStatus::edited);
  EXPECT_EQ(plan.entries[2].status, MigrationStatus::missing);
  EXPECT_EQ(plan.entries[3].status, MigrationStatus::pending);
}

TEST(MigrationPlan, EditedFileStopsTheRunWithChecksumMismatch) {
  auto plan = make_plan({file("0001_a.sql", "new")}, {row("0001", "0001_a.sql", "old")});
  auto checked = plan.check({});
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().kind, ErrorKind::checksum_mismatch);
  EXPECT_NE(checked.error().message.find("0001_a.sql"), std::string::npos);
}

TEST(MigrationPlan, MissingFileStopsTheRunUnlessAllowed) {
  auto plan = make_plan({}, {row("0001", "0001_a.sql", "aa")});
  EXPECT_EQ(plan.check({}).error().kind, ErrorKind::missing_migration);
  EXPECT_TRUE(plan.check({false, true}));
}

TEST(MigrationPlan, InterruptedMigrationNeedsResolving) {
  auto plan = make_plan({file("0001_a.sql", "aa")}, {row("0001", "0001_a.sql", "aa", HistoryState::started)});
  auto checked = plan.check({});
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().kind, ErrorKind::needs_resolve);
  EXPECT_NE(checked.error().hint.find("authmigrate resolve 0001"), std::string::npos);
}

TEST(MigrationPlan, OlderPendingFileIsOutOfOrderUnlessAllowed) {
  auto plan = make_plan({file("0001_a.sql", "aa"), file("0002_b.sql", "bb")}, {row("0002", "0002_b.sql", "bb")});
  auto checked = plan.check({});
  ASSERT_FALSE(checked);
  EXPECT_NE(checked.error().message.find("out of order"), std::string::npos);
  EXPECT_TRUE(plan.check({true, false}));
}
