// Splits a migration file into statements, so that each runs on its own and a failure can be
// pinned to its line. It reads a file the way each database's own client does: '...' strings,
// "..." `...` and [...] identifiers, -- and # comments, nested /* */ on PostgreSQL, $tag$ bodies,
// E'..' and backslash escapes; MySQL's DELIMITER lines and /*! executable comments; compound
// BEGIN ... END bodies of routines and triggers; psql's COPY ... FROM stdin data and meta-commands.
#pragma once

#include <string_view>
#include <vector>

#include <authmigrate/config/database_url.hpp>

namespace authmigrate::migrations {

enum class StatementKind {
  sql,                // sent to the server as it is
  begin_transaction,  // BEGIN, START TRANSACTION (not BEGIN ATOMIC / NOT ATOMIC)
  end_transaction,    // COMMIT, END, ROLLBACK, ABORT (not ROLLBACK TO)
  copy_from_stdin,    // PostgreSQL COPY ... FROM stdin: its rows are in copy_data
  client_command,     // psql's \..., sqlite3's .dot commands: for a client, not the server
};

struct SqlStatement {
  std::string_view text;  // without the trailing delimiter, comments and blank lines around it kept out
  size_t offset = 0;      // of text in the file
  int line = 1;           // 1-based line of the statement's first character
  StatementKind kind = StatementKind::sql;
  std::string_view copy_data;    // copy_from_stdin: the lines between the COPY line and "\.", each ending in \n
  bool changes_session = false;  // SET, RESET, or a call of set_config() outside quoted text
};

std::vector<SqlStatement> split_sql(std::string_view script, config::Dialect dialect);

// 1-based line of the character at `offset` in `text`.
int line_at(std::string_view text, size_t offset);

}  // namespace authmigrate::migrations
