// The one SQL word reader: a statement as its words (lower case) and punctuation, for the few places
// that must recognise a keyword in SQL text (the first words of a migration's statement, the options of
// a SQLite CREATE TABLE). Anything quoted ('text', "name", `name`, [name]) is one token "'", so that a
// column called "check" is never the keyword. Statements are split elsewhere (migrations/sql_splitter).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace authmigrate::dialect {

// At most `limit` tokens from the start of `sql`. Words are ASCII letters, digits and '_'.
std::vector<std::string> sql_words(std::string_view sql, std::size_t limit = static_cast<std::size_t>(-1));

// The words `sql` starts with, up to `limit`, stopping at the first token that is not a word.
std::vector<std::string> leading_sql_words(std::string_view sql, std::size_t limit);

// Whether `first` is directly followed by `second` in `tokens`.
bool has_token_pair(const std::vector<std::string>& tokens, std::string_view first, std::string_view second);

}  // namespace authmigrate::dialect
