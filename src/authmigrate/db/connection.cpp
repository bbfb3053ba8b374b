#include <authmigrate/db/connection.hpp>

namespace authmigrate::db {

std::string quote_identifier(Dialect dialect, std::string_view name) {
  const char quote = dialect == Dialect::mysql ? '`' : '"';
  std::string out;
  out.reserve(name.size() + 2);
  out += quote;
  for (char c : name) {
    if (c == quote) out += quote;  // doubled, as every dialect wants
    out += c;
  }
  out += quote;
  return out;
}

std::string quote_literal(Dialect dialect, std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  for (char c : text) {
    if (c == '\'') out += '\'';
    if (c == '\\' && dialect == Dialect::mysql) out += '\\';  // MySQL treats backslash as an escape
    out += c;
  }
  out += '\'';
  return out;
}

Result<void> Connection::copy_from_stdin(std::string_view, std::string_view, StatementFailure*) {
  return fail(ErrorKind::migration_failed, "COPY ... FROM stdin is PostgreSQL's; this database has no such statement");
}

std::string Connection::quote_identifier(std::string_view name) const { return db::quote_identifier(dialect(), name); }
std::string Connection::quote_literal(std::string_view text) const { return db::quote_literal(dialect(), text); }

}  // namespace authmigrate::db
