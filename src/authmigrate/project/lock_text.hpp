// Text helpers shared by the lock file readers: lines, the "key: value" lines of the YAML-like locks,
// "name@version" specs, and JSON whose errors point at file:line:column.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <authmigrate/base/error.hpp>

namespace authmigrate::project {

// The lines of `text` without their line ends (LF or CRLF).
std::vector<std::string_view> split_lines(std::string_view text);

// `s` without one pair of surrounding quotes, single or double.
std::string_view unquote(std::string_view s);

// A "key: value" or "key:" line of pnpm-lock.yaml or a yarn berry lock. Comments, list items and lines
// without a key are not key lines.
struct KeyLine {
  size_t indent = 0;       // leading spaces
  std::string_view key;    // unquoted
  std::string_view value;  // unquoted; empty when a nested block follows
};
std::optional<KeyLine> key_line(std::string_view line);

// "better-auth@1.7.25" -> {"better-auth", "1.7.25"}, "@better-auth/core@npm:^1.7.0" -> {"@better-auth/core",
// "npm:^1.7.0"}. The name is empty when there is no '@' after the first character.
std::pair<std::string_view, std::string_view> split_spec(std::string_view spec);

// Parses a JSON object; `lenient` also takes JSONC (comments, trailing commas). Errors are config errors
// naming "display_name:line:column".
Result<nlohmann::json> parse_lock_json(std::string_view text, std::string_view display_name, bool lenient);

}  // namespace authmigrate::project
