#include <gtest/gtest.h>

#include <authmigrate/platform/start_command.hpp>
#include <authmigrate/platform/toml_text.hpp>
#include <authmigrate/platform/unified_diff.hpp>

namespace authmigrate::platform {
namespace {

TEST(PlatformStartCommand, SimpleStartsAreExecedSoTheAppGetsSigterm) {
  ReleaseSetup setup;
  EXPECT_EQ(setup.migrating("npm run start"), "npx --no -- authmigrate deploy && exec npm run start");
  EXPECT_EQ(setup.migrating("node server.js --port $PORT"),
            "npx --no -- authmigrate deploy && exec node server.js --port $PORT");
}

TEST(PlatformStartCommand, ListsBuiltinsAndAssignmentsAreNotExeced) {
  ReleaseSetup setup;
  setup.binary = "authmigrate";
  EXPECT_EQ(setup.migrating("cd web && npm start"), "authmigrate deploy && cd web && npm start");
  EXPECT_EQ(setup.migrating("NODE_ENV=production node s.js"), "authmigrate deploy && NODE_ENV=production node s.js");
  EXPECT_EQ(setup.migrating("exec node s.js"), "authmigrate deploy && exec node s.js");
  EXPECT_EQ(setup.migrating("node a.js | tee log"), "authmigrate deploy && node a.js | tee log");
}

TEST(PlatformStartCommand, TheAppsOwnStartIsToldApartFromTheMigrations) {
  auto ours = describe_start("npx --no -- authmigrate deploy && exec npm run start", "x");
  EXPECT_TRUE(ours.migrates);
  EXPECT_EQ(ours.plain, "npm run start");
  auto recipe = describe_start("authmigrate wait && authmigrate migrate && npm start", "x");
  EXPECT_EQ(recipe.plain, "npm start");
  auto tangled = describe_start("npm start; authmigrate deploy", "x");
  EXPECT_TRUE(tangled.migrates);
  EXPECT_FALSE(tangled.plain);
  auto plain = describe_start("  node server.js ", "x");
  EXPECT_FALSE(plain.migrates);
  EXPECT_EQ(plain.plain, "node server.js");
}

TEST(PlatformUnifiedDiff, ANewFileIsAllAdded) {
  EXPECT_EQ(unified_diff("Procfile", std::nullopt, "web: a\nrelease: b\n"),
            "--- /dev/null\n+++ b/Procfile\n@@ -0,0 +1,2 @@\n+web: a\n+release: b\n");
}

TEST(PlatformUnifiedDiff, ChangesComeWithThreeLinesOfContext) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  std::string after = "1\n2\ntwo and a half\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
  EXPECT_EQ(unified_diff("f", before, after),
            "--- a/f\n+++ b/f\n"
            "@@ -1,5 +1,6 @@\n 1\n 2\n+two and a half\n 3\n 4\n 5\n"
            "@@ -9,4 +10,4 @@\n 9\n 10\n 11\n-12\n+twelve\n");
}

TEST(PlatformUnifiedDiff, EqualTextsHaveNoDiff) { EXPECT_EQ(unified_diff("f", std::string("a\n"), "a\n"), ""); }

TEST(PlatformTomlText, AValueIsReplacedInPlace) {
  auto doc = TomlText::parse("a = 1 # one\n[t]\nlist = [\n  1,\n  2, # two\n]\nb = 'x'\n", "t.toml");
  ASSERT_TRUE(doc);
  ASSERT_TRUE(doc->replace_value("t.list", "[3]"));
  EXPECT_EQ(doc->text(), "a = 1 # one\n[t]\nlist = [3]\nb = 'x'\n");
  EXPECT_EQ(doc->table().at_path("t.list[0]").value<int64_t>(), 3);
}

TEST(PlatformTomlText, ABlockGoesAboveAHeaderAndTheCommentsOnIt) {
  auto doc = TomlText::parse("[a]\nx = 1\n\n# about b\n[b]\ny = 2\n", "t.toml");
  ASSERT_TRUE(doc);
  ASSERT_TRUE(doc->insert_block("[new]\nz = 3\n", "b"));
  EXPECT_EQ(doc->text(), "[a]\nx = 1\n\n[new]\nz = 3\n\n# about b\n[b]\ny = 2\n");
}

TEST(PlatformTomlText, AnEditThatBreaksTheFileIsRefused) {
  auto doc = TomlText::parse("phases = { build = { cmds = [] } }\n", "nixpacks.toml");
  ASSERT_TRUE(doc);
  auto result = doc->insert_block("[phases.extra]\ncmds = []\n", "");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::config);
  EXPECT_EQ(doc->text(), "phases = { build = { cmds = [] } }\n");
}

}  // namespace
}  // namespace authmigrate::platform
