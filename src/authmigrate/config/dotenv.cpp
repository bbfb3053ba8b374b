// Reads .env text into KEY=value entries the way dotenv (Node) and dbmate read it. Values are taken
// as written: no ${VAR} expansion. A repeated key keeps its first position and its last value.
#include <authmigrate/config/dotenv.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

namespace authmigrate::config {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_key_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'; }

// Drops a UTF-8 byte order mark and turns CRLF and lone CR into LF, as dotenv does.
std::string normalize(std::string_view text) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.starts_with(bom)) text.remove_prefix(bom.size());
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

// Text from the file as it may appear in an error: control characters escaped, at most 60 bytes.
std::string printable(std::string_view text) {
  constexpr size_t k_longest = 60;
  std::string out;
  for (char c : text.substr(0, k_longest)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? fmt::format("\\x{:02X}", byte) : std::string(1, c);
  }
  if (text.size() > k_longest) out += "...";
  return out;
}

// How a malformed line is quoted in an error: its first word only (up to a blank, "=" or a YAML-ish
// ":"), since the rest of a .env line is often a secret.
std::string first_word(std::string_view line) {
  auto end = std::min(line.find_first_of(" \t=:"), line.size());
  if (end < line.size() && line[end] == ':') ++end;
  return printable(line.substr(0, end)) + (end < line.size() ? " ..." : "");
}

std::string_view quote_name(char quote) {
  if (quote == '"') return "double";
  if (quote == '\'') return "single";
  return "backtick";
}

struct Problem {
  int line;
  std::string what;
};

class DotenvParser {
 public:
  explicit DotenvParser(std::string text) : m_text(std::move(text)) {}

  void run() {
    while (!at_end()) parse_line();
  }
  const EnvEntries& entries() const { return m_entries; }
  const std::vector<Problem>& problems() const { return m_problems; }

 private:
  bool at_end() const { return m_pos >= m_text.size(); }
  bool at_line_end() const { return at_end() || m_text[m_pos] == '\n'; }
  char peek() const { return m_text[m_pos]; }
  void advance() {
    if (m_text[m_pos++] == '\n') ++m_line;
  }
  void skip_blanks() {
    while (!at_end() && is_blank(peek())) advance();
  }
  void skip_line() {
    while (!at_line_end()) advance();
    if (!at_end()) advance();
  }
  std::string_view rest_of_line() const {
    const std::string_view text(m_text);
    const auto end = std::min(text.find('\n', m_pos), text.size());
    return text.substr(m_pos, end - m_pos);
  }
  void problem(int line, std::string what) {
    m_problems.push_back({line, std::move(what)});
    skip_line();
  }

  // One line (or several, for a quoted multi-line value); ends at the start of the next line.
  void parse_line() {
    skip_blanks();
    if (at_line_end() || peek() == '#') return skip_line();
    const int line = m_line;
    const size_t line_start = m_pos;
    const auto line_text = rest_of_line();
    if (line_text.starts_with("export") && line_text.size() > 6 && is_blank(line_text[6])) {
      const auto after = line_text.find_first_not_of(" \t", 6);
      if (after != std::string_view::npos && line_text[after] != '=') m_pos += after;
    }
    const size_t key_start = m_pos;
    while (!at_end() && is_key_char(peek())) advance();
    std::string key = m_text.substr(key_start, m_pos - key_start);
    if (key.empty()) {
      if (!at_line_end() && peek() == '=') return problem(line, "missing key before \"=\"");
      return problem(line, fmt::format("expected KEY=value, got \"{}\"", first_word(line_text)));
    }
    const bool key_ends_cleanly = at_line_end() || is_blank(peek()) || peek() == '=' || peek() == ':';
    if (!key_ends_cleanly || !is_key_start(key.front())) {
      const auto written = line_text.substr(key_start - line_start);
      return problem(line, fmt::format("invalid key \"{}\" (use letters, digits, \"_\", \".\" and \"-\", "
                                       "starting with a letter or \"_\")",
                                       printable(written.substr(0, written.find_first_of(" \t=:")))));
    }
    skip_blanks();
    if (at_line_end() || peek() != '=') {
      return problem(line, fmt::format("expected KEY=value, got \"{}\"", first_word(line_text)));
    }
    advance();  // '='
    const size_t value_start = m_pos;
    skip_blanks();
    std::optional<std::string> value;
    if (!at_end() && (peek() == '"' || peek() == '\'' || peek() == '`')) {
      value = quoted_value(peek(), line);
    } else {
      value = unquoted_value(m_pos > value_start);
    }
    if (value) store(std::move(key), std::move(*value));
  }

  // From the opening quote to the closing one, across lines; then only blanks or a comment.
  std::optional<std::string> quoted_value(char quote, int opened_line) {
    advance();
    std::string value;
    while (true) {
      if (at_end()) {
        auto what = fmt::format("unterminated {}-quoted value (opened here)", quote_name(quote));
        m_problems.push_back({opened_line, std::move(what)});
        return std::nullopt;
      }
      const char c = peek();
      advance();
      if (c == quote) break;
      if (quote == '"' && c == '\\' && !at_end()) {
        const char escaped = peek();
        advance();
        switch (escaped) {
          case 'n':
            value += '\n';
            break;
          case 'r':
            value += '\r';
            break;
          case 't':
            value += '\t';
            break;
          case '"':
            value += '"';
            break;
          case '\\':
            value += '\\';
            break;
          default:
            value += '\\';
            value += escaped;
            break;  // unknown escapes stay as written
        }
        continue;
      }
      value += c;
    }
    skip_blanks();
    if (!at_line_end() && peek() != '#') {
      problem(m_line, fmt::format("unexpected text after the closing {} quote", quote_name(quote)));
      return std::nullopt;
    }
    skip_line();
    return value;
  }

  // To the end of the line or a " #" comment, trimmed.
  std::string unquoted_value(bool blank_before) {
    std::string value;
    while (!at_line_end()) {
      const char c = peek();
      if (c == '#' && (value.empty() ? blank_before : is_blank(value.back()))) break;
      value += c;
      advance();
    }
    while (!value.empty() && is_blank(value.back())) value.pop_back();
    skip_line();
    return value;
  }

  void store(std::string key, std::string value) {
    auto [it, inserted] = m_index.try_emplace(key, m_entries.size());
    if (inserted)
      m_entries.emplace_back(std::move(key), std::move(value));
    else
      m_entries[it->second].second = std::move(value);
  }

  std::string m_text;
  size_t m_pos = 0;
  int m_line = 1;
  EnvEntries m_entries;
  std::map<std::string, size_t> m_index;  // key -> position in m_entries
  std::vector<Problem> m_problems;
};

}  // namespace

Result<EnvEntries> parse_dotenv(std::string_view text, std::string_view source_name) {
  DotenvParser parser(normalize(text));
  parser.run();
  const auto& problems = parser.problems();
  if (problems.empty()) return parser.entries();

  auto message = fmt::format("{}:{}: {}", source_name, problems.front().line, problems.front().what);
  if (problems.size() > 1) {
    std::string lines;
    for (size_t i = 1; i < problems.size(); ++i) lines += fmt::format("{}{}", i > 1 ? ", " : "", problems[i].line);
    message += fmt::format(" (and {} more on line{} {})", problems.size() - 1, problems.size() > 2 ? "s" : "", lines);
  }
  return fail(ErrorKind::config, std::move(message));
}

}  // namespace authmigrate::config
