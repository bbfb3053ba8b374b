#include <gtest/gtest.h>

#include <authmigrate/base/version.hpp>

namespace authmigrate::base {
namespace {

Version v(std::string_view text) {
  auto version = parse_version(text);
  EXPECT_TRUE(version) << text;
  return version.value_or(Version{});
}

TEST(Version, ParsesReleasesPrereleasesAndTheVPrefix) {
  EXPECT_EQ(v("1.7.25"), (Version{1, 7, 25, ""}));
  EXPECT_EQ(v("v1.7.25"), (Version{1, 7, 25, ""}));
  EXPECT_EQ(v("1.7.25-beta.3"), (Version{1, 7, 25, "beta.3"}));
  EXPECT_EQ(v("0.0.0"), (Version{0, 0, 0, ""}));
  EXPECT_EQ(v("10.20.30-rc-1.x-y"), (Version{10, 20, 30, "rc-1.x-y"}));
}

TEST(Version, BuildMetadataIsAcceptedAndDropped) {
  EXPECT_EQ(v("1.7.25+build"), (Version{1, 7, 25, ""}));
  EXPECT_EQ(v("1.7.25-beta.3+sha.5114f85"), (Version{1, 7, 25, "beta.3"}));
  EXPECT_EQ(v("1.7.25+a") <=> v("1.7.25+b"), std::strong_ordering::equal);
}

TEST(Version, RangesTagsAndPartialVersionsAreRejected) {
  for (const char* text : {"^1.7.0",
                           "~1.7.0",
                           ">=1.7.0",
                           "1.7.x",
                           "1.7.0 - 1.8.0",
                           "1.7.25 || 1.8.0",
                           "*",
                           "1.7",
                           "1",
                           "latest",
                           "next",
                           "",
                           "v",
                           "1.7.25.1",
                           "01.7.25",
                           "1.07.25",
                           "1.7.25-",
                           "1.7.25+",
                           "1.7.25-beta..3",
                           "1.7.25-01",
                           "1.7.25-beta_3",
                           " 1.7.25",
                           "1.7.25 ",
                           "npm:1.7.25",
                           "workspace:*",
                           "link:../better-auth",
                           "9999999999.0.0",
                           "-1.7.25",
                           "1.-7.25"}) {
    EXPECT_FALSE(parse_version(text)) << text;
  }
}

TEST(Version, ToStringWritesTheCanonicalForm) {
  EXPECT_EQ(to_string(v("1.7.25")), "1.7.25");
  EXPECT_EQ(to_string(v("v1.7.25")), "1.7.25");
  EXPECT_EQ(to_string(v("1.7.25-beta.3+build.1")), "1.7.25-beta.3");
}

TEST(Version, NumbersCompareAsNumbersNotText) {
  EXPECT_LT(v("1.9.0"), v("1.10.0"));
  EXPECT_LT(v("1.7.9"), v("1.7.25"));
  EXPECT_LT(v("1.99.99"), v("2.0.0"));
  EXPECT_GT(v("10.0.0"), v("9.9.9"));
  EXPECT_EQ(v("1.7.25"), v("v1.7.25"));
}

TEST(Version, APrereleaseSortsBeforeItsReleaseAndAfterTheOneBefore) {
  EXPECT_LT(v("1.7.25-beta.3"), v("1.7.25"));
  EXPECT_GT(v("1.7.25-beta.3"), v("1.7.24"));
  EXPECT_GT(v("1.7.25-beta.3"), v("1.7.24-rc.9"));
}

TEST(Version, PrereleaseIdentifiersCompareNumericallyWhenNumeric) {
  // The chain of the semver specification, item 11.
  const char* chain[] = {"1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                         "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0"};
  for (size_t i = 0; i + 1 < std::size(chain); ++i) EXPECT_LT(v(chain[i]), v(chain[i + 1])) << chain[i];
  EXPECT_LT(v("1.0.0-9"), v("1.0.0-10"));
  EXPECT_LT(v("1.0.0-10"), v("1.0.0-a"));  // numeric identifiers sort before alphanumeric ones
}

TEST(VersionRange, IncludesBothEnds) {
  VersionRange range{v("1.7.0"), v("1.8.0")};
  EXPECT_TRUE(range.contains(v("1.7.0")));
  EXPECT_TRUE(range.contains(v("1.7.25")));
  EXPECT_TRUE(range.contains(v("1.8.0")));
  EXPECT_FALSE(range.contains(v("1.6.99")));
  EXPECT_FALSE(range.contains(v("1.8.1")));
  EXPECT_FALSE(range.contains(v("2.0.0")));
}

TEST(VersionRange, APrereleaseCountsAsInsideOnlyFromTheLowestVersion) {
  VersionRange range{v("1.7.0"), v("1.8.0")};
  EXPECT_TRUE(range.contains(v("1.7.5-rc.1")));
  EXPECT_TRUE(range.contains(v("1.8.0-beta.1")));
  EXPECT_FALSE(range.contains(v("1.7.0-beta.1")));
  EXPECT_FALSE(range.contains(v("1.8.1-beta.1")));
  VersionRange from_beta{v("1.7.0-beta.2"), v("1.7.0")};
  EXPECT_TRUE(from_beta.contains(v("1.7.0-beta.2")));
  EXPECT_TRUE(from_beta.contains(v("1.7.0-beta.10")));
  EXPECT_FALSE(from_beta.contains(v("1.7.0-beta.1")));
}

}  // namespace
}  // namespace authmigrate::base
