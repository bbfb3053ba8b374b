// The plan: the wanted schema against the live database, as Better Auth's getMigrations computes
// it. Only additive changes exist (create table, add column, create index); nothing is dropped,
// renamed or retyped. Changes Better Auth refuses are collected with their reasons.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/dialect/change_set.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::plan {

// A change that would corrupt existing rows; `migrate` refuses it, `generate` writes it under a
// warning banner.
struct UnsafeChange {
  std::string table;
  std::string column;
  std::string reason;  // Better Auth's message, verbatim
};

struct Plan {
  dialect::ChangeSet changes;
  std::vector<std::string> statements;  // rendered, without terminators
  std::vector<UnsafeChange> unsafe_changes;
  // Columns the database requires but Better Auth never writes: every insert would fail, so
  // `migrate` stops (Better Auth 1.7.3+ schemaProblems).
  std::vector<std::string> schema_problems;
  // Drift Better Auth only warns about: type mismatches, required fields on nullable columns,
  // unique columns added with a default.
  std::vector<std::string> warnings;

  bool empty() const { return changes.empty(); }
};

// Answers whether a table holds at least one row (`select 1 ... limit 1`). Only asked for tables
// that get a required column with no default.
using RowProbe = std::function<Result<bool>(std::string_view table)>;

// Errors (kind unsafe_change) are the index conflicts Better Auth throws on before planning
// anything else; a failing probe passes its error through.
Result<Plan> make_plan(const schema::Schema& wanted, const dialect::LiveSchema& live,
                       const dialect::SqlDialect& dialect, const RowProbe& has_rows);

// For `migrate`: an error of kind unsafe_change naming every refused table and column, or
// nothing when the plan is safe.
Result<void> refuse_unsafe_changes(const Plan& plan);

}  // namespace authmigrate::plan
