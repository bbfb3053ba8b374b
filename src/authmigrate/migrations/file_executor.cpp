#include <authmigrate/migrations/file_executor.hpp>

#include <fmt/format.h>

#include <authmigrate/migrations/sql_splitter.hpp>

namespace authmigrate::migrations {
namespace {

// PostgreSQL counts positions in characters; step over UTF-8 continuation bytes to find the byte.
size_t byte_offset_of_character(std::string_view text, size_t character_index) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == character_index) return i;
      ++chars;
    }
  }
  return text.size();
}

// The line of the file the server pointed at, or the statement's first line.
int failing_line(const MigrationFile& file, const SqlStatement& statement, const db::StatementFailure& failure,
                 config::Dialect dialect) {
  if (failure.position && *failure.position > 0) {
    auto index = *failure.position - 1;
    auto offset = dialect == config::Dialect::sqlite ? std::min(index, statement.text.size())
                                                     : byte_offset_of_character(statement.text, index);
    return line_at(file.content, statement.offset + offset);
  }
  if (failure.line) return statement.line + *failure.line - 1;
  return statement.line;
}

Result<void> run_statement(db::Connection& connection, const SqlStatement& statement, db::StatementFailure& failure) {
  if (statement.kind == StatementKind::copy_from_stdin) {
    return connection.copy_from_stdin(statement.text, statement.copy_data, &failure);
  }
  return connection.execute(statement.text, &failure);
}

}  // namespace

Result<void> execute_file(db::Connection& connection, const MigrationFile& file, const MigrationScript& script,
                          ExecutionProgress& progress) {
  const auto& statements = script.statements;
  if (script.changes_session) AM_TRY(connection.save_session());
  for (size_t i = 0; i < statements.size(); ++i) {
    db::StatementFailure failure;
    auto result = run_statement(connection, statements[i], failure);
    if (!result) {
      int line = failing_line(file, statements[i], failure, connection.dialect());
      return fail(std::move(result.error().within(
          fmt::format("{}:{} (statement {} of {})", file.path.string(), line, i + 1, statements.size()))));
    }
    ++progress.statements_done;
  }
  if (script.changes_session) {
    if (auto reset = connection.reset_session(); !reset) {
      return fail(
          std::move(reset.error().within("resetting the session settings " + file.name.file_name + " changed")));
    }
  }
  return {};
}

}  // namespace authmigrate::migrations
