// Edits a TOML file in place, keeping every comment and line the user wrote: toml++ says where a
// value or table is, and the edit touches only those bytes. Each edit re-parses the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <authmigrate/base/error.hpp>

namespace authmigrate::platform {

// Parses TOML; a syntax error becomes a config error "name:line:column: what".
Result<toml::table> parse_toml(std::string_view text, std::string_view display_name);

class TomlText {
 public:
  static Result<TomlText> parse(std::string text, std::string display_name);

  const std::string& text() const { return m_text; }
  const toml::table& table() const { return m_table; }

  // Replaces the value at a dotted path ("start.cmd"), which must exist, with TOML source text.
  Result<void> replace_value(std::string_view path, std::string_view toml_source);
  // Inserts `lines` right below the `[path]` header. False when the table has no header of its
  // own (it is inline, or made by dotted keys): then nothing is changed.
  Result<bool> insert_below_header(std::string_view path, std::string_view lines);
  // Adds a block (a new table with its comment) above the `[before]` header and the comments
  // attached to it, or at the end when there is no such header.
  Result<void> insert_block(std::string_view block, std::string_view before);

 private:
  TomlText(std::string text, std::string name, toml::table table);
  Result<void> set_text(std::string text);
  std::optional<size_t> header_line(std::string_view path) const;
  size_t offset_of(const toml::source_position& position) const;
  std::string with_newlines(std::string_view lines) const;

  std::string m_text;
  std::string m_name;
  toml::table m_table;
  std::vector<size_t> m_line_starts;  // byte offset of every line
  std::string m_newline = "\n";       // the file's own line ending
};

// A TOML basic string: "..." with quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view value);
// ["a", "b"] on one line.
std::string toml_string_array(const std::vector<std::string>& values);

}  // namespace authmigrate::platform
