#include <authmigrate/migrations/sql_splitter.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <authmigrate/base/text.hpp>

namespace authmigrate::migrations {

int line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

namespace {

using config::Dialect;

// ASCII only, without the locale lookups of <cctype>: this runs for every byte of a dump.
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// What the words of the statement being read say about it.
struct StatementWords {
  std::array<std::string, 3> first;  // lower case
  int count = 0;
  bool compound = false;  // a routine or trigger whose body may hold BEGIN ... END with ';' inside
  int depth = 0;          // open BEGIN / CASE blocks inside that body
  bool copy_from_stdin = false;
  bool calls_set_config = false;
  bool plain_create = false;  // CREATE TABLE / VIEW / INDEX ...: a table named `event` opens no body
  std::string previous;       // lower case, kept only while it can matter (COPY ... FROM stdin)
};

class Scanner {
 public:
  Scanner(std::string_view s, Dialect d) : m_s(s), m_d(d) {}

  std::vector<SqlStatement> run() {
    while (m_i < m_s.size()) {
      if (m_start == std::string_view::npos && client_line()) continue;
      if (skip_comment()) continue;
      if (at_delimiter()) {
        m_i += m_delimiter.size();
        flush();
        continue;
      }
      if (is_blank(m_s[m_i])) {
        ++m_i;
        continue;
      }
      if (m_start == std::string_view::npos) m_start = m_i;
      skip_token();
      m_last = m_i;
    }
    flush();
    return std::move(m_out);
  }

 private:
  bool at(std::string_view token) const { return m_s.compare(m_i, token.size(), token) == 0; }

  // A custom DELIMITER ends a statement wherever it stands; ';' only outside a compound body.
  bool at_delimiter() const {
    if (m_delimiter.size() == 1) return m_s[m_i] == m_delimiter[0] && m_words.depth == 0;
    return at(m_delimiter);
  }

