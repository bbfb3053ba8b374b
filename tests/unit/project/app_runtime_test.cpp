#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include <authmigrate/project/app_runtime.hpp>

namespace authmigrate::project {
namespace {

namespace fs = std::filesystem;

class AppRuntime : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("am-runtime-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "app/src");
  }
  void TearDown() override { fs::remove_all(m_dir); }

  void write(const fs::path& relative, const std::string& content = "", bool executable = false) {
    fs::create_directories((m_dir / relative).parent_path());
    std::ofstream(m_dir / relative, std::ios::binary) << content;
    if (executable) fs::permissions(m_dir / relative, fs::perms::owner_all);
  }
  RuntimeEvidence detect(const fs::path& relative, std::string_view user_agent = "") {
    return detect_runtime(m_dir / relative, user_agent);
  }

  fs::path m_dir;
};

TEST_F(AppRuntime, NamesParseBack) {
  for (auto runtime : {JsRuntime::node, JsRuntime::bun, JsRuntime::deno})
    EXPECT_EQ(parse_runtime(runtime_name(runtime)), runtime);
  EXPECT_FALSE(parse_runtime("nodejs"));
}

TEST_F(AppRuntime, NoMarkerIsNodeUnlessBunStartedUs) {
  // the temporary folder's parents hold no lock file on a test machine; the app's own folder is empty
  EXPECT_EQ(detect("app/src").runtime, JsRuntime::node);
  auto bun = detect("app/src", "bun/1.3.14 npm/? node/v24.3.0 linux x64");
  EXPECT_EQ(bun.runtime, JsRuntime::bun);
  EXPECT_NE(bun.reason.find("npm_config_user_agent"), std::string::npos) << bun.reason;
  EXPECT_EQ(detect("app/src", "npm/11.0.0 node/v22.0.0 linux x64").runtime, JsRuntime::node);
}

TEST_F(AppRuntime, NearestMarkerDecides) {
  write("bun.lock");
  write("app/package-lock.json");
  auto node = detect("app/src");
  EXPECT_EQ(node.runtime, JsRuntime::node);
  EXPECT_EQ(node.reason, "package-lock.json in " + (m_dir / "app").string());
  fs::remove(m_dir / "app/package-lock.json");
  auto bun = detect("app/src", "npm/11.0.0");
  EXPECT_EQ(bun.runtime, JsRuntime::bun);
  EXPECT_EQ(bun.reason, "bun.lock in " + m_dir.string());
}

TEST_F(AppRuntime, EachMarker) {
  for (auto [file, runtime] : {std::pair{"bun.lockb", JsRuntime::bun},
                               {"deno.json", JsRuntime::deno},
                               {"deno.jsonc", JsRuntime::deno},
                               {"deno.lock", JsRuntime::deno},
                               {"pnpm-lock.yaml", JsRuntime::node},
                               {"yarn.lock", JsRuntime::node}}) {
    write(fs::path("app") / file);
    EXPECT_EQ(detect("app").runtime, runtime) << file;
    fs::remove(m_dir / "app" / file);
  }
}

TEST_F(AppRuntime, PackageManagerFieldNamesBun) {
  write("app/package.json", R"({ "name": "x", "packageManager": "bun@1.2.0" })");
  EXPECT_EQ(detect("app/src").runtime, JsRuntime::bun);
  write("app/package.json", R"({ "name": "x", "packageManager": "pnpm@9.0.0" })");
  EXPECT_EQ(detect("app/src").runtime, JsRuntime::node);
  write("app/package.json", "{ not json");
  EXPECT_EQ(detect("app/src").runtime, JsRuntime::node);
}

TEST_F(AppRuntime, DenoConfigFromTheProjectUp) {
  EXPECT_FALSE(find_deno_config(m_dir / "app/src"));
  write("app/deno.jsonc", "{}");
  EXPECT_EQ(find_deno_config(m_dir / "app/src"), m_dir / "app/deno.jsonc");
}

TEST_F(AppRuntime, ProgramFromPathThenTheAppsNodeModules) {
  write("bin/bun", "#!/bin/sh\n", true);
  write("app/node_modules/.bin/bun", "#!/bin/sh\n", true);
  std::string path = "/nonexistent:" + (m_dir / "bin").string();
  auto from_path = find_runtime_program(JsRuntime::bun, m_dir / "app/src", path, "bun.lock in app");
  ASSERT_TRUE(from_path) << from_path.error().describe();
  EXPECT_EQ(*from_path, m_dir / "bin/bun");
  auto local = find_runtime_program(JsRuntime::bun, m_dir / "app/src", "/nonexistent", "bun.lock in app");
  ASSERT_TRUE(local) << local.error().describe();
  EXPECT_EQ(*local, m_dir / "app/node_modules/.bin/bun");
}

TEST_F(AppRuntime, MissingProgramNamesTheRuntimeWhyAndTheFix) {
  write("app/node_modules/.bin/deno", "not executable");
  auto deno = find_runtime_program(JsRuntime::deno, m_dir / "app", "/nonexistent", "deno.json in /srv/app");
  ASSERT_FALSE(deno);
  EXPECT_EQ(deno.error().kind, ErrorKind::config);
  EXPECT_NE(deno.error().message.find("the app runs on deno (deno.json in /srv/app)"), std::string::npos)
      << deno.error().message;
  EXPECT_NE(deno.error().hint.find("npm install -D deno"), std::string::npos) << deno.error().hint;
  EXPECT_NE(deno.error().hint.find("--runtime node"), std::string::npos) << deno.error().hint;
  // Node is PATH only: an app's node_modules/.bin/node is not what `node` means
  write("app/node_modules/.bin/node", "#!/bin/sh\n", true);
  auto node = find_runtime_program(JsRuntime::node, m_dir / "app", "/nonexistent", "");
  ASSERT_FALSE(node);
  EXPECT_NE(node.error().message.find("node is not installed or not on PATH"), std::string::npos);
}

}  // namespace
}  // namespace authmigrate::project
