// The .env file format as dotenv (Node) and dbmate read it: KEY=value lines, optional `export `,
// single, double and back quotes, # comments, escapes (\n, \t, \", \\) inside double quotes,
// multi-line values inside quotes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::config {

using EnvEntries = std::vector<std::pair<std::string, std::string>>;

// `source_name` is used in errors: "<source_name>:<line>: <what is wrong>" (kind config).
Result<EnvEntries> parse_dotenv(std::string_view text, std::string_view source_name);

}  // namespace authmigrate::config
