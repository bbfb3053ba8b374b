// One thing wrong with a database, as Better Auth sees it. The first three kinds are the findings
// of Better Auth's runtime schema check (@better-auth/core schema-diff): any one of them makes every
// auth request fail. The others are drift its migrator only warns about.
#pragma once

#include <string>
#include <string_view>

namespace authmigrate::verify {

enum class FindingKind {
  missing_table,               // Better Auth refuses
  missing_column,              // Better Auth refuses
  unexpected_required_column,  // Better Auth refuses: NOT NULL, no default, never written
  type_mismatch,               // drift
  nullable_required,           // drift: the field is required, the column takes null
  missing_index,               // drift: an index or unique index the schema declares is not there
  table_name_clash,            // drift: SQLite: a missing table cannot be created, another differs only in case
};

// The stable code of a kind, as JSON output carries it: "missing-table", "type-mismatch", ...
// (Better Auth's own names for the three it checks).
std::string_view code_of(FindingKind kind);

// Whether Better Auth's runtime check rejects the database for this kind of finding.
bool refuses(FindingKind kind);

struct Finding {
  FindingKind kind;
  std::string table;
  std::string column;   // empty for missing_table; the first key column for missing_index
  std::string message;  // Better Auth's sentence for its findings, ours (in its style) for drift
};

}  // namespace authmigrate::verify
