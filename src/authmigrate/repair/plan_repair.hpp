// From a request and the live schema to the operations left to do: none when the database already
// has the repaired shape, so running a repair twice changes nothing the second time. A request that
// cannot apply here (no such column, a column Better Auth writes) is an error of kind unsafe_change.
#pragma once

#include <authmigrate/base/error.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/repair/operation.hpp>
#include <authmigrate/repair/repair_request.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::repair {

Result<RepairPlan> plan_repair(const RepairRequest& request, const schema::Schema& wanted,
                               const dialect::LiveSchema& live, const dialect::SqlDialect& dialect);

// The SQL for a default given as text: a number or true/false as such, "now" as the dialect's
// current-timestamp default, anything else as a string literal.
std::string default_literal(const dialect::SqlDialect& dialect, std::string_view value);

}  // namespace authmigrate::repair
