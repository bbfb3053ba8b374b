#include <authmigrate/platform/json_text.hpp>

#include <fmt/format.h>

namespace authmigrate::platform {

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

}  // namespace

Result<nlohmann::ordered_json> parse_json_object(std::string_view text, std::string_view display_name) {
  nlohmann::ordered_json value;
  try {
    value = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is one past the character that failed.
    auto at = location_of(text, e.byte == 0 ? 0 : e.byte - 1);
    return fail(ErrorKind::config, fmt::format("{}:{}:{}: {}", display_name, at.line, at.column, parse_error_text(e)));
  }
  if (!value.is_object()) {
    size_t first = text.find_first_not_of(" \t\r\n");
    auto at = location_of(text, first == std::string_view::npos ? 0 : first);
    return fail(ErrorKind::config, fmt::format("{}:{}:{}: the file must hold a JSON object ({{...}}), not {}",
                                               display_name, at.line, at.column, value.type_name()));
  }
  return value;
}

std::string dump_json_like(const nlohmann::ordered_json& value, std::string_view original) {
  int width = 2;
  char fill = ' ';
  if (auto newline = original.find('\n'); newline != std::string_view::npos) {
    auto indent_end = original.find_first_not_of(" \t", newline + 1);
    auto indent = original.substr(newline + 1, indent_end == std::string_view::npos ? 0 : indent_end - newline - 1);
    if (!indent.empty() && indent[0] == '\t') {
      width = static_cast<int>(indent.size());
      fill = '\t';
    } else if (!indent.empty()) {
      width = static_cast<int>(indent.size());
    }
  }
  std::string text = value.dump(width, fill, false, nlohmann::ordered_json::error_handler_t::strict);
  bool final_newline = original.empty() || original.back() == '\n';
  return final_newline ? text + "\n" : text;
}

Error json_shape_error(std::string_view text, std::string_view display_name, std::string_view key,
                       std::string_view message) {
  auto quoted = fmt::format("\"{}\"", key);
  auto offset = text.find(quoted);
  if (offset == std::string_view::npos) return Error(ErrorKind::config, fmt::format("{}: {}", display_name, message));
  auto at = location_of(text, offset);
  return Error(ErrorKind::config, fmt::format("{}:{}:{}: {}", display_name, at.line, at.column, message));
}

}  // namespace authmigrate::platform
