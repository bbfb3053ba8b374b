// The one SQL word reader (dialect/sql_words), case by case.
#include <gtest/gtest.h>

#include <authmigrate/dialect/sql_words.hpp>

namespace authmigrate::dialect {
namespace {

using Words = std::vector<std::string>;

TEST(SqlWords, Tokens) {
  struct Case {
    const char* sql;
    Words tokens;
  };
  const Case cases[] = {
      {"CREATE TABLE t (id integer)", {"create", "table", "t", "(", "id", "integer", ")"}},
      {"create table \"check\" (a)", {"create", "table", "'", "(", "a", ")"}},  // a quoted name is never a keyword
      {"x `y` [z] 'it''s'", {"x", "'", "'", "'", "'"}},                         // '' splits into two quoted tokens
      {"a\t\n\r b", {"a", "b"}},
      {"check(a>0)", {"check", "(", "a", ">", "0", ")"}},
      {"'unterminated", {"'"}},
      {"Ünïcode_x", {"\xc3", "\x9c", "n", "\xc3", "\xaf", "code_x"}},  // words are ASCII; other bytes stand alone
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(sql_words(c.sql), c.tokens) << c.sql;
}

TEST(SqlWords, LimitStopsEarly) {
  EXPECT_EQ(sql_words("a b c d", 2), (Words{"a", "b"}));
  EXPECT_EQ(sql_words("a b", 0), Words{});
}

TEST(SqlWords, LeadingWordsEndAtTheFirstNonWord) {
  struct Case {
    const char* sql;
    std::size_t limit;
    Words words;
  };
  const Case cases[] = {
      {"BEGIN;", 3, {"begin"}},
      {"start transaction read write", 2, {"start", "transaction"}},
      {"rollback to savepoint a", 3, {"rollback", "to", "savepoint"}},
      {"  \n create table x", 2, {"create", "table"}},
      {"(select 1)", 2, {}},
      {"set \"x\" = 1", 3, {"set"}},
      {"", 2, {}},
  };
  for (const auto& c : cases) EXPECT_EQ(leading_sql_words(c.sql, c.limit), c.words) << c.sql;
}

TEST(SqlWords, TokenPairs) {
  Words tokens = sql_words("a int generated always as (1), check (a > 0)");
  EXPECT_TRUE(has_token_pair(tokens, "generated", "always"));
  EXPECT_TRUE(has_token_pair(tokens, "check", "("));
  EXPECT_FALSE(has_token_pair(tokens, "always", "generated"));
  EXPECT_FALSE(has_token_pair(Words{"check"}, "check", "("));
}

}  // namespace
}  // namespace authmigrate::dialect
