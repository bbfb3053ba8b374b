#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include <authmigrate/project/installed_package.hpp>

namespace authmigrate::project {
namespace {

namespace fs = std::filesystem;

const fs::path fixtures = fs::path(AM_SOURCE_DIR) / "tests/unit/project/fixtures";

class FindInstalled : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("am-project-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  void write(const fs::path& relative, const std::string& content) {
    fs::create_directories((m_dir / relative).parent_path());
    std::ofstream(m_dir / relative, std::ios::binary) << content;
  }
  void install(const fs::path& relative_dir, const std::string& version) {
    write(relative_dir / "node_modules/better-auth/package.json",
          "{\n  \"name\": \"better-auth\",\n  \"version\": \"" + version + "\"\n}\n");
  }
  void copy_fixture(const std::string& fixture, const fs::path& relative_dir) {
    fs::create_directories(m_dir / relative_dir);
    auto from = fixtures / fixture;
    fs::copy_file(from, m_dir / relative_dir / from.filename());
  }
  std::optional<InstalledPackage> find(const fs::path& relative_dir, std::string_view package = "better-auth") {
    auto installed = find_installed(m_dir / relative_dir, package);
    EXPECT_TRUE(installed) << installed.error().describe();
    return installed ? *installed : std::nullopt;
  }
  Error error_of(const fs::path& relative_dir) {
    auto installed = find_installed(m_dir / relative_dir, "better-auth");
    EXPECT_FALSE(installed);
    return installed ? Error{} : installed.error();
  }
  // A lock file or node_modules/better-auth above the temporary folder would answer for the tests.
  bool ancestors_are_clean() const {
    for (auto dir = m_dir.parent_path(); dir.has_relative_path(); dir = dir.parent_path()) {
      for (const char* name : {"node_modules/better-auth", "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml",
                               "yarn.lock", "bun.lock", "bun.lockb"}) {
        if (fs::exists(dir / name)) return false;
      }
    }
    return !fs::exists("/node_modules/better-auth");
  }

  fs::path m_dir;
};

TEST_F(FindInstalled, EachLockFormatGivesTheVersionAndItsFile) {
  for (const char* fixture :
       {"npm-v1/package-lock.json", "npm-v2/package-lock.json", "npm-v3/package-lock.json", "pnpm-v6/pnpm-lock.yaml",
        "pnpm-v9/pnpm-lock.yaml", "yarn-classic/yarn.lock", "yarn-berry/yarn.lock", "bun/bun.lock"}) {
    SCOPED_TRACE(fixture);
    auto app = fs::path(fixture).parent_path();
    copy_fixture(fixture, app);
    auto installed = find(app);
    ASSERT_TRUE(installed);
    EXPECT_EQ(installed->version, "1.7.25");
    EXPECT_EQ(installed->source, m_dir / app / fs::path(fixture).filename());
  }
}

TEST_F(FindInstalled, NodeModulesBeatsALockFile) {
  copy_fixture("npm-v3/package-lock.json", "app");
  install("app", "1.7.26-beta.1");
  auto installed = find("app");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.7.26-beta.1");
  EXPECT_EQ(installed->source, m_dir / "app/node_modules/better-auth/package.json");
}

TEST_F(FindInstalled, ScopedPackagesAreLookedUpInTheirScopeFolder) {
  write("app/node_modules/@better-auth/core/package.json", R"({"name": "@better-auth/core", "version": "1.7.24"})");
  install("app", "1.7.25");
  auto installed = find("app", "@better-auth/core");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.7.24");
}

TEST_F(FindInstalled, AMonorepoAppFindsTheNodeModulesHoistedAtTheRoot) {
  write("apps/web/package.json", R"({"name": "web", "dependencies": {"better-auth": "^1.7.0"}})");
  copy_fixture("pnpm-v9/pnpm-lock.yaml", ".");
  install(".", "1.7.24");
  auto installed = find("apps/web");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.7.24");
  EXPECT_EQ(installed->source, m_dir / "node_modules/better-auth/package.json");
}

TEST_F(FindInstalled, AMonorepoAppWithoutNodeModulesFindsTheRootsLockFile) {
  write("apps/web/src/lib/auth.ts", "export const auth = betterAuth({});\n");
  copy_fixture("yarn-berry/yarn.lock", ".");
  auto installed = find("apps/web/src/lib");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.7.25");
  EXPECT_EQ(installed->source, m_dir / "yarn.lock");
}

TEST_F(FindInstalled, TheNearestNodeModulesWins) {
  install(".", "1.7.25");
  install("apps/web", "1.6.0");
  auto installed = find("apps/web/");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.6.0");
}

TEST_F(FindInstalled, NodeModulesAboveBeatsALockFileBelow) {
  install(".", "1.7.24");
  copy_fixture("npm-v3/package-lock.json", "apps/web");
  auto installed = find("apps/web");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.7.24");
}

TEST_F(FindInstalled, TheNearestLockFileDecidesEvenWithoutThePackage) {
  copy_fixture("npm-v3/package-lock.json", ".");
  write("apps/web/package-lock.json", R"({"lockfileVersion": 3, "packages": {"": {"name": "web"}}})");
  EXPECT_FALSE(find("apps/web"));
}

TEST_F(FindInstalled, ALockFileWithoutThePackageLeavesItToTheNextInTheFolder) {
  write("app/package-lock.json", R"({"lockfileVersion": 3, "packages": {"": {"name": "app"}}})");
  copy_fixture("yarn-classic/yarn.lock", "app");
  auto installed = find("app");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->source, m_dir / "app/yarn.lock");
}

