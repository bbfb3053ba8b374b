// Fuzzes config::parse_dotenv. Properties: errors are of kind config and start with the source
// name; parsed keys are well-formed and unique; and no error shows what follows the first "=" of a
// line (a .env value is often a secret: errors quote a line's first word only).
#include <set>
#include <string>
#include <string_view>

#include <authmigrate/config/dotenv.hpp>

#include "fuzz_check.hpp"

namespace {

using namespace authmigrate;
using authmigrate::fuzz::count_of;
constexpr auto npos = std::string_view::npos;

constexpr std::string_view k_marker = "Val7Mark";

bool is_key_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'; }

void check_entries(std::string_view text, const config::EnvEntries& entries) {
  std::set<std::string> keys;
  for (const auto& [key, value] : entries) {
    AM_FUZZ_CHECK(!key.empty() && is_key_start(key.front()), std::string(text));
    for (char c : key) AM_FUZZ_CHECK(is_key_char(c), std::string(text));
    AM_FUZZ_CHECK(keys.insert(key).second, "repeated key " + key);
  }
}

// The text with the marker right after the first "=" of every line ("\r" ends a line too, as in
// the parser); nothing there may be quoted in an error.
std::string mark_values(std::string_view text) {
  std::string out;
  bool seen_equals = false;
  for (char c : text) {
    out += c;
    if (c == '\n' || c == '\r') {
      seen_equals = false;
    } else if (c == '=' && !seen_equals) {
      seen_equals = true;
      out += k_marker;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto text = authmigrate::fuzz::as_text(data, size);
  auto entries = config::parse_dotenv(text, "fuzz.env");
  if (entries) {
    check_entries(text, *entries);
  } else {
    AM_FUZZ_CHECK(entries.error().kind == ErrorKind::config, entries.error().message);
    AM_FUZZ_CHECK(entries.error().message.starts_with("fuzz.env:"), entries.error().message);
  }

  if (count_of(text, k_marker) == 0) {
    const auto marked = mark_values(text);
    auto again = config::parse_dotenv(marked, "fuzz.env");
    if (!again) {
      const auto shown = again.error().describe() + "\n" + again.error().hint;
      AM_FUZZ_CHECK(shown.find(k_marker) == npos, marked + " -> " + shown);
    }
  }
  return 0;
}
