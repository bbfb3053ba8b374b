#include <gtest/gtest.h>

#include <authmigrate/platform/procfile.hpp>

namespace authmigrate::platform {
namespace {

ReleaseSetup setup_with_start(std::string start = "npm run start") {
  ReleaseSetup setup;
  if (!start.empty()) setup.start = describe_start(start, "test");
  return setup;
}

FileChange merge(const std::optional<std::string>& existing, const ReleaseSetup& setup = setup_with_start()) {
  auto change = merge_procfile(existing, "Procfile", setup);
  EXPECT_TRUE(change) << change.error().describe();
  return change ? *change : FileChange{};
}

TEST(Procfile, ReleaseIsAddedBelowTheUsersLines) {
  auto change = merge(std::string("# processes\nweb: node dist/server.js\nworker: node worker.js\n"));
  EXPECT_EQ(change.status, FileStatus::updated);
  EXPECT_EQ(change.after,
            "# processes\nweb: node dist/server.js\nworker: node worker.js\nrelease: npx --no -- authmigrate deploy\n");
  EXPECT_TRUE(change.notices.empty());
}

TEST(Procfile, ALastLineWithoutNewlineIsEndedFirst) {
  auto change = merge(std::string("web: npm start"));
  EXPECT_EQ(change.after, "web: npm start\nrelease: npx --no -- authmigrate deploy\n");
}

TEST(Procfile, ANewProcfileAlsoNamesTheWebProcess) {
  auto change = merge(std::nullopt);
  EXPECT_EQ(change.status, FileStatus::created);
  EXPECT_EQ(change.after, "web: npm run start\nrelease: npx --no -- authmigrate deploy\n");
}

TEST(Procfile, NoProcfileIsCreatedWithoutAStartCommand) {
  auto change = merge(std::nullopt, setup_with_start(""));
  EXPECT_EQ(change.status, FileStatus::skipped);
  EXPECT_FALSE(change.writes());
}

TEST(Procfile, SecondRunChangesNothing) {
  auto first = merge(std::string("web: npm start\n"));
  auto second = merge(first.after);
  EXPECT_EQ(second.status, FileStatus::unchanged);
  EXPECT_EQ(second.after, first.after);
}

TEST(Procfile, AnotherReleaseCommandIsAConflictAndForceReplacesOnlyThatLine) {
  const std::string mine = "web: npm start\r\nrelease: npm run db:migrate\r\nworker: node w.js\r\n";
  auto change = merge(mine);
  EXPECT_EQ(change.status, FileStatus::unchanged);
  ASSERT_EQ(change.notices.size(), 1u);
  EXPECT_TRUE(change.notices[0].conflict);
  auto setup = setup_with_start();
  setup.force = true;
  auto forced = merge(mine, setup);
  EXPECT_EQ(forced.after, "web: npm start\r\nrelease: npx --no -- authmigrate deploy\r\nworker: node w.js\r\n");
}

TEST(Procfile, WithoutAWebLineRailpackMayPickReleaseSoItIsSaid) {
  auto change = merge(std::string("clock: node clock.js\n"));
  ASSERT_EQ(change.notices.size(), 1u);
  EXPECT_EQ(change.notices[0].level, NoticeLevel::warning);
}

TEST(Procfile, AMalformedLineIsAnErrorNamingTheLine) {
  auto change =
      merge_procfile(std::string("web: npm start\n\nthis is not a process\n"), "Procfile", setup_with_start());
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().kind, ErrorKind::config);
  EXPECT_EQ(change.error().message, "Procfile:3: expected `type: command`, found `this is not a process`");
}

TEST(Procfile, TheStartHookLeavesItAlone) {
  auto setup = setup_with_start();
  setup.hook = ReleaseHook::start;
  auto change = merge(std::string("web: npm start\n"), setup);
  EXPECT_EQ(change.status, FileStatus::skipped);
  EXPECT_EQ(change.after, "web: npm start\n");
}

}  // namespace
}  // namespace authmigrate::platform
