// Splits a migration file into statements, so that each runs on its own and a failure can be
// pinned to its line. It knows the quoting of each dialect: '...' strings, "..." and `...`
// identifiers, -- and # comments, nested /* */ on PostgreSQL, $tag$ bodies, E'..' and backslash
// escapes. SQLite scripts are not split here: SQLite's own parser walks them (triggers have
// semicolons inside BEGIN ... END).
#pragma once

#include <string_view>
#include <vector>

#include <authmigrate/config/database_url.hpp>

namespace authmigrate::migrations {

struct SqlStatement {
  std::string_view text;  // without the trailing ';', comments and blank lines around it kept out
  size_t offset = 0;      // of text in the file
  int line = 1;           // 1-based line of the statement's first character
};

std::vector<SqlStatement> split_sql(std::string_view script, config::Dialect dialect);

// 1-based line of the character at `offset` in `text`.
int line_at(std::string_view text, size_t offset);

}  // namespace authmigrate::migrations
