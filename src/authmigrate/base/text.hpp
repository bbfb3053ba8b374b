// Small text helpers shared by the parsers of the core.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace authmigrate {

// `s` without leading and trailing white space (space, tab, CR, LF, VT, FF).
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// `s` with ASCII letters in lower case (SQL keywords, URL schemes, option values: never locale-dependent).
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace authmigrate
