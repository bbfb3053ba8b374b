#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <authmigrate/platform/package_json.hpp>

namespace authmigrate::platform {
namespace {

FileChange merge(const std::optional<std::string>& existing, bool force = false) {
  ReleaseSetup setup;
  setup.force = force;
  auto change = merge_package_json(existing, "package.json", setup);
  EXPECT_TRUE(change) << change.error().describe();
  return change ? *change : FileChange{};
}

TEST(PackageJson, MigrateIsAddedAfterTheOtherScriptsInTheirOrder) {
  const std::string mine =
      "{\n"
      "  \"name\": \"app\",\n"
      "  \"version\": \"1.0.0\",\n"
      "  \"scripts\": {\n"
      "    \"dev\": \"next dev\",\n"
      "    \"build\": \"next build\",\n"
      "    \"start\": \"next start\"\n"
      "  },\n"
      "  \"dependencies\": {\n"
      "    \"better-auth\": \"^1.7.0\",\n"
      "    \"next\": \"15.0.0\"\n"
      "  }\n"
      "}\n";
  auto change = merge(mine);
  EXPECT_EQ(change.status, FileStatus::updated);
  EXPECT_EQ(change.changes, std::vector<std::string>{"added scripts.migrate = \"npx --no -- authmigrate deploy\""});
  EXPECT_EQ(change.after,
            "{\n"
            "  \"name\": \"app\",\n"
            "  \"version\": \"1.0.0\",\n"
            "  \"scripts\": {\n"
            "    \"dev\": \"next dev\",\n"
            "    \"build\": \"next build\",\n"
            "    \"start\": \"next start\",\n"
            "    \"migrate\": \"npx --no -- authmigrate deploy\"\n"
            "  },\n"
            "  \"dependencies\": {\n"
            "    \"better-auth\": \"^1.7.0\",\n"
            "    \"next\": \"15.0.0\"\n"
            "  }\n"
            "}\n");
}

TEST(PackageJson, TheFilesOwnIndentAndMissingFinalNewlineAreKept) {
  auto change = merge(std::string("{\n    \"name\": \"app\",\n    \"scripts\": {}\n}"));
  EXPECT_EQ(change.after,
            "{\n    \"name\": \"app\",\n    \"scripts\": {\n        \"migrate\": \"npx --no -- authmigrate deploy\"\n  "
            "  }\n}");
  auto tabs = merge(std::string("{\n\t\"name\": \"app\"\n}\n"));
  EXPECT_EQ(tabs.after,
            "{\n\t\"name\": \"app\",\n\t\"scripts\": {\n\t\t\"migrate\": \"npx --no -- authmigrate deploy\"\n\t}\n}\n");
}

TEST(PackageJson, NonAsciiTextStaysAsItWas) {
  auto change = merge(std::string("{\n  \"description\": \"Anmeldung für alle — ✓\"\n}\n"));
  EXPECT_NE(change.after.find("\"Anmeldung für alle — ✓\""), std::string::npos);
}

TEST(PackageJson, TheSameScriptTwiceChangesNothing) {
  auto first = merge(std::string("{\"scripts\": {\"start\": \"node server.js\"}}\n"));
  auto second = merge(first.after);
  EXPECT_EQ(second.status, FileStatus::unchanged);
  EXPECT_EQ(second.after, first.after);
}

TEST(PackageJson, AMigrateScriptThatRunsAuthmigrateIsLeftAlone) {
  const std::string mine = "{\"scripts\": {\"migrate\": \"authmigrate deploy --backup\"}}";
  auto change = merge(mine);
  EXPECT_EQ(change.status, FileStatus::unchanged);
  EXPECT_TRUE(change.notices.empty());
}

TEST(PackageJson, AConflictingMigrateScriptIsKeptAndReported) {
  const std::string mine = "{\n  \"scripts\": {\n    \"migrate\": \"prisma migrate deploy\"\n  }\n}\n";
  auto change = merge(mine);
  EXPECT_EQ(change.status, FileStatus::unchanged);
  EXPECT_EQ(change.after, mine);
  ASSERT_EQ(change.notices.size(), 1u);
  EXPECT_TRUE(change.notices[0].conflict);
  EXPECT_EQ(change.notices[0].message,
            "package.json: scripts.migrate already runs `prisma migrate deploy`; left as it is (--force replaces it "
            "with `npx --no -- authmigrate deploy`, or call authmigrate from it yourself)");
}

TEST(PackageJson, ForceReplacesTheConflictingScriptOnly) {
  const std::string mine =
      "{\n  \"scripts\": {\n    \"migrate\": \"prisma migrate deploy\",\n    \"x\": \"y\"\n  }\n}\n";
  auto change = merge(mine, true);
  EXPECT_EQ(change.status, FileStatus::updated);
  EXPECT_EQ(change.after,
            "{\n  \"scripts\": {\n    \"migrate\": \"npx --no -- authmigrate deploy\",\n    \"x\": \"y\"\n  }\n}\n");
}

TEST(PackageJson, MalformedJsonIsAnErrorNamingTheLine) {
  const std::string broken = "{\n  \"name\": \"app\",\n  \"scripts\": {\n    \"start\": node\n  }\n}\n";
  auto change = merge_package_json(broken, "package.json", ReleaseSetup{});
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().kind, ErrorKind::config);
  EXPECT_EQ(change.error().message.rfind("package.json:4:", 0), 0u) << change.error().message;
}

TEST(PackageJson, ScriptsThatAreNotAnObjectAreAnErrorNamingTheLine) {
  auto change = merge_package_json(std::string("{\n  \"name\": \"app\",\n  \"scripts\": [\"start\"]\n}\n"),
                                   "package.json", ReleaseSetup{});
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().message, "package.json:3:3: `scripts` must be an object, not array");
}

TEST(PackageJson, NotAnObjectAtAllIsAnError) {
  auto change = merge_package_json(std::string("\n[1, 2]\n"), "package.json", ReleaseSetup{});
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().message, "package.json:2:1: the file must hold a JSON object ({...}), not array");
}

TEST(PackageJson, NoPackageJsonIsSkippedNotCreated) {
  auto change = merge(std::nullopt);
  EXPECT_EQ(change.status, FileStatus::skipped);
  EXPECT_FALSE(change.writes());
}

}  // namespace
}  // namespace authmigrate::platform
