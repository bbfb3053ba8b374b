#include <gtest/gtest.h>

#include <toml++/toml.h>

#include <authmigrate/platform/nixpacks_toml.hpp>

namespace authmigrate::platform {
namespace {

ReleaseSetup setup_with_start(std::string start = "npm run start") {
  ReleaseSetup setup;
  if (!start.empty()) setup.start = describe_start(start, "test");
  return setup;
}

FileChange merge(const std::optional<std::string>& existing, const ReleaseSetup& setup, bool empty_release = false) {
  auto change = merge_nixpacks_toml(existing, "nixpacks.toml", setup, empty_release);
  EXPECT_TRUE(change) << change.error().describe();
  return change ? *change : FileChange{};
}

toml::table parsed(const std::string& text) { return toml::parse(text); }

TEST(NixpacksToml, EmptyProjectGetsABinaryCheckAndAMigratingStart) {
  auto change = merge(std::nullopt, setup_with_start());
  EXPECT_EQ(change.status, FileStatus::created);
  EXPECT_EQ(change.after,
            "# How Nixpacks builds and starts this app. authmigrate migrates at release time, never in a build\n"
            "# phase: the database is not reachable while the image builds (docs/platforms.md).\n"
            "\n"
            "# authmigrate comes from node_modules (`npm install authmigrate`: a regular dependency, not -D,\n"
            "# since hosts prune devDependencies before the release).\n"
            "# This step checks, at build time, that it runs here; it never\n"
            "# connects to the database.\n"
            "[phases.authmigrate]\n"
            "dependsOn = [\"install\"]\n"
            "cmds = [\"npx --no -- authmigrate --version\"]\n"
            "\n"
            "# Migrations run before the app at every start on hosts without a pre-deploy hook.\n"
            "# Railway runs them in railway.json's preDeployCommand and starts with its\n"
            "# startCommand instead.\n"
            "[start]\n"
            "cmd = \"npx --no -- authmigrate deploy && exec npm run start\"\n");
  auto table = parsed(change.after);
  EXPECT_EQ(table.at_path("start.cmd").value<std::string>(), "npx --no -- authmigrate deploy && exec npm run start");
  // No migration in any build phase: the only build command is the version check.
  EXPECT_EQ(table.at_path("phases.authmigrate.cmds").as_array()->size(), 1u);
}

TEST(NixpacksToml, UsersPhasesCommentsAndLayoutAreKept) {
  const std::string mine =
      "# My app's build.\n"
      "providers = [\"...\", \"node\"]\n"
      "\n"
      "[phases.setup]\n"
      "nixPkgs = [\"...\", \"ffmpeg\"]   # for thumbnails\n"
      "\n"
      "[phases.build]\n"
      "cmds = [\n"
      "  \"npm run build\",  # compile\n"
      "]\n"
      "\n"
      "# Start the server\n"
      "[start]\n"
      "cmd = \"node dist/server.js\"  # production\n";
  auto change = merge(mine, setup_with_start("node dist/server.js"));
  EXPECT_EQ(change.status, FileStatus::updated);
  EXPECT_EQ(change.after,
            "# My app's build.\n"
            "providers = [\"...\", \"node\"]\n"
            "\n"
            "[phases.setup]\n"
            "nixPkgs = [\"...\", \"ffmpeg\"]   # for thumbnails\n"
            "\n"
            "[phases.build]\n"
            "cmds = [\n"
            "  \"npm run build\",  # compile\n"
            "]\n"
            "\n"
            "# authmigrate comes from node_modules (`npm install authmigrate`: a regular dependency, not -D,\n"
            "# since hosts prune devDependencies before the release).\n"
            "# This step checks, at build time, that it runs here; it never\n"
            "# connects to the database.\n"
            "[phases.authmigrate]\n"
            "dependsOn = [\"install\"]\n"
            "cmds = [\"npx --no -- authmigrate --version\"]\n"
            "\n"
            "# Start the server\n"
            "[start]\n"
            "cmd = \"npx --no -- authmigrate deploy && exec node dist/server.js\"  # production\n");
  ASSERT_EQ(change.changes.size(), 2u);
  EXPECT_EQ(change.changes[1], "[start] cmd runs `npx --no -- authmigrate deploy` first");
  auto table = parsed(change.after);
  EXPECT_EQ(table.at_path("phases.setup.nixPkgs[1]").value<std::string>(), "ffmpeg");
  EXPECT_EQ(table.at_path("phases.build.cmds[0]").value<std::string>(), "npm run build");
  EXPECT_EQ(table.at_path("providers[1]").value<std::string>(), "node");
}

TEST(NixpacksToml, SecondRunChangesNothing) {
  auto first = merge(std::nullopt, setup_with_start(), true);
  ReleaseSetup again = setup_with_start("");
  again.start = describe_start(*parsed(first.after).at_path("start.cmd").value<std::string>(), "nixpacks.toml");
  auto second = merge(first.after, again, true);
  EXPECT_EQ(second.status, FileStatus::unchanged);
  EXPECT_EQ(second.after, first.after);
  EXPECT_TRUE(second.changes.empty());
}

TEST(NixpacksToml, StartThatAlreadyRunsAuthmigrateIsLeftAlone) {
  const std::string mine = "[start]\ncmd = \"authmigrate wait && authmigrate migrate && npm start\"\n";
  auto change = merge(mine, setup_with_start("authmigrate wait && authmigrate migrate && npm start"));
  EXPECT_EQ(parsed(change.after).at_path("start.cmd").value<std::string>(),
            "authmigrate wait && authmigrate migrate && npm start");
}

TEST(NixpacksToml, NoStartKnownLeavesStartAlone) {
  auto change = merge(std::nullopt, ReleaseSetup{});
  EXPECT_FALSE(parsed(change.after).contains("start"));
  EXPECT_TRUE(parsed(change.after).at_path("phases.authmigrate").is_table());
}

TEST(NixpacksToml, CmdGoesBelowAnExistingStartHeader) {
  const std::string mine = "[start]\nrunImage = \"debian:bookworm-slim\"\n";
  auto change = merge(mine, setup_with_start("npm run start"));
  EXPECT_EQ(
      change.after.substr(change.after.find("[start]")),
      "[start]\ncmd = \"npx --no -- authmigrate deploy && exec npm run start\"\nrunImage = \"debian:bookworm-slim\"\n");
}

TEST(NixpacksToml, SchemaExportRunsAtBuildTimeAndIsAddedToAnExistingStep) {
  auto setup = setup_with_start();
  auto first = merge(std::nullopt, setup);
  setup.schema_export = true;
  auto second = merge(first.after, setup);
  EXPECT_EQ(second.status, FileStatus::updated);
  EXPECT_EQ(second.changes,
            std::vector<std::string>{"[phases.authmigrate] runs `npx --no -- authmigrate schema export`"});
  auto table = parsed(second.after);
  auto cmds = table.at_path("phases.authmigrate.cmds").as_array();
  ASSERT_NE(cmds, nullptr);
  ASSERT_EQ(cmds->size(), 2u);
  EXPECT_EQ(cmds->at(1).value<std::string>(), "npx --no -- authmigrate schema export");
  EXPECT_NE(
      second.after.find("cmds = [\"npx --no -- authmigrate --version\", \"npx --no -- authmigrate schema export\"]"),
      std::string::npos);
}

TEST(NixpacksToml, ProcfileReleaseIsNotABuildStep) {
  auto change = merge(std::nullopt, setup_with_start(), true);
  auto table = parsed(change.after);
  auto release = table.at_path("phases.release.cmds").as_array();
  ASSERT_NE(release, nullptr);
  EXPECT_TRUE(release->empty());
}

TEST(NixpacksToml, BuildPhaseMigrationsOfTheShellRecipeAreNamed) {
  const std::string mine =
      "[phases.migrate]\ndependsOn = [\"install\"]\ncmds = [\"npx @better-auth/cli migrate || echo done\"]\n";
  auto change = merge(mine, setup_with_start());
  ASSERT_EQ(change.notices.size(), 1u);
  EXPECT_EQ(change.notices[0].level, NoticeLevel::warning);
  EXPECT_EQ(change.notices[0].message,
            "nixpacks.toml: [phases.migrate] runs `npx @better-auth/cli migrate || echo done` while the image "
            "builds, where the database is not reachable; remove that phase: migrations now run at release time");
  EXPECT_TRUE(parsed(change.after).at_path("phases.migrate").is_table());  // named, never removed
}

TEST(NixpacksToml, WindowsLineEndingsAreKept) {
  auto change = merge(std::string("[phases.build]\r\ncmds = [\"npm run build\"]\r\n"), setup_with_start());
  size_t lf = 0, crlf = 0;
  for (size_t i = 0; i < change.after.size(); ++i) {
    if (change.after[i] == '\n') {
      ++lf;
      if (i > 0 && change.after[i - 1] == '\r') ++crlf;
    }
  }
  EXPECT_EQ(lf, crlf);
  EXPECT_EQ(parsed(change.after).at_path("start.cmd").value<std::string>(),
            "npx --no -- authmigrate deploy && exec npm run start");
}

TEST(NixpacksToml, QuotesInTheStartCommandSurviveTheRoundTrip) {
  const std::string start = "node server.js --name \"my \\\"app\\\"\" --path 'C:\\x'";
  auto change = merge(std::nullopt, setup_with_start(start));
  EXPECT_EQ(parsed(change.after).at_path("start.cmd").value<std::string>(),
            "npx --no -- authmigrate deploy && exec " + start);
}

TEST(NixpacksToml, UnicodeBeforeTheValueDoesNotShiftTheEdit) {
  const std::string mine = "[start]\n\"kommentär\" = \"ü\"\ncmd = \"node ü.js\" # größe\n";
  auto change = merge(mine, setup_with_start("node ü.js"));
  EXPECT_EQ(change.after.substr(change.after.find("[start]")),
            "[start]\n\"kommentär\" = \"ü\"\ncmd = \"npx --no -- authmigrate deploy && exec node ü.js\" # größe\n");
}

TEST(NixpacksToml, MalformedFileIsAnErrorNamingTheLine) {
  auto change = merge_nixpacks_toml(std::string("[phases.build]\ncmds = [\"a\",\n\n[start]\n"), "app/nixpacks.toml",
                                    setup_with_start(), false);
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().kind, ErrorKind::config);
  EXPECT_EQ(change.error().message.rfind("app/nixpacks.toml:4:", 0), 0u) << change.error().message;
}

TEST(NixpacksToml, StartCmdOfTheWrongTypeIsAnErrorNamingTheLine) {
  auto change = merge_nixpacks_toml(std::string("[start]\ncmd = [\"npm\", \"start\"]\n"), "nixpacks.toml",
                                    setup_with_start(), false);
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().message, "nixpacks.toml:2:7: `start.cmd` must be a string");
}

TEST(NixpacksToml, InlineStartTableWithoutCmdIsAConflictNotAnEdit) {
  const std::string mine = "start = { runImage = \"debian\" }\n";
  auto change = merge(mine, setup_with_start());
  ASSERT_FALSE(change.notices.empty());
  EXPECT_TRUE(change.notices.back().conflict);
  EXPECT_FALSE(parsed(change.after).at_path("start.cmd"));
  EXPECT_NE(change.after.find(mine), std::string::npos);
}

TEST(NixpacksToml, ACompoundStartIsNotExeced) {
  auto change = merge(std::nullopt, setup_with_start("cd web && node server.js"));
  EXPECT_EQ(parsed(change.after).at_path("start.cmd").value<std::string>(),
            "npx --no -- authmigrate deploy && cd web && node server.js");
}

}  // namespace
}  // namespace authmigrate::platform
