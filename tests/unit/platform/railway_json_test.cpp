#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <authmigrate/platform/railway_json.hpp>

namespace authmigrate::platform {
namespace {

ReleaseSetup setup_with_start(std::string start = "npm run start", ReleaseHook hook = ReleaseHook::pre_deploy) {
  ReleaseSetup setup;
  setup.hook = hook;
  if (!start.empty()) setup.start = describe_start(start, "test");
  return setup;
}

FileChange merge(const std::optional<std::string>& existing, const ReleaseSetup& setup) {
  auto change = merge_railway_json(existing, "railway.json", setup);
  EXPECT_TRUE(change) << change.error().describe();
  return change ? *change : FileChange{};
}

TEST(RailwayJson, NewFileRunsMigrationsInThePreDeployCommand) {
  auto change = merge(std::nullopt, setup_with_start());
  EXPECT_EQ(change.status, FileStatus::created);
  EXPECT_EQ(change.after,
            "{\n"
            "  \"$schema\": \"https://railway.com/railway.schema.json\",\n"
            "  \"deploy\": {\n"
            "    \"preDeployCommand\": [\n"
            "      \"npx --no -- authmigrate deploy\"\n"
            "    ],\n"
            "    \"startCommand\": \"npm run start\"\n"
            "  }\n"
            "}\n");
}

TEST(RailwayJson, EveryOtherKeyIsKeptInItsPlace) {
  const std::string mine =
      "{\n"
      "  \"$schema\": \"https://railway.com/railway.schema.json\",\n"
      "  \"build\": {\n"
      "    \"builder\": \"NIXPACKS\",\n"
      "    \"watchPatterns\": [\"src/**\"]\n"
      "  },\n"
      "  \"deploy\": {\n"
      "    \"healthcheckPath\": \"/health\",\n"
      "    \"restartPolicyType\": \"ON_FAILURE\",\n"
      "    \"startCommand\": \"node dist/server.js\"\n"
      "  }\n"
      "}\n";
  auto change = merge(mine, setup_with_start());
  EXPECT_EQ(change.status, FileStatus::updated);
  auto before = nlohmann::ordered_json::parse(mine);
  auto after = nlohmann::ordered_json::parse(change.after);
  EXPECT_EQ(after["build"], before["build"]);
  EXPECT_EQ(after["deploy"]["healthcheckPath"], "/health");
  EXPECT_EQ(after["deploy"]["startCommand"], "node dist/server.js");  // the user's start stays
  EXPECT_EQ(after["deploy"]["preDeployCommand"], nlohmann::ordered_json::array({"npx --no -- authmigrate deploy"}));
  std::vector<std::string> keys;
  for (const auto& [key, value] : after["deploy"].items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"healthcheckPath", "restartPolicyType", "startCommand", "preDeployCommand"}));
}

TEST(RailwayJson, SecondRunChangesNothing) {
  auto first = merge(std::nullopt, setup_with_start());
  auto second = merge(first.after, setup_with_start());
  EXPECT_EQ(second.status, FileStatus::unchanged);
  EXPECT_EQ(second.after, first.after);
}

TEST(RailwayJson, AStartThatAlreadyMigratesKeepsItsPlainFormForRailway) {
  auto change = merge(std::nullopt, setup_with_start("npx --no -- authmigrate deploy && exec node server.js"));
  auto after = nlohmann::ordered_json::parse(change.after);
  EXPECT_EQ(after["deploy"]["startCommand"], "node server.js");
}

TEST(RailwayJson, AnotherPreDeployCommandIsAConflict) {
  const std::string mine = "{\"deploy\": {\"preDeployCommand\": [\"npm run db:migrate\"]}}\n";
  auto change = merge(mine, setup_with_start());
  EXPECT_EQ(change.status, FileStatus::unchanged);
  ASSERT_EQ(change.notices.size(), 1u);
  EXPECT_TRUE(change.notices[0].conflict);
  EXPECT_EQ(change.notices[0].message,
            "railway.json: deploy.preDeployCommand already runs `[\"npm run db:migrate\"]`; left as it is (--force "
            "replaces it with `npx --no -- authmigrate deploy`)");
  auto forced = setup_with_start();
  forced.force = true;
  auto replaced = merge(mine, forced);
  EXPECT_EQ(nlohmann::ordered_json::parse(replaced.after)["deploy"]["preDeployCommand"][0],
            "npx --no -- authmigrate deploy");
}

TEST(RailwayJson, AStartCommandThatMigratesGetsNoSecondHook) {
  const std::string mine = "{\"deploy\": {\"startCommand\": \"authmigrate deploy && npm start\"}}\n";
  auto change = merge(mine, setup_with_start());
  EXPECT_EQ(change.status, FileStatus::unchanged);
  ASSERT_EQ(change.notices.size(), 1u);
  EXPECT_EQ(change.notices[0].level, NoticeLevel::warning);
}

TEST(RailwayJson, StartHookRunsMigrationsInTheStartCommand) {
  auto change = merge(std::nullopt, setup_with_start("npm run start", ReleaseHook::start));
  auto after = nlohmann::ordered_json::parse(change.after);
  EXPECT_FALSE(after["deploy"].contains("preDeployCommand"));
  EXPECT_EQ(after["deploy"]["startCommand"], "npx --no -- authmigrate deploy && exec npm run start");
  auto existing = merge(std::string("{\"deploy\": {\"startCommand\": \"node a.js\"}}"),
                        setup_with_start("npm run start", ReleaseHook::start));
  EXPECT_EQ(nlohmann::ordered_json::parse(existing.after)["deploy"]["startCommand"],
            "npx --no -- authmigrate deploy && exec node a.js");
}

TEST(RailwayJson, StartHookWithNothingToSayWritesNoFile) {
  auto change = merge(std::nullopt, setup_with_start("", ReleaseHook::start));
  EXPECT_EQ(change.status, FileStatus::skipped);
  EXPECT_FALSE(change.writes());
}

TEST(RailwayJson, MalformedJsonIsAnErrorNamingTheLine) {
  auto change = merge_railway_json(std::string("{\n  \"deploy\": {\n    \"startCommand\": \"x\",\n  }\n}\n"),
                                   "railway.json", ReleaseSetup{});
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().kind, ErrorKind::config);
  EXPECT_EQ(change.error().message.rfind("railway.json:4:", 0), 0u) << change.error().message;
}

TEST(RailwayJson, DeployThatIsNotAnObjectIsAnErrorNamingTheLine) {
  auto change = merge_railway_json(std::string("{\n  \"deploy\": \"yes\"\n}\n"), "railway.json", ReleaseSetup{});
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().message, "railway.json:2:3: `deploy` must be an object, not string");
}

}  // namespace
}  // namespace authmigrate::platform
