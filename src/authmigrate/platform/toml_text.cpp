#include <authmigrate/platform/toml_text.hpp>
#include <authmigrate/base/text.hpp>

#include <fmt/format.h>

namespace authmigrate::platform {

namespace {

// The dotted name of a `[table]` header line ("[ phases . 'build' ]" -> "phases.build"), or empty.
std::string header_name(std::string_view line) {
  line = trim(line);
  if (line.size() < 3 || line[0] != '[' || line[1] == '[') return {};
  auto close = line.find(']');
  if (close == std::string_view::npos) return {};
  auto rest = trim(line.substr(close + 1));
  if (!rest.empty() && rest[0] != '#') return {};
  std::string name;
  for (char c : line.substr(1, close - 1)) {
    if (c != ' ' && c != '\t' && c != '"' && c != '\'') name += c;
  }
  return name;
}

}  // namespace

Result<toml::table> parse_toml(std::string_view text, std::string_view display_name) {
  try {
    return toml::parse(text, std::string(display_name));
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return fail(ErrorKind::config,
                fmt::format("{}:{}:{}: {}", display_name, where.line, where.column, e.description()));
  }
}

TomlText::TomlText(std::string text, std::string name, toml::table table)
    : m_text(std::move(text)), m_name(std::move(name)), m_table(std::move(table)) {
  if (m_text.find("\r\n") != std::string::npos) m_newline = "\r\n";
  m_line_starts.push_back(0);
  for (size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  }
}

Result<TomlText> TomlText::parse(std::string text, std::string display_name) {
  auto table = parse_toml(text, display_name);
  if (!table) return fail(std::move(table.error()));
  return TomlText(std::move(text), std::move(display_name), std::move(*table));
}

Result<void> TomlText::set_text(std::string text) {
  auto reparsed = TomlText::parse(std::move(text), m_name);
  if (!reparsed) {
    return fail(Error(ErrorKind::config,
                      fmt::format("{}: the edit would not be valid TOML ({})", m_name, reparsed.error().message))
                    .with_hint("make the change by hand; see docs/platforms.md for what authmigrate writes"));
  }
  *this = std::move(*reparsed);
  return {};
}

size_t TomlText::offset_of(const toml::source_position& position) const {
  size_t line = std::min<size_t>(position.line, m_line_starts.size());
  size_t offset = m_line_starts[line == 0 ? 0 : line - 1];
  // Columns count code points, not bytes.
  for (size_t column = 1; column < position.column && offset < m_text.size(); ++column) {
    ++offset;
    while (offset < m_text.size() && (static_cast<unsigned char>(m_text[offset]) & 0xC0) == 0x80) ++offset;
  }
  return offset;
}

std::string TomlText::with_newlines(std::string_view lines) const {
  std::string out;
  for (char c : lines) {
    if (c == '\n')
      out += m_newline;
    else
      out += c;
  }
  return out;
}

std::optional<size_t> TomlText::header_line(std::string_view path) const {
  const auto* table = m_table.at_path(path).as_table();
  if (!table || table->is_inline()) return std::nullopt;
  for (size_t i = 0; i < m_line_starts.size(); ++i) {
    size_t end = i + 1 < m_line_starts.size() ? m_line_starts[i + 1] : m_text.size();
    if (header_name(std::string_view(m_text).substr(m_line_starts[i], end - m_line_starts[i])) == path) return i;
  }
  return std::nullopt;
}

Result<void> TomlText::replace_value(std::string_view path, std::string_view toml_source) {
  const auto* node = m_table.at_path(path).node();
  if (!node) return fail(ErrorKind::internal, fmt::format("{}: no value at {}", m_name, path));
  size_t begin = offset_of(node->source().begin);
  size_t end = offset_of(node->source().end);
  std::string text = m_text;
  text.replace(begin, end - begin, toml_source);
  return set_text(std::move(text));
}

Result<bool> TomlText::insert_below_header(std::string_view path, std::string_view lines) {
  auto line = header_line(path);
  if (!line) return false;
  std::string text = m_text;
  size_t at = *line + 1 < m_line_starts.size() ? m_line_starts[*line + 1] : text.size();
  if (at == text.size() && !text.empty() && text.back() != '\n') {
    text += m_newline;
    at = text.size();
  }
  text.insert(at, with_newlines(lines));
  AM_TRY(set_text(std::move(text)));
  return true;
}

Result<void> TomlText::insert_block(std::string_view block, std::string_view before) {
  std::string text = m_text;
  std::optional<size_t> line = before.empty() ? std::nullopt : header_line(before);
  if (line) {
    size_t first = *line;
    while (first > 0) {
      size_t end = m_line_starts[first];
      auto above = trim(std::string_view(m_text).substr(m_line_starts[first - 1], end - m_line_starts[first - 1]));
      if (above.empty() || above[0] != '#') break;
      --first;
    }
    text.insert(m_line_starts[first], with_newlines(std::string(block) + "\n"));
  } else {
    if (!text.empty()) {
      if (text.back() != '\n') text += m_newline;
      // One blank line between what was there and the new table.
      std::string blank = m_newline + m_newline;
      if (text.size() < blank.size() || text.compare(text.size() - blank.size(), blank.size(), blank) != 0) {
        text += m_newline;
      }
    }
    text += with_newlines(block);
  }
  return set_text(std::move(text));
}

std::string toml_string(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string toml_string_array(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += toml_string(values[i]);
  }
  return out + "]";
}

}  // namespace authmigrate::platform
