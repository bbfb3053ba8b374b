// Running named repairs on one database: plan each from the live schema, show the plan (and with
// `dry_run` the SQL only), run every statement in one transaction where the database allows
// (PostgreSQL, SQLite; MySQL commits each DDL statement by itself), then re-check before committing:
// each repair planned again must find nothing left to do, and SQLite's foreign_key_check must pass.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/repair/repair_request.hpp>
#include <authmigrate/report/reporter.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::repair {

struct RepairOutcome {
  size_t statements = 0;          // run (or, dry, that would run)
  std::vector<std::string> done;  // the repairs that changed something
};

Result<RepairOutcome> run_repairs(db::Connection& connection, const schema::Schema& wanted,
                                  const std::vector<RepairRequest>& requests, bool dry_run, report::Reporter& reporter);

}  // namespace authmigrate::repair
