#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <authmigrate/platform/init_plan.hpp>

namespace authmigrate::platform {
namespace {

namespace fs = std::filesystem;

class InitPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "am-init-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir = tmpl;
  }
  void TearDown() override { fs::remove_all(dir); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; }
  std::string read(const std::string& name) {
    std::ifstream in(dir / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  bool exists(const std::string& name) { return fs::exists(dir / name); }
  unsigned mode(const std::string& name) {
    struct stat st {};
    ::stat((dir / name).c_str(), &st);
    return st.st_mode & 07777;
  }
  InitPlan init(const InitOptions& options = {}, bool dry_run = false) {
    auto plan = run_init(dir, options, dry_run);
    EXPECT_TRUE(plan) << plan.error().describe();
    return plan ? *plan : InitPlan{};
  }
  const FileChange& file(const InitPlan& plan, std::string_view name) {
    for (const auto& f : plan.files) {
      if (f.file == name) return f;
    }
    ADD_FAILURE() << "no " << name << " in the plan";
    return plan.files.front();
  }

  fs::path dir;
};

TEST_F(InitPlanTest, EmptyNodeProjectGetsEveryFile) {
  write("package.json", "{\n  \"name\": \"app\",\n  \"scripts\": {\n    \"start\": \"node server.js\"\n  }\n}\n");
  auto plan = init();
  EXPECT_EQ(plan.count(FileStatus::created), 4u);
  EXPECT_EQ(plan.count(FileStatus::updated), 1u);
  EXPECT_EQ(read("Procfile"), "web: npm run start\nrelease: npx --no -- authmigrate deploy\n");
  EXPECT_EQ(read("package.json"),
            "{\n  \"name\": \"app\",\n  \"scripts\": {\n    \"start\": \"node server.js\",\n"
            "    \"migrate\": \"npx --no -- authmigrate deploy\"\n  }\n}\n");
  auto railway = nlohmann::ordered_json::parse(read("railway.json"));
  EXPECT_EQ(railway["deploy"]["preDeployCommand"], nlohmann::ordered_json::array({"npx --no -- authmigrate deploy"}));
  EXPECT_EQ(railway["deploy"]["startCommand"], "npm run start");
  auto nixpacks = toml::parse(read("nixpacks.toml"));
  EXPECT_EQ(nixpacks.at_path("start.cmd").value<std::string>(), "npx --no -- authmigrate deploy && exec npm run start");
  EXPECT_EQ(nixpacks.at_path("phases.authmigrate.cmds[0]").value<std::string>(), "npx --no -- authmigrate --version");
  EXPECT_TRUE(nixpacks.at_path("phases.release.cmds").as_array()->empty());
  auto starter = toml::parse(read("authmigrate.toml"));
  EXPECT_EQ(starter.at_path("database[0].url_env").value<std::string>(), "DATABASE_URL");
  EXPECT_FALSE(starter.at_path("database[0].dir"));  // a folder named here must exist; the default need not
  EXPECT_FALSE(starter.contains("better_auth"));     // a comment only
  EXPECT_NE(read("authmigrate.toml").find("docs/schema-config.md"), std::string::npos);
  EXPECT_EQ(mode("nixpacks.toml"), 0644u);
  EXPECT_EQ(mode("railway.json"), 0644u);
}

TEST_F(InitPlanTest, SecondRunChangesNothingAndSaysSo) {
  write("package.json", "{\"scripts\": {\"start\": \"node server.js\", \"build\": \"tsc\"}}");
  write("nixpacks.toml", "[phases.build]\ncmds = [\"npm run build\"] # mine\n");
  init();
  std::map<std::string, std::string> first;
  for (auto name : {"nixpacks.toml", "railway.json", "Procfile", "package.json", "authmigrate.toml"}) {
    first[name] = read(name);
  }
  auto again = init();
  EXPECT_FALSE(again.writes_anything());
  for (const auto& f : again.files) EXPECT_EQ(f.status, FileStatus::unchanged) << f.name;
  for (const auto& [name, text] : first) EXPECT_EQ(read(name), text) << name;
}

TEST_F(InitPlanTest, DryRunWritesNothing) {
  write("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}");
  auto plan = init({}, true);
  EXPECT_TRUE(plan.writes_anything());
  EXPECT_EQ(file(plan, "nixpacks.toml").status, FileStatus::created);
  EXPECT_FALSE(exists("nixpacks.toml"));
  EXPECT_FALSE(exists("railway.json"));
  EXPECT_FALSE(exists("Procfile"));
  EXPECT_FALSE(exists("authmigrate.toml"));
  EXPECT_EQ(read("package.json"), "{\"scripts\": {\"start\": \"node server.js\"}}");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST_F(InitPlanTest, MalformedFilesAreAllNamedAndNothingIsWritten) {
  write("package.json", "{\n  \"scripts\": {\n    \"start\": \"node server.js\"\n  },\n}\n");
  write("nixpacks.toml", "[start]\ncmd = \"npm start\n");
  write("Procfile", "web: npm start\n");
  auto plan = run_init(dir, {}, false);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().kind, ErrorKind::config);
  auto message = plan.error().message;
  EXPECT_EQ(message.rfind((dir / "nixpacks.toml").string() + ":2:", 0), 0u) << message;
  EXPECT_NE(message.find("\n" + (dir / "package.json").string() + ":5:"), std::string::npos) << message;
  EXPECT_EQ(read("Procfile"), "web: npm start\n");
  EXPECT_FALSE(exists("railway.json"));
  EXPECT_FALSE(exists("authmigrate.toml"));
}

TEST_F(InitPlanTest, StartFlagIsUsedWhenTheProjectDoesNotSay) {
  InitOptions options;
  options.start = "node dist/main.js";
  init(options);
  EXPECT_EQ(toml::parse(read("nixpacks.toml")).at_path("start.cmd").value<std::string>(),
            "npx --no -- authmigrate deploy && exec node dist/main.js");
  EXPECT_EQ(read("Procfile"), "web: node dist/main.js\nrelease: npx --no -- authmigrate deploy\n");
}

TEST_F(InitPlanTest, WithNoStartAnywhereTheStartIsLeftAloneAndItIsSaid) {
  auto plan = init();
  EXPECT_FALSE(toml::parse(read("nixpacks.toml")).contains("start"));
  EXPECT_FALSE(exists("Procfile"));
  ASSERT_FALSE(plan.notices.empty());
  EXPECT_NE(plan.notices[0].message.find("no start command found"), std::string::npos);
}

TEST_F(InitPlanTest, NixpacksStartWinsOverTheFlagWhichIsReportedIgnored) {
  write("nixpacks.toml", "[start]\ncmd = \"node a.js\"\n");
  InitOptions options;
  options.start = "node b.js";
  auto plan = init(options);
  EXPECT_EQ(toml::parse(read("nixpacks.toml")).at_path("start.cmd").value<std::string>(),
            "npx --no -- authmigrate deploy && exec node a.js");
  ASSERT_FALSE(plan.notices.empty());
  EXPECT_EQ(plan.notices[0].level, NoticeLevel::warning);
  EXPECT_NE(plan.notices[0].message.find("--start ignored"), std::string::npos);
}

TEST_F(InitPlanTest, ProcfileWebComesBeforeThePackageStartScript) {
  write("package.json", "{\"scripts\": {\"start\": \"node dev.js\"}}");
  write("Procfile", "web: node dist/server.js\n");
  init();
  EXPECT_EQ(toml::parse(read("nixpacks.toml")).at_path("start.cmd").value<std::string>(),
            "npx --no -- authmigrate deploy && exec node dist/server.js");
  EXPECT_EQ(read("Procfile"), "web: node dist/server.js\nrelease: npx --no -- authmigrate deploy\n");
}

TEST_F(InitPlanTest, AnExportedSchemaIsExportedAgainAtBuildTime) {
  write("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}");
  write("auth-schema.json", "{}");
  init();
  auto nixpacks = toml::parse(read("nixpacks.toml"));
  auto cmds = nixpacks.at_path("phases.authmigrate.cmds").as_array();
  ASSERT_NE(cmds, nullptr);
  ASSERT_EQ(cmds->size(), 2u);
  EXPECT_EQ(cmds->at(1).value<std::string>(), "npx --no -- authmigrate schema export");
}

TEST_F(InitPlanTest, UpdatedFilesKeepTheirModeAndTheUsersAuthmigrateTomlIsNeverRewritten) {
  write("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}");
  ::chmod((dir / "package.json").c_str(), 0664);
  write("authmigrate.toml", "# mine\n[better_auth]\nplugins = []\n");
  auto plan = init();
  EXPECT_EQ(mode("package.json"), 0664u);
  EXPECT_EQ(file(plan, "authmigrate.toml").status, FileStatus::unchanged);
  EXPECT_EQ(read("authmigrate.toml"), "# mine\n[better_auth]\nplugins = []\n");
}

TEST_F(InitPlanTest, TheStartHookMigratesInTheStartCommandOnly) {
  write("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}");
  InitOptions options;
  options.hook = ReleaseHook::start;
  auto plan = init(options);
  auto railway = nlohmann::ordered_json::parse(read("railway.json"));
  EXPECT_FALSE(railway["deploy"].contains("preDeployCommand"));
  EXPECT_EQ(railway["deploy"]["startCommand"], "npx --no -- authmigrate deploy && exec npm run start");
  EXPECT_EQ(file(plan, "Procfile").status, FileStatus::skipped);
  EXPECT_FALSE(exists("Procfile"));
  EXPECT_FALSE(toml::parse(read("nixpacks.toml")).at_path("phases.release"));
}

TEST_F(InitPlanTest, AMissingProjectFolderIsAUsageError) {
  auto plan = run_init(dir / "nowhere", {}, false);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().kind, ErrorKind::usage);
}

// With the npm package (the default), the app must depend on it, and not only in development.
bool has_notice(const InitPlan& plan, std::string_view text) {
  return std::any_of(plan.notices.begin(), plan.notices.end(),
                     [&](const Notice& n) { return n.message.find(text) != std::string::npos; });
}

TEST_F(InitPlanTest, AppWithoutTheNpmPackageIsToldToInstallIt) {
  write("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}\n");
  auto plan = init();
  EXPECT_TRUE(has_notice(plan, "run `npm install authmigrate` (a regular dependency, not -D)"));
  EXPECT_EQ(file(plan, "nixpacks.toml").after.find("./bin/authmigrate"), std::string::npos);
}

TEST_F(InitPlanTest, DevDependencyIsToldToMove) {
  write("package.json",
        "{\"scripts\": {\"start\": \"node s.js\"}, \"devDependencies\": {\"authmigrate\": \"^0.1.0\"}}\n");
  EXPECT_TRUE(has_notice(init(), "authmigrate in devDependencies: move it to dependencies"));
}

TEST_F(InitPlanTest, RegularDependencyNeedsNoNotice) {
  write("package.json", "{\"scripts\": {\"start\": \"node s.js\"}, \"dependencies\": {\"authmigrate\": \"0.1.0\"}}\n");
  auto plan = init();
  EXPECT_FALSE(has_notice(plan, "npm install authmigrate"));
  EXPECT_FALSE(has_notice(plan, "devDependencies"));
}

TEST_F(InitPlanTest, OwnBinaryNeedsNoNpmPackage) {
  write("package.json", "{\"scripts\": {\"start\": \"node s.js\"}}\n");
  InitOptions options;
  options.binary = "./bin/authmigrate";
  auto plan = init(options);
  EXPECT_FALSE(has_notice(plan, "npm install authmigrate"));
  EXPECT_NE(file(plan, "nixpacks.toml").after.find("must be in the image at ./bin/authmigrate"), std::string::npos);
}

}  // namespace
}  // namespace authmigrate::platform
