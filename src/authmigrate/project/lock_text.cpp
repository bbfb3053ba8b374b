#include <authmigrate/project/lock_text.hpp>

#include <string>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>

namespace authmigrate::project {

namespace {

struct Location {
  size_t line = 1;
  size_t column = 1;
};

Location location_of(std::string_view text, size_t offset) {
  Location at;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

// nlohmann's message without its "[json.exception...] parse error at line 3, column 5: " prefix.
std::string parse_error_text(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  if (auto column = what.find(", column "); column != std::string::npos) {
    if (auto colon = what.find(": ", column); colon != std::string::npos) return what.substr(colon + 2);
  }
  return what;
}

bool closes_after_blanks(std::string_view text, size_t from) {
  size_t next = text.find_first_not_of(" \t\r\n", from);
  return next != std::string_view::npos && (text[next] == '}' || text[next] == ']');
}

// bun.lock is JSONC with trailing commas, which nlohmann does not take: they become spaces, so the
// offsets of a parse error stay those of the file.
std::string without_trailing_commas(std::string_view text) {
  std::string out(text);
  bool in_string = false;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == ',' && closes_after_blanks(out, i + 1)) {
      out[i] = ' ';
    }
  }
  return out;
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    auto line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string_view unquote(std::string_view s) {
  bool quoted = s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front();
  return quoted ? s.substr(1, s.size() - 2) : s;
}

std::optional<KeyLine> key_line(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) return std::nullopt;
  auto rest = trim(line.substr(indent));
  if (rest.empty() || rest[0] == '#' || rest[0] == '-') return std::nullopt;
  KeyLine out;
  out.indent = indent;
  if (rest[0] == '"' || rest[0] == '\'') {
    size_t close = rest.find(rest[0], 1);
    if (close == std::string_view::npos || close + 1 >= rest.size() || rest[close + 1] != ':') return std::nullopt;
    out.key = rest.substr(1, close - 1);
    rest = rest.substr(close + 2);
  } else if (size_t colon = rest.find(": "); colon != std::string_view::npos) {
    out.key = rest.substr(0, colon);
    rest = rest.substr(colon + 2);
  } else if (rest.back() == ':') {
    out.key = rest.substr(0, rest.size() - 1);
    rest = {};
  } else {
    return std::nullopt;
  }
  out.value = unquote(trim(rest));
  return out;
}

std::pair<std::string_view, std::string_view> split_spec(std::string_view spec) {
  size_t at = spec.find('@', 1);
  if (spec.empty() || at == std::string_view::npos) return {{}, spec};
  return {spec.substr(0, at), spec.substr(at + 1)};
}

Result<nlohmann::json> parse_lock_json(std::string_view text, std::string_view display_name, bool lenient) {
  nlohmann::json value;
  try {
    value = lenient ? nlohmann::json::parse(without_trailing_commas(text), nullptr, true, true)
                    : nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is one past the character that failed.
    auto at = location_of(text, e.byte == 0 ? 0 : e.byte - 1);
    return fail(ErrorKind::config, fmt::format("{}:{}:{}: {}", display_name, at.line, at.column, parse_error_text(e)));
  }
  if (!value.is_object()) {
    return fail(ErrorKind::config,
                fmt::format("{}: the file must hold a JSON object ({{...}}), not {}", display_name, value.type_name()));
  }
  return value;
}

}  // namespace authmigrate::project
