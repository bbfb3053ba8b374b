#include <authmigrate/migrations/sql_splitter.hpp>

#include <algorithm>
#include <cctype>

namespace authmigrate::migrations {

int line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

namespace {

using config::Dialect;

class Scanner {
 public:
  Scanner(std::string_view s, Dialect d) : m_s(s), m_d(d) {}

  std::vector<SqlStatement> run() {
    std::vector<SqlStatement> out;
    size_t start = std::string_view::npos;  // first significant character of the current statement
    size_t last = 0;                        // one past its last significant character
    while (m_i < m_s.size()) {
      char c = m_s[m_i];
      if (skip_comment()) continue;
      if (c == ';') {
        flush(out, start, last);
        start = std::string_view::npos;
        ++m_i;
        continue;
      }
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++m_i;
        continue;
      }
      if (start == std::string_view::npos) start = m_i;
      skip_token();
      last = m_i;
    }
    flush(out, start, last);
    return out;
  }

 private:
  void flush(std::vector<SqlStatement>& out, size_t start, size_t last) {
    if (start == std::string_view::npos) return;
    out.push_back(SqlStatement{m_s.substr(start, last - start), start, line_at(m_s, start)});
  }

  bool at(std::string_view token) const { return m_s.substr(m_i, token.size()) == token; }

  bool skip_comment() {
    if (at("--") || (m_d == Dialect::mysql && at("#"))) {
      auto nl = m_s.find('\n', m_i);
      m_i = nl == std::string_view::npos ? m_s.size() : nl + 1;
      return true;
    }
    if (at("/*")) {
      int depth = 0;
      while (m_i < m_s.size()) {
        if (at("/*")) {
          ++depth;
          m_i += 2;
        } else if (at("*/")) {
          m_i += 2;
          if (--depth == 0 || m_d != Dialect::postgres) return true;  // only PostgreSQL nests
        } else {
          ++m_i;
        }
      }
      return true;
    }
    return false;
  }

  // Moves past one token: a quoted string or identifier, a dollar-quoted body, or one character.
  void skip_token() {
    char c = m_s[m_i];
    if (c == '\'') {
      bool backslash = m_d == Dialect::mysql || (m_i > 0 && (m_s[m_i - 1] == 'E' || m_s[m_i - 1] == 'e') &&
                                                 m_d == Dialect::postgres);
      skip_quoted('\'', backslash);
    } else if (c == '"') {
      skip_quoted('"', m_d == Dialect::mysql);
    } else if (c == '`' && m_d == Dialect::mysql) {
      skip_quoted('`', false);
    } else if (c == '$' && m_d == Dialect::postgres && skip_dollar_quoted()) {
      return;
    } else {
      // Identifiers and keywords in one step, so "$" inside a name is not a dollar quote.
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
        while (m_i < m_s.size() &&
               (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '_' || m_s[m_i] == '$')) {
          ++m_i;
        }
        return;
      }
      ++m_i;
    }
  }

  void skip_quoted(char quote, bool backslash_escapes) {
    ++m_i;
    while (m_i < m_s.size()) {
      char c = m_s[m_i];
      if (backslash_escapes && c == '\\') {
        m_i += 2;
        continue;
      }
      ++m_i;
      if (c == quote) {
        if (m_i < m_s.size() && m_s[m_i] == quote) {
          ++m_i;  // doubled quote
          continue;
        }
        return;
      }
    }
  }

  // $$ ... $$ or $tag$ ... $tag$; false if this '$' does not open one (e.g. $1).
  bool skip_dollar_quoted() {
    size_t j = m_i + 1;
    while (j < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[j])) || m_s[j] == '_')) ++j;
    if (j >= m_s.size() || m_s[j] != '$') return false;
    if (j > m_i + 1 && std::isdigit(static_cast<unsigned char>(m_s[m_i + 1]))) return false;
    auto tag = m_s.substr(m_i, j - m_i + 1);
    auto close = m_s.find(tag, j + 1);
    m_i = close == std::string_view::npos ? m_s.size() : close + tag.size();
    return true;
  }

  std::string_view m_s;
  Dialect m_d;
  size_t m_i = 0;
};

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view script, config::Dialect dialect) {
  return Scanner(script, dialect).run();
}

}  // namespace authmigrate::migrations
