#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include <authmigrate/project/lock_files.hpp>

namespace authmigrate::project {
namespace {

// Excerpts of lock files written by the real tools for a package.json depending on better-auth 1.7.25.
std::string fixture(const std::string& relative) {
  std::ifstream in(std::string(AM_SOURCE_DIR) + "/tests/unit/project/fixtures/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << relative;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

using Reader = Result<std::optional<std::string>> (*)(std::string_view, std::string_view, std::string_view);

std::optional<std::string> found(Reader read, const std::string& text, std::string_view package = "better-auth") {
  auto version = read(text, package, "lock");
  EXPECT_TRUE(version) << version.error().describe();
  return version ? *version : std::nullopt;
}

std::string error_of(Reader read, const std::string& text, std::string_view name) {
  auto version = read(text, "better-auth", name);
  EXPECT_FALSE(version);
  if (version) return "";
  EXPECT_EQ(version.error().kind, ErrorKind::config);
  return version.error().message;
}

TEST(NpmLock, EachLockfileVersionGivesTheVersion) {
  for (const char* dir : {"npm-v1", "npm-v2", "npm-v3"}) {
    auto text = fixture(std::string(dir) + "/package-lock.json");
    EXPECT_EQ(found(read_npm_lock, text), "1.7.25") << dir;
    EXPECT_EQ(found(read_npm_lock, text, "@better-auth/utils"), "0.5.1") << dir;
    EXPECT_EQ(found(read_npm_lock, text, "react"), std::nullopt) << dir;
  }
}

TEST(NpmLock, AScopedNamesakeIsNotThePackage) {
  EXPECT_EQ(found(read_npm_lock, R"({"lockfileVersion": 3, "packages": {"": {},
    "node_modules/@better-auth/core": {"version": "9.9.9"},
    "node_modules/better-call/node_modules/better-auth": {"version": "9.9.8"},
    "node_modules/better-auth-ui": {"version": "9.9.7"}}})"),
            std::nullopt);
  EXPECT_EQ(found(read_npm_lock, R"({"lockfileVersion": 1,
    "dependencies": {"@better-auth/core": {"version": "9.9.9"}}})"),
            std::nullopt);
}

TEST(NpmLock, BrokenJsonIsAnErrorAtItsLine) {
  EXPECT_EQ(error_of(read_npm_lock, "{\n  \"packages\": {\n    \"\": {}\n  ]\n}\n", "app/package-lock.json"),
            "app/package-lock.json:4:3: syntax error while parsing object - unexpected ']'; expected '}'");
  EXPECT_EQ(error_of(read_npm_lock, "[]", "package-lock.json"),
            "package-lock.json: the file must hold a JSON object ({...}), not array");
}

TEST(PnpmLock, Lockfile6And9GiveTheVersion) {
  EXPECT_EQ(found(read_pnpm_lock, fixture("pnpm-v6/pnpm-lock.yaml")), "1.7.25");
  EXPECT_EQ(found(read_pnpm_lock, fixture("pnpm-v9/pnpm-lock.yaml")), "1.7.25");
  EXPECT_EQ(found(read_pnpm_lock, fixture("pnpm-v6/pnpm-lock.yaml"), "@better-auth/utils"), "0.5.1");
  EXPECT_EQ(found(read_pnpm_lock, fixture("pnpm-v9/pnpm-lock.yaml"), "@better-auth/utils"), "0.5.1");
  EXPECT_EQ(found(read_pnpm_lock, fixture("pnpm-v9/pnpm-lock.yaml"), "react"), std::nullopt);
}

TEST(PnpmLock, TheRootImportersVersionWinsWithoutItsPeerSuffix) {
  const std::string lock =
      "lockfileVersion: '9.0'\n"
      "\n"
      "importers:\n"
      "\n"
      "  .:\n"
      "    devDependencies:\n"
      "      better-auth:\n"
      "        specifier: ^1.7.0\n"
      "        version: 1.7.25(react@19.0.0)\n"
      "\n"
      "  packages/legacy:\n"
      "    dependencies:\n"
      "      better-auth:\n"
      "        specifier: 1.6.0\n"
      "        version: 1.6.0\n"
      "\n"
      "packages:\n"
      "\n"
      "  better-auth@1.6.0:\n"
      "    resolution: {integrity: sha512-x}\n"
      "\n"
      "  better-auth@1.7.25:\n"
      "    resolution: {integrity: sha512-y}\n";
  EXPECT_EQ(found(read_pnpm_lock, lock), "1.7.25");
}

TEST(PnpmLock, WithoutAnImporterThePackagesKeyIsRead) {
  EXPECT_EQ(found(read_pnpm_lock,
                  "lockfileVersion: '6.0'\n\npackages:\n\n"
                  "  /@better-auth/core@9.9.9(better-call@1.4.5):\n    dev: false\n\n"
                  "  /better-auth@1.7.25(react@18.2.0):\n    dev: false\n"),
            "1.7.25");
  EXPECT_EQ(found(read_pnpm_lock,
                  "lockfileVersion: '9.0'\n\npackages:\n\n"
                  "  '@better-auth/core@9.9.9':\n    resolution: {integrity: sha512-x}\n\n"
                  "  'better-auth@1.7.25':\n    resolution: {integrity: sha512-y}\n"),
            "1.7.25");
}

TEST(PnpmLock, AScopedNamesakeIsNotThePackage) {
  EXPECT_EQ(found(read_pnpm_lock,
                  "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n"
                  "      '@better-auth/core':\n        specifier: 9.9.9\n        version: 9.9.9\n\n"
                  "packages:\n\n  '@better-auth/core@9.9.9':\n    resolution: {integrity: x}\n\n"
                  "  better-auth-ui@9.9.8:\n    resolution: {integrity: y}\n\n"
                  "snapshots:\n\n  better-auth@9.9.7:\n    dependencies: {}\n"),
            std::nullopt);
}

TEST(PnpmLock, Lockfile5InlineVersionsAreRead) {
  EXPECT_EQ(found(read_pnpm_lock,
                  "lockfileVersion: 5.4\n\nspecifiers:\n  better-auth: ^1.7.0\n\n"
                  "dependencies:\n  better-auth: 1.7.25_react@18.2.0\n"),
            "1.7.25");
}

TEST(PnpmLock, AFileWithoutLockfileVersionIsAnError) {
  EXPECT_EQ(error_of(read_pnpm_lock, "# notes\n\n{not: yaml\n", "pnpm-lock.yaml"),
            "pnpm-lock.yaml:3: not a pnpm lock file: it does not begin with lockfileVersion");
  EXPECT_EQ(error_of(read_pnpm_lock, "", "pnpm-lock.yaml"), "pnpm-lock.yaml: not a pnpm lock file: it is empty");
}

TEST(YarnLock, ClassicAndBerryGiveTheVersion) {
  EXPECT_EQ(found(read_yarn_lock, fixture("yarn-classic/yarn.lock")), "1.7.25");
  EXPECT_EQ(found(read_yarn_lock, fixture("yarn-berry/yarn.lock")), "1.7.25");
  EXPECT_EQ(found(read_yarn_lock, fixture("yarn-classic/yarn.lock"), "@better-auth/utils"), "0.5.1");
  EXPECT_EQ(found(read_yarn_lock, fixture("yarn-berry/yarn.lock"), "@better-auth/utils"), "0.5.1");
  EXPECT_EQ(found(read_yarn_lock, fixture("yarn-berry/yarn.lock"), "react"), std::nullopt);
}

TEST(YarnLock, ClassicHeadersWithSeveralRangesAreRead) {
  EXPECT_EQ(found(read_yarn_lock,
                  "# yarn lockfile v1\n\n\n"
                  "\"@better-auth/core@^1.7.0\", \"@better-auth/core@^9.9.0\":\n"
                  "  version \"9.9.9\"\n\n"
                  "\"better-auth@^1.7.0\", \"better-auth@^1.7.2\":\n"
                  "  version \"1.7.25\"\n"
                  "  resolved \"https://registry.yarnpkg.com/better-auth/-/better-auth-1.7.25.tgz\"\n"),
            "1.7.25");
  EXPECT_EQ(found(read_yarn_lock,
                  "# yarn lockfile v1\n\nbetter-auth@^1.7.0, better-auth@~1.7.2:\n"
                  "  version \"1.7.25\"\n"),
            "1.7.25");
}

TEST(YarnLock, AScopedNamesakeIsNotThePackage) {
  EXPECT_EQ(found(read_yarn_lock,
                  "# yarn lockfile v1\n\n\"@better-auth/core@1.7.25\":\n  version \"9.9.9\"\n"
                  "  dependencies:\n    better-auth \"1.7.25\"\n\n"
                  "better-auth-ui@^1.0.0:\n  version \"9.9.8\"\n"),
            std::nullopt);
  EXPECT_EQ(found(read_yarn_lock,
                  "__metadata:\n  version: 8\n\n\"@better-auth/core@npm:1.7.25\":\n"
                  "  version: 9.9.9\n  dependencies:\n    better-auth: \"npm:1.7.25\"\n"),
            std::nullopt);
}

TEST(YarnLock, BerrysRootWorkspaceDecidesWhichEntryIsTheApps) {
  const std::string lock =
      "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"
      "\"better-auth@npm:1.6.0\":\n  version: 1.6.0\n  resolution: \"better-auth@npm:1.6.0\"\n\n"
      "\"better-auth@npm:^1.7.0, better-auth@npm:^1.7.2\":\n  version: 1.7.25\n"
      "  resolution: \"better-auth@npm:1.7.25\"\n\n"
      "\"legacy@workspace:packages/legacy\":\n  version: 0.0.0-use.local\n  dependencies:\n"
      "    better-auth: \"npm:1.6.0\"\n\n"
      "\"web@workspace:.\":\n  version: 0.0.0-use.local\n  dependencies:\n"
      "    better-auth: \"npm:^1.7.2\"\n";
  EXPECT_EQ(found(read_yarn_lock, lock), "1.7.25");
}

TEST(YarnLock, AFileOfNeitherFormatIsAnError) {
  EXPECT_EQ(error_of(read_yarn_lock, "{}\n", "yarn.lock"),
            "yarn.lock:1: not a yarn lock file: it has neither `# yarn lockfile v1` (yarn 1) nor `__metadata:` "
            "(yarn 2 and later)");
  EXPECT_EQ(error_of(read_yarn_lock, "# yarn lockfile v1\n\nbetter-auth@^1.7.0:\n  resolved \"x\"\n", "yarn.lock"),
            "yarn.lock:3: the entry for better-auth has no version");
}

TEST(BunLock, TheTextLockGivesTheVersion) {
  EXPECT_EQ(found(read_bun_lock, fixture("bun/bun.lock")), "1.7.25");
  EXPECT_EQ(found(read_bun_lock, fixture("bun/bun.lock"), "@better-auth/utils"), "0.5.1");
  EXPECT_EQ(found(read_bun_lock, fixture("bun/bun.lock"), "react"), std::nullopt);
}

TEST(BunLock, OnlyTheHoistedKeyIsThePackage) {
  EXPECT_EQ(found(read_bun_lock,
                  "{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n"
                  "    \"@better-auth/core\": [\"@better-auth/core@9.9.9\", \"\", {}, \"sha512-x\"],\n"
                  "    \"better-call/better-auth\": [\"better-auth@9.9.8\", \"\", {}, \"sha512-y\"],\n"
                  "    \"better-auth-ui\": [\"better-auth-ui@9.9.7\", \"\", {}, \"sha512-z\"],\n"
                  "  },\n}\n"),
            std::nullopt);
}

TEST(BunLock, CommasInsideStringsAreKept) {
  EXPECT_EQ(found(read_bun_lock,
                  "{\"packages\": {\"better-auth\": [\"better-auth@1.7.25\", \"\", "
                  "{\"peerDependencies\": {\"x\": \"^1, ]\"}}, \"sha512-x\",],},}\n"),
            "1.7.25");
}

TEST(BunLock, BrokenJsonIsAnErrorAtItsLine) {
  const std::string lock = "{\n  \"packages\": {\n    \"better-auth\": [\"better-auth@1.7.25\" \"\"],\n  },\n}\n";
  EXPECT_EQ(error_of(read_bun_lock, lock, "bun.lock"),
            "bun.lock:3:43: syntax error while parsing array - unexpected string literal; expected ']'");
}

}  // namespace
}  // namespace authmigrate::project
