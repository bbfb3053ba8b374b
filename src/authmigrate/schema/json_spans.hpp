// Private to the catalogue: finding a part of a JSON text without parsing the rest, so a command parses
// only the release range it uses. The texts are the catalogue's own (valid JSON, built in); on text that
// is not, these return empty views rather than guess.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace authmigrate::schema::json_spans {

// The value of member `key` of the JSON object `object`, as written; empty when `object` is not an
// object or has no such member. `key` is matched against the member name as written (no escapes).
std::string_view member(std::string_view object, std::string_view key);

// The names of the members of the JSON object `object`, in order, as written; empty when it is not one.
std::vector<std::string_view> member_names(std::string_view object);

// The elements of the JSON array `array`, each as written; empty when `array` is not an array.
std::vector<std::string_view> elements(std::string_view array);

// The contents of a JSON string that holds no escape ("\"1.7.3\"" -> "1.7.3"); nullopt otherwise.
std::optional<std::string_view> plain_string(std::string_view text);

}  // namespace authmigrate::schema::json_spans