  int line_of(size_t offset) {
    m_line += static_cast<int>(std::count(m_s.begin() + static_cast<std::ptrdiff_t>(m_line_pos),
                                          m_s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    m_line_pos = offset;
    return m_line;
  }

  size_t end_of_line(size_t from) const {
    auto nl = m_s.find('\n', from);
    return nl == std::string_view::npos ? m_s.size() : nl + 1;
  }

  void flush() {
    if (m_start != std::string_view::npos) {
      SqlStatement statement{m_s.substr(m_start, m_last - m_start), m_start, line_of(m_start), kind(), {}};
      const auto& first = m_words.first[0];
      statement.changes_session = m_words.calls_set_config || first == "set" || first == "reset";
      m_out.push_back(statement);
      if (statement.kind == StatementKind::copy_from_stdin) read_copy_data();
    }
    m_start = std::string_view::npos;
    m_words = StatementWords{};
  }

  StatementKind kind() const {
    const auto& w = m_words.first;
    if (m_words.copy_from_stdin) return StatementKind::copy_from_stdin;
    if ((w[0] == "begin" && !m_words.compound) || (w[0] == "start" && w[1] == "transaction")) {
      return StatementKind::begin_transaction;
    }
    bool savepoint = w[1] == "to" || w[2] == "to";
    if (one_of(w[0], {"commit", "end", "abort"}) || (w[0] == "rollback" && !savepoint)) {
      return StatementKind::end_transaction;
    }
    return StatementKind::sql;
  }

  // psql copies the lines after `COPY ... FROM stdin;` up to a line `\.` (or the end of the file).
  void read_copy_data() {
    size_t begin = end_of_line(m_i);
    size_t pos = begin;
    while (pos < m_s.size()) {
      size_t next = end_of_line(pos);
      auto line = m_s.substr(pos, next - pos);
      if (line == "\\.\n" || line == "\\.\r\n" || line == "\\.") {
        m_out.back().copy_data = m_s.substr(begin, pos - begin);
        m_i = next;
        return;
      }
      pos = next;
    }
    m_out.back().copy_data = m_s.substr(begin);
    m_i = m_s.size();
  }

  // Lines for the client rather than the server, where a statement may start: psql's \commands,
  // sqlite3's .commands (kept as statements, so that the caller can refuse them with their line) and
  // the mysql client's DELIMITER (obeyed).
  bool client_line() {
    char c = m_s[m_i];
    bool meta = (m_d == Dialect::postgres && c == '\\') || (m_d == Dialect::sqlite && c == '.' && line_start());
    if (meta) {
      size_t next = end_of_line(m_i);
      auto text = m_s.substr(m_i, next - m_i);
      while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
      m_out.push_back(SqlStatement{text, m_i, line_of(m_i), StatementKind::client_command, {}, false});
      m_i = next;
      return true;
    }
    if (m_d != Dialect::mysql || !line_start() || lower(std::string(m_s.substr(m_i, 9))) != "delimiter" ||
        m_i + 9 >= m_s.size() || (m_s[m_i + 9] != ' ' && m_s[m_i + 9] != '\t')) {
      return false;
    }
    size_t next = end_of_line(m_i);
    auto rest = std::string(trim(m_s.substr(m_i + 9, next - m_i - 9)));
    auto space = rest.find_first_of(" \t");
    if (space != std::string::npos) rest.resize(space);
    if (!rest.empty()) m_delimiter = rest;
    m_i = next;
    return true;
  }

  bool line_start() const {
    size_t j = m_i;
    while (j > 0 && (m_s[j - 1] == ' ' || m_s[j - 1] == '\t')) --j;
    return j == 0 || m_s[j - 1] == '\n';
  }

  bool skip_comment() {
    char c = m_s[m_i];
    if (c != '-' && c != '/' && c != '#') return false;  // the common case, without a compare per byte
    if (at("--") || (m_d == Dialect::mysql && at("#"))) {
      m_i = end_of_line(m_i);
      return true;
    }
    if (!at("/*") || (m_d == Dialect::mysql && (at("/*!") || at("/*M!")))) return false;  // MySQL runs /*! */
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

  // Moves past one token: a quoted string or identifier, a dollar-quoted body, a word, one character.
  void skip_token() {
    char c = m_s[m_i];
    if (c == '\'') {
      bool escape_string =
          m_i > 0 && (m_s[m_i - 1] == 'E' || m_s[m_i - 1] == 'e') && (m_i == 1 || !is_word_char(m_s[m_i - 2]));
      skip_quoted('\'', m_d == Dialect::mysql || (m_d == Dialect::postgres && escape_string));
    } else if (c == '"') {
      skip_quoted('"', m_d == Dialect::mysql);
    } else if (c == '`' && m_d != Dialect::postgres) {
      skip_quoted('`', false);
    } else if (c == '[' && m_d == Dialect::sqlite) {
      auto close = m_s.find(']', m_i + 1);
      m_i = close == std::string_view::npos ? m_s.size() : close + 1;
    } else if (c == '/' && m_d == Dialect::mysql && at("/*")) {
      auto close = m_s.find("*/", m_i + 2);
      m_i = close == std::string_view::npos ? m_s.size() : close + 2;
    } else if (c == '$' && m_d == Dialect::postgres && skip_dollar_quoted()) {
      return;
    } else if (is_word_char(c)) {
      // A word in one step, so "$" inside a name is not a dollar quote.
      size_t begin = m_i;
      bool custom = m_delimiter != ";";
      while (m_i < m_s.size() && (is_word_char(m_s[m_i]) || m_s[m_i] == '$') && !(custom && at(m_delimiter))) ++m_i;
      on_word(m_s.substr(begin, m_i - begin));
    } else {
      ++m_i;
    }
  }

  // Most words of a dump are the values of INSERTs: only the first few, and those of the statements
  // that need them (CREATE, COPY, compound bodies), are looked at in lower case.
  void on_word(std::string_view raw) {
    auto& w = m_words;
    if (raw.size() == 10 && lower(raw) == "set_config") w.calls_set_config = true;
    bool needed =
        w.count < 3 || w.first[0] == "copy" || (w.count < 8 && (w.first[0] == "create" || w.first[0] == "begin"));
    if (!needed && !w.compound) {
      ++w.count;
      return;
    }
    std::string word = lower(raw);
    if (w.count < 3) w.first[static_cast<size_t>(w.count)] = word;
    ++w.count;
    if (m_d == Dialect::postgres && w.previous == "from" && word == "stdin" && w.first[0] == "copy") {
      w.copy_from_stdin = true;
    }
    if (w.first[0] == "create" && !w.compound &&
        one_of(word,
               {"table", "view", "index", "unique", "sequence", "schema", "database", "type", "domain", "user"})) {
      w.plain_create = true;
    }
    if (!w.compound && !w.plain_create && w.count <= 8 && w.first[0] == "create" && opens_body(word)) w.compound = true;
    if (!w.compound && w.count == 2 && m_d == Dialect::mysql && w.first[0] == "begin" && word == "not") {
      w.compound = true;  // MariaDB's anonymous BEGIN NOT ATOMIC ... END block
      w.depth = 1;
    }
    if (w.compound) count_block(word);
    w.previous = std::move(word);
  }

  bool opens_body(std::string_view word) const {
    switch (m_d) {
      case Dialect::postgres:
        return one_of(word, {"function", "procedure"});  // BEGIN ATOMIC bodies
      case Dialect::mysql:
        return one_of(word, {"trigger", "procedure", "function", "event"});
      case Dialect::sqlite:
        return word == "trigger";
    }
    return false;
  }

  // BEGIN and CASE open a block that END closes; END IF / LOOP / WHILE / REPEAT / FOR close blocks
  // that were never counted, and END CASE closes a CASE.
  void count_block(std::string_view word) {
    auto& w = m_words;
    if (word == "begin" || word == "case") {
      ++w.depth;
      return;
    }
    if (word != "end") return;
    size_t j = m_i;
    while (j < m_s.size() && is_blank(m_s[j])) ++j;
    size_t k = j;
    while (k < m_s.size() && is_word_char(m_s[k])) ++k;
    auto next = lower(std::string(m_s.substr(j, k - j)));
    if (one_of(next, {"if", "loop", "while", "repeat", "for", "case"})) m_i = k;
    if (next != "case" && one_of(next, {"if", "loop", "while", "repeat", "for"})) return;
    if (w.depth > 0) --w.depth;
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
    m_i = std::min(m_i, m_s.size());
  }

  // $$ ... $$ or $tag$ ... $tag$; false if this '$' does not open one (e.g. $1).
  bool skip_dollar_quoted() {
    size_t j = m_i + 1;
    while (j < m_s.size() && is_word_char(m_s[j])) ++j;
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
  size_t m_start = std::string_view::npos;  // first significant character of the current statement
  size_t m_last = 0;                        // one past its last significant character
  StatementWords m_words;
  std::string m_delimiter = ";";
  size_t m_line_pos = 0;
  int m_line = 1;
  std::vector<SqlStatement> m_out;
};

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view script, config::Dialect dialect) {
  return Scanner(script, dialect).run();
}

}  // namespace authmigrate::migrations
