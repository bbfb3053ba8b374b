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

}  // namespace

Result<void> execute_file(db::Connection& connection, const MigrationFile& file, ExecutionProgress& progress) {
  const std::string_view content = file.content;
  if (connection.dialect() == config::Dialect::sqlite) {
    db::StatementFailure failure;
    auto result = connection.execute(content, &failure);
    if (!result) {
      int line = failure.position ? line_at(content, *failure.position - 1) : 1;
      return fail(std::move(result.error().within(fmt::format("{}:{}", file.path.string(), line))));
    }
    return {};
  }
  auto statements = split_sql(content, connection.dialect());
  for (size_t i = 0; i < statements.size(); ++i) {
    const auto& statement = statements[i];
    db::StatementFailure failure;
    auto result = connection.execute(statement.text, &failure);
    if (!result) {
      int line = statement.line;
      if (failure.position && *failure.position > 0) {
        auto offset = byte_offset_of_character(statement.text, *failure.position - 1);
        line = line_at(content, statement.offset + offset);
      } else if (failure.line) {
        line = statement.line + *failure.line - 1;
      }
      return fail(std::move(
          result.error().within(fmt::format("{}:{} (statement {} of {})", file.path.string(), line, i + 1,
                                            statements.size()))));
    }
    ++progress.statements_done;
  }
  return {};
}

}  // namespace authmigrate::migrations
