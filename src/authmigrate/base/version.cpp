#include <authmigrate/base/version.hpp>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace authmigrate::base {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A numeric part of a version: digits, no leading zero, small enough for an int.
std::optional<int> parse_number(std::string_view s) {
  if (!all_digits(s) || s.size() > 9 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

std::vector<std::string_view> split_dots(std::string_view s) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool identifier_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

// Dot-separated identifiers of [0-9A-Za-z-], none empty; numeric ones without leading zeros.
bool valid_identifiers(std::string_view s, bool numeric_rule) {
  for (auto part : split_dots(s)) {
    if (part.empty() || !std::all_of(part.begin(), part.end(), identifier_char)) return false;
    if (numeric_rule && all_digits(part) && part.size() > 1 && part[0] == '0') return false;
  }
  return true;
}

std::strong_ordering compare_identifier(std::string_view a, std::string_view b) {
  bool a_number = all_digits(a);
  bool b_number = all_digits(b);
  if (a_number && b_number) {
    if (a.size() != b.size()) return a.size() <=> b.size();  // no leading zeros: longer is larger
    return a.compare(b) <=> 0;
  }
  if (a_number != b_number) return a_number ? std::strong_ordering::less : std::strong_ordering::greater;
  return a.compare(b) <=> 0;
}

std::strong_ordering compare_prerelease(std::string_view a, std::string_view b) {
  // A release (no prerelease) sorts after every prerelease of it.
  if (a.empty() != b.empty()) return a.empty() ? std::strong_ordering::greater : std::strong_ordering::less;
  if (a.empty()) return std::strong_ordering::equal;
  auto left = split_dots(a);
  auto right = split_dots(b);
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    if (auto order = compare_identifier(left[i], right[i]); order != 0) return order;
  }
  return left.size() <=> right.size();
}

}  // namespace

std::strong_ordering operator<=>(const Version& a, const Version& b) {
  if (auto order = a.major <=> b.major; order != 0) return order;
  if (auto order = a.minor <=> b.minor; order != 0) return order;
  if (auto order = a.patch <=> b.patch; order != 0) return order;
  return compare_prerelease(a.prerelease, b.prerelease);
}

std::optional<Version> parse_version(std::string_view text) {
  if (!text.empty() && text[0] == 'v') text.remove_prefix(1);
  if (auto plus = text.find('+'); plus != std::string_view::npos) {
    if (!valid_identifiers(text.substr(plus + 1), false)) return std::nullopt;
    text = text.substr(0, plus);
  }
  std::string_view prerelease;
  if (auto dash = text.find('-'); dash != std::string_view::npos) {
    prerelease = text.substr(dash + 1);
    if (!valid_identifiers(prerelease, true)) return std::nullopt;
    text = text.substr(0, dash);
  }
  auto numbers = split_dots(text);
  if (numbers.size() != 3) return std::nullopt;
  auto major = parse_number(numbers[0]);
  auto minor = parse_number(numbers[1]);
  auto patch = parse_number(numbers[2]);
  if (!major || !minor || !patch) return std::nullopt;
  return Version{*major, *minor, *patch, std::string(prerelease)};
}

std::string to_string(const Version& version) {
  auto text = fmt::format("{}.{}.{}", version.major, version.minor, version.patch);
  return version.prerelease.empty() ? text : text + "-" + version.prerelease;
}

bool VersionRange::contains(const Version& version) const { return lowest <= version && version <= highest; }

}  // namespace authmigrate::base
