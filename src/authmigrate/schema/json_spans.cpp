#include <authmigrate/schema/json_spans.hpp>

#include <array>
#include <cstring>

namespace authmigrate::schema::json_spans {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t skip_space(std::string_view text, std::size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
  return at;
}

// `at` is on the opening quote: the position after the closing one, or npos. memchr finds each quote;
// one is the end unless an odd run of backslashes escapes it.
std::size_t skip_string(std::string_view text, std::size_t at) {
  const std::size_t start = at + 1;
  for (std::size_t from = start; from < text.size();) {
    const void* found = std::memchr(text.data() + from, '"', text.size() - from);
    if (!found) return npos;
    std::size_t quote = static_cast<const char*>(found) - text.data();
    std::size_t backslashes = 0;
    while (quote - backslashes > start && text[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
  return npos;
}

// The characters a container's scan stops at; everything else is skipped a byte at a time in a tight
// loop (the catalogue is scanned on every run: this is most of a no-op's own parsing).
constexpr std::array<bool, 256> structural_table() {
  std::array<bool, 256> table{};
  for (unsigned char c : {'"', '{', '[', '}', ']'}) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> k_structural = structural_table();

// `at` is on the first character of a value: the position after it, or npos.
std::size_t skip_value(std::string_view text, std::size_t at) {
  if (at >= text.size()) return npos;
  if (text[at] == '"') return skip_string(text, at);
  if (text[at] != '{' && text[at] != '[') {
    while (at < text.size() && text[at] != ',' && text[at] != '}' && text[at] != ']' && text[at] != ' ' &&
           text[at] != '\n' && text[at] != '\t' && text[at] != '\r')
      ++at;
    return at;
  }
  int depth = 0;
  while (at < text.size()) {
    while (at < text.size() && !k_structural[static_cast<unsigned char>(text[at])]) ++at;
    if (at >= text.size()) break;
    char c = text[at];
    if (c == '"') {
      at = skip_string(text, at);
      if (at == npos) return npos;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && --depth == 0) return at + 1;
    ++at;
  }
  return npos;
}

// Walks the members (`open` '{') or elements ('[') of a container; calls visit(name, value) for each,
// name empty for elements, until visit returns true. False when the text is not such a container.
template <typename Visit>
bool walk(std::string_view text, char open, Visit visit) {
  std::size_t at = skip_space(text, 0);
  if (at >= text.size() || text[at] != open) return false;
  const char close = open == '{' ? '}' : ']';
  at = skip_space(text, at + 1);
  if (at < text.size() && text[at] == close) return true;
  while (at < text.size()) {
    std::string_view name;
    if (open == '{') {
      std::size_t end = text[at] == '"' ? skip_string(text, at) : npos;
      if (end == npos) return false;
      name = text.substr(at + 1, end - at - 2);
      at = skip_space(text, end);
      if (at >= text.size() || text[at] != ':') return false;
      at = skip_space(text, at + 1);
    }
    std::size_t end = skip_value(text, at);
    if (end == npos || end == at) return false;
    if (visit(name, text.substr(at, end - at))) return true;
    at = skip_space(text, end);
    if (at < text.size() && text[at] == close) return true;
    if (at >= text.size() || text[at] != ',') return false;
    at = skip_space(text, at + 1);
  }
  return false;
}

}  // namespace

std::string_view member(std::string_view object, std::string_view key) {
  std::string_view found;
  walk(object, '{', [&](std::string_view name, std::string_view value) {
    if (name != key) return false;
    found = value;
    return true;
  });
  return found;
}

std::vector<std::string_view> member_names(std::string_view object) {
  std::vector<std::string_view> out;
  bool whole = walk(object, '{', [&](std::string_view name, std::string_view) {
    out.push_back(name);
    return false;
  });
  if (!whole) out.clear();
  return out;
}

std::vector<std::string_view> elements(std::string_view array) {
  std::vector<std::string_view> out;
  bool whole = walk(array, '[', [&](std::string_view, std::string_view value) {
    out.push_back(value);
    return false;
  });
  if (!whole) out.clear();
  return out;
}

std::optional<std::string_view> plain_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::nullopt;
  std::string_view inner = text.substr(1, text.size() - 2);
  if (inner.find_first_of("\\\"") != npos) return std::nullopt;
  return inner;
}

}  // namespace authmigrate::schema::json_spans
