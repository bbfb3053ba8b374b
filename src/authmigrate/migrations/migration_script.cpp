#include <authmigrate/migrations/migration_script.hpp>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/dialect/sql_words.hpp>

namespace authmigrate::migrations {
namespace {

using config::Dialect;

// The first `n` words of a statement, lower case; a MySQL /*!NNNNN ... */ prefix is read through.
std::vector<std::string> leading_words(std::string_view text, size_t n) {
  if (text.substr(0, 3) == "/*!" || text.substr(0, 4) == "/*M!") {
    size_t i = text.find('!') + 1;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    text.remove_prefix(i);
  }
  return dialect::leading_sql_words(text, n);
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  return lower(text).find(needle) != std::string::npos;
}

// The command's name as far as it is a name (\connect, .import): never the rest of the line, and never
// bytes a terminal would misread when the "command" is a binary file's noise.
std::string_view command_name(std::string_view line) {
  size_t end = 1;
  while (end < line.size() && end < 32 &&
         (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_' || line[end] == '!' ||
          line[end] == '?')) {
    ++end;
  }
  return line.substr(0, end);
}

// A file with a NUL byte is no SQL text; say what it probably is instead of running its noise.
Result<void> refuse_binary(const MigrationFile& file) {
  auto nul = file.content.find('\0');
  if (nul == std::string::npos) return {};
  auto line = 1 + std::count(file.content.begin(), file.content.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
  Error error(ErrorKind::migration_files,
              fmt::format("{} is not SQL text: line {} holds a NUL byte", file.path.string(), line));
  if (file.content.starts_with("PGDMP")) {
    error.hint =
        "this is a pg_dump archive (--format=custom or tar): restore it with pg_restore, or dump with "
        "--format=plain to make a migration of it";
  } else if (file.content.starts_with(std::string_view("SQLite format 3\0", 16))) {
    error.hint = "this is a SQLite database file: `sqlite3 FILE .dump` writes it as SQL";
  } else {
    error.hint = "a migration is a text file of SQL statements; move other files out of the migrations folder";
  }
  return fail(std::move(error));
}

// Why a client command cannot be in a migration; empty when it can be skipped (psql's \restrict).
std::string client_command_problem(std::string_view line, Dialect dialect) {
  auto name = command_name(line);  // never the rest of the line: \connect may carry a password
  if (name == "\\restrict" || name == "\\unrestrict") return {};
  std::string_view advice = "remove it";
  if (name == "\\connect" || name == "\\c") {
    advice = "a migration runs in the database of the URL (pg_dump writes \\connect only with --create)";
  } else if (name == "\\i" || name == "\\ir" || name == "\\include" || name == "\\include_relative") {
    advice = "put the SQL of that file in a migration of its own";
  } else if (name == "\\set") {
    advice = "write the value where the variable is used";
  }
  return fmt::format("`{}` is a {} command, not SQL: authmigrate runs no client command; {}", name,
                     dialect == Dialect::sqlite ? "sqlite3" : "psql", advice);
}

// Why a statement cannot be in a migration; empty when it can.
std::string statement_problem(const SqlStatement& statement, Dialect dialect) {
  if (statement.kind == StatementKind::client_command) return client_command_problem(statement.text, dialect);
  auto w = leading_words(statement.text, 2);
  w.resize(2);
  bool database = w[1] == "database" || (dialect == Dialect::mysql && w[1] == "schema");
  if (dialect == Dialect::mysql && w[0] == "use") {
    return "USE switches to another database, but a migration runs in the database of the URL (mysqldump "
           "writes USE with --databases or --all-databases: dump one database without them)";
  }
  if ((w[0] == "create" || w[0] == "drop") && database) {
    return fmt::format(
        "{} DATABASE works on another database, but a migration runs in the database of the URL: "
        "{} it outside the migrations",
        w[0] == "create" ? "CREATE" : "DROP", w[0] == "create" ? "create" : "drop");
  }
  return {};
}

bool is_transaction_control(const SqlStatement& s) {
  return s.kind == StatementKind::begin_transaction || s.kind == StatementKind::end_transaction;
}

// A DO block's body is quoted text to the splitter: look inside it.
bool changes_session(const SqlStatement& s) {
  if (s.changes_session) return true;
  auto w = leading_words(s.text, 1);
  return !w.empty() && w[0] == "do" && contains_ignoring_case(s.text, "set_config");
}

// The file's own BEGIN first and COMMIT last, and no other transaction control: the runner's
// transaction does what they asked. Anything else breaks the promise that a file is atomic.
bool remove_wrapping_transaction(std::vector<SqlStatement>& statements) {
  auto count = std::count_if(statements.begin(), statements.end(), is_transaction_control);
  if (count != 2) return false;
  auto begin = std::find_if(statements.begin(), statements.end(), is_transaction_control);
  const auto& last = statements.back();
  if (begin->kind != StatementKind::begin_transaction || last.kind != StatementKind::end_transaction) return false;
  auto word = leading_words(last.text, 1);
  if (word.empty() || (word[0] != "commit" && word[0] != "end")) return false;
  statements.pop_back();
  statements.erase(begin);
  return true;
}

}  // namespace

Result<MigrationScript> read_script(const MigrationFile& file, Dialect dialect) {
  if (auto binary = refuse_binary(file); !binary) return fail(std::move(binary.error()));
  MigrationScript script;
  auto all = split_sql(file.content, dialect);
  std::vector<std::pair<int, std::string>> problems;  // line, what is wrong there
  script.statements.reserve(all.size());
  for (auto& statement : all) {
    if (auto problem = statement_problem(statement, dialect); !problem.empty()) {
      problems.emplace_back(statement.line, std::move(problem));
    } else if (statement.kind != StatementKind::client_command) {
      script.changes_session = script.changes_session || changes_session(statement);
      script.statements.push_back(statement);
    }
  }
  bool transactional = file.in_transaction && dialect != Dialect::mysql;
  if (transactional && std::any_of(script.statements.begin(), script.statements.end(), is_transaction_control)) {
    script.own_transaction_removed = remove_wrapping_transaction(script.statements);
    for (const auto& s : script.own_transaction_removed ? std::vector<SqlStatement>{} : script.statements) {
      if (!is_transaction_control(s)) continue;
      problems.emplace_back(
          s.line, fmt::format("`{}` controls the transaction, but authmigrate runs this file in its own transaction",
                              s.text.substr(0, std::min<size_t>(s.text.find_first_of("\n;"), 40))));
    }
  }
  if (problems.empty()) return script;
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> lines;
  for (const auto& [line, problem] : problems) lines.push_back(fmt::format("line {}: {}", line, problem));
  Error error(ErrorKind::migration_files,
              fmt::format("{} cannot run as written:\n  {}", file.path.string(), fmt::join(lines, "\n  ")));
  if (std::any_of(problems.begin(), problems.end(),
                  [](const auto& p) { return p.second.find("controls the transaction") != std::string::npos; })) {
    error.hint =
        "wrap the whole file in one BEGIN ... COMMIT (authmigrate runs it as its transaction), remove the "
        "transaction control, or put `-- authmigrate:no-transaction` on the first line to manage "
        "transactions yourself";
  }
  return fail(std::move(error));
}

}  // namespace authmigrate::migrations