TEST_F(FindInstalled, ShrinkwrapIsReadBeforePackageLock) {
  copy_fixture("npm-v3/package-lock.json", "app");
  write("app/npm-shrinkwrap.json",
        R"({"lockfileVersion": 3, "packages": {"node_modules/better-auth": {"version": "1.7.20"}}})");
  auto installed = find("app");
  ASSERT_TRUE(installed);
  EXPECT_EQ(installed->version, "1.7.20");
}

TEST_F(FindInstalled, ABinaryBunLockbAloneIsNotAnErrorAndEndsTheWalk) {
  copy_fixture("bun/bun.lock", ".");
  std::string binary("\x00\x01", 2);
  write("app/bun.lockb", binary + "#!/usr/bin/env bun\nbun-lockfile-format-v0\n\xff");
  EXPECT_FALSE(find("app"));
}

TEST_F(FindInstalled, ABrokenPackageJsonIsAnErrorNamingTheFile) {
  write("app/node_modules/better-auth/package.json", "{\n  \"version\": \"1.7.25\",\n}\n");
  copy_fixture("npm-v3/package-lock.json", "app");
  auto error = error_of("app");
  EXPECT_EQ(error.kind, ErrorKind::config);
  EXPECT_EQ(error.message, (m_dir / "app/node_modules/better-auth/package.json").string() +
                               ":3:1: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST_F(FindInstalled, APackageJsonWithoutAVersionIsAnError) {
  write("app/node_modules/better-auth/package.json", R"({"name": "better-auth"})");
  auto error = error_of("app");
  EXPECT_EQ(error.kind, ErrorKind::config);
  EXPECT_EQ(error.message, (m_dir / "app/node_modules/better-auth/package.json").string() +
                               ": no \"version\" string in the package's package.json");
}

TEST_F(FindInstalled, ABrokenLockFileIsAnErrorNamingTheFile) {
  write("app/pnpm-lock.yaml", "<<<<<<< HEAD\nlockfileVersion: '9.0'\n");
  auto error = error_of("app");
  EXPECT_EQ(error.kind, ErrorKind::config);
  EXPECT_EQ(error.message, (m_dir / "app/pnpm-lock.yaml").string() +
                               ":1: not a pnpm lock file: it does not begin with lockfileVersion");
  write("other/package-lock.json", "{\"lockfileVersion\": 3,");
  error = error_of("other");
  EXPECT_EQ(error.kind, ErrorKind::config);
  EXPECT_EQ(error.message.rfind((m_dir / "other/package-lock.json").string() + ":1:", 0), 0u) << error.message;
}

TEST_F(FindInstalled, NoFilesAtAllIsNullopt) {
  if (!ancestors_are_clean()) GTEST_SKIP() << "a folder above " << m_dir << " holds a lock file or better-auth";
  write("app/package.json", R"({"name": "app"})");
  EXPECT_FALSE(find("app"));
  EXPECT_FALSE(find("app/not/yet/created"));
}

TEST_F(FindInstalled, NotAPackageNameIsAUsageError) {
  for (const char* name : {"", "../../etc", "@scope", "@/x", "a/b", "@s/a/b", ".bin"}) {
    auto installed = find_installed(m_dir, name);
    ASSERT_FALSE(installed) << name;
    EXPECT_EQ(installed.error().kind, ErrorKind::usage) << name;
  }
}

}  // namespace
}  // namespace authmigrate::project
