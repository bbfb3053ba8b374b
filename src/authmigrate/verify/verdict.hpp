// The verdict on one database: every finding of Better Auth's runtime check (which decide whether
// Better Auth refuses it) and the drift, read without changing anything.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/verify/finding.hpp>

namespace authmigrate::verify {

struct Verdict {
  std::vector<Finding> refusals;  // Better Auth's findings, in its order
  std::vector<Finding> drift;

  bool refused() const { return !refusals.empty(); }
  bool has(FindingKind kind) const;
};

Verdict judge(const schema::Schema& wanted, const dialect::LiveSchema& tables, const dialect::LiveSchema& live,
              const dialect::SqlDialect& dialect);

// Better Auth checks the schema at run time from 1.7.3 on; before, what is missing fails at the
// request that needs it. An empty or unparsable version counts as checking.
bool has_runtime_check(const std::string& better_auth_version);

// Reads the database (catalog queries only) and judges it. `tables` as Better Auth's check finds
// them (on PostgreSQL through the whole search path), indexes and types as the migrator reads them.
Result<Verdict> verify_database(db::Connection& connection, const schema::Schema& wanted);
// The same with the live schema already read (scoped to `wanted`, as sync::plan_schema reads it): only
// the tables as Better Auth's check finds them are read again, and only on PostgreSQL.
Result<Verdict> verify_database(db::Connection& connection, const schema::Schema& wanted,
                                const dialect::LiveSchema& live);

// Better Auth's SchemaMismatchError message (formatSchemaMismatch, source "database"): the
// sections "Missing tables", "Missing columns", "Required columns Better Auth never writes".
std::string mismatch_summary(const std::vector<Finding>& refusals);

}  // namespace authmigrate::verify
