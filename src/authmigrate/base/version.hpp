// Semantic versions as npm records them ("1.7.25", "1.7.25-beta.3"), their order, and inclusive ranges of them.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace authmigrate::base {

struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;
  std::string prerelease;  // "beta.3" for 1.7.25-beta.3; empty for a release. Build metadata is dropped.

  friend bool operator==(const Version&, const Version&) = default;
  // Semver precedence: a prerelease sorts before its release, numeric identifiers compare as numbers.
  friend std::strong_ordering operator<=>(const Version& a, const Version& b);
};

// An exact version, optionally with a leading "v" and "+build" metadata. Ranges ("^1.7.0"), partial
// versions ("1.7") and tags ("latest") are not versions: nullopt.
std::optional<Version> parse_version(std::string_view text);

// "1.7.25" or "1.7.25-beta.3".
std::string to_string(const Version& version);

// The versions from `lowest` to `highest`, both included, in semver order: a prerelease lies inside when it
// sorts between the two (1.8.0-beta.1 is inside 1.7.0..1.8.0, 1.7.0-beta.1 is not).
struct VersionRange {
  Version lowest;
  Version highest;

  bool contains(const Version& version) const;
};

}  // namespace authmigrate::base
