#include <authmigrate/dialect/sql_words.hpp>

#include <authmigrate/base/text.hpp>

namespace authmigrate::dialect {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<std::string> sql_words(std::string_view sql, std::size_t limit) {
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < sql.size() && tokens.size() < limit;) {
    char c = sql[i];
    if (space(c)) {
      ++i;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      std::size_t end = sql.find(c == '[' ? ']' : c, i + 1);
      tokens.emplace_back("'");
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (word_char(c)) {
      std::size_t end = i;
      while (end < sql.size() && word_char(sql[end])) ++end;
      tokens.push_back(lower(sql.substr(i, end - i)));
      i = end;
    } else {
      tokens.emplace_back(1, c);
      ++i;
    }
  }
  return tokens;
}

std::vector<std::string> leading_sql_words(std::string_view sql, std::size_t limit) {
  std::vector<std::string> words = sql_words(sql, limit);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!word_char(words[i][0])) {
      words.resize(i);
      break;
    }
  }
  return words;
}

bool has_token_pair(const std::vector<std::string>& tokens, std::string_view first, std::string_view second) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i] == first && tokens[i + 1] == second) return true;
  return false;
}

}  // namespace authmigrate::dialect
