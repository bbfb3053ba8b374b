// Bringing the live database up to the wanted Better Auth schema: introspect, plan (additive only,
// as Better Auth's own migrator), refuse what is unsafe, apply. On PostgreSQL and SQLite it all
// happens in one transaction; on MySQL each DDL statement commits by itself, and because the plan is
// recomputed from the live database every time, a run that stopped half-way resumes where it was.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <authmigrate/db/connection.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/plan/plan.hpp>
#include <authmigrate/report/reporter.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::sync {

// Reads the live schema and plans against it (changes nothing).
Result<plan::Plan> plan_schema(db::Connection& connection, const schema::Schema& wanted);

// The same, keeping what was read (the tables `wanted` names), for a verdict on the same reading.
struct SchemaReading {
  dialect::LiveSchema live;
  plan::Plan plan;
};
Result<SchemaReading> read_and_plan_schema(db::Connection& connection, const schema::Schema& wanted);

struct SyncOutcome {
  size_t statements = 0;
  std::vector<std::string> summary;  // "-> name, email fields on user table."
};

// Asked, after the plan is known and before anything runs, whether to go on (the CLI prompts on a
// terminal). Returning false cancels the run without error.
using Confirm = std::function<bool(const std::vector<std::string>& summary)>;

// For a run that has not taken the lock: plans (changes nothing) and, when the plan runs nothing and
// refuses nothing, reports the schema up to date (with the plan's warnings) as sync_schema would, and
// returns true. False: nothing was reported; sync_schema, under the lock, is to run. `reading`, when
// given, keeps the live schema read, for a verdict on the same reading.
Result<bool> report_if_current(db::Connection& connection, const schema::Schema& wanted, report::Reporter& reporter,
                               dialect::LiveSchema* reading = nullptr);

// Plans and applies in one transaction where the database allows. Refused changes (unsafe) and
// schema problems are errors before anything runs. `dry_run` reports the statements only.
// `inside_transaction`: the caller has opened the transaction (deploy's one transaction for the
// whole run) and ends it; the sync neither begins nor commits.
Result<SyncOutcome> sync_schema(db::Connection& connection, const schema::Schema& wanted, bool dry_run,
                                const Confirm& confirm, report::Reporter& reporter, bool inside_transaction = false);

}  // namespace authmigrate::sync
