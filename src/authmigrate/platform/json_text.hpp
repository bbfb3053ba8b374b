// JSON config files read and written the way npm writes package.json: keys in their order, the
// file's own indentation, a final newline. A file whose meaning does not change is not rewritten.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <authmigrate/base/error.hpp>

namespace authmigrate::platform {

// Parses a JSON object; errors are config errors naming "name:line:column".
Result<nlohmann::ordered_json> parse_json_object(std::string_view text, std::string_view display_name);

// The value as text, indented like `original` (two spaces when it is empty or on one line).
std::string dump_json_like(const nlohmann::ordered_json& value, std::string_view original);

// A config error about `"key"` in the file, located at the line where the key is first written.
Error json_shape_error(std::string_view text, std::string_view display_name, std::string_view key,
                       std::string_view message);

}  // namespace authmigrate::platform
