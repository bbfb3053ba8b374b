// "did you mean `x`?" hints for misspelled names (plugins, options, field types).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace authmigrate::schema {

// The hint naming the closest candidate (case-insensitive edit distance at most a third of the
// word, at least 2), or an empty string when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace authmigrate::schema
