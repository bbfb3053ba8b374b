// Fuzzes migrations::split_sql in every dialect, and migrations::parse_migration_name. Properties:
// each statement is a non-empty view into the script at its offset, starting at a significant
// character, after the previous one, on the line line_at() gives (so lines never go down); a
// statement split again on its own is that one statement, where its split did not depend on what
// came before it (a MySQL DELIMITER in force; a sqlite3 '.' that was not at the start of a line);
// a parsed migration name rebuilds the file name from its version and description.
#include <cctype>
#include <string>
#include <string_view>

#include <authmigrate/migrations/migration_name.hpp>
#include <authmigrate/migrations/sql_splitter.hpp>

#include "fuzz_check.hpp"

namespace {

using namespace authmigrate;
using config::Dialect;

bool mentions_delimiter(std::string_view script) {
  std::string lower(script);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("delimiter") != std::string::npos;
}

void check_statements(std::string_view script, Dialect dialect) {
  const auto statements = migrations::split_sql(script, dialect);
  auto where = [&] { return std::string(config::to_string(dialect)) + ": " + std::string(script.substr(0, 200)); };
  const bool delimiter = dialect == Dialect::mysql && mentions_delimiter(script);
  size_t previous_end = 0;
  int previous_line = 1;
  for (const auto& s : statements) {
    AM_FUZZ_CHECK(!s.text.empty(), where());
    AM_FUZZ_CHECK(s.offset >= previous_end, where());
    AM_FUZZ_CHECK(s.offset <= script.size() && s.text.size() <= script.size() - s.offset, where());
    AM_FUZZ_CHECK(s.text.data() == script.data() + s.offset, where());
    AM_FUZZ_CHECK(s.text == script.substr(s.offset, s.text.size()), where());
    AM_FUZZ_CHECK(!std::isspace(static_cast<unsigned char>(s.text.front())) && s.text.front() != ';', where());
    AM_FUZZ_CHECK(s.line == migrations::line_at(script, s.offset), where());
    AM_FUZZ_CHECK(s.line >= previous_line, where());
    previous_end = s.offset + s.text.size();
    previous_line = s.line;

    if (delimiter || (dialect == Dialect::sqlite && s.text.front() == '.')) continue;
    const auto alone = migrations::split_sql(s.text, dialect);
    AM_FUZZ_CHECK(alone.size() == 1 && alone[0].text == s.text, where() + "\nstatement: " + std::string(s.text));
  }
}

void check_migration_name(std::string_view name) {
  auto parsed = migrations::parse_migration_name(name);
  if (!parsed) {
    AM_FUZZ_CHECK(parsed.error().kind == ErrorKind::migration_files, std::string(name));
    return;
  }
  AM_FUZZ_CHECK(parsed->file_name == name, std::string(name));
  AM_FUZZ_CHECK(!parsed->version.empty(), std::string(name));
  const auto rebuilt = parsed->version + (parsed->description.empty() ? "" : "_" + parsed->description) + ".sql";
  AM_FUZZ_CHECK(rebuilt == name, std::string(name) + " -> " + rebuilt);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto text = authmigrate::fuzz::as_text(data, size);
  for (auto dialect : {Dialect::postgres, Dialect::mysql, Dialect::sqlite}) check_statements(text, dialect);
  // A file name is one line; the first one stands in for it.
  check_migration_name(text.substr(0, text.find('\n')));
  return 0;
}
