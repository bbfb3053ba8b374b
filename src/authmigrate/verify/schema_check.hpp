// Better Auth's runtime schema check (@better-auth/core 1.7.25 diffSchema), finding for finding and
// in its order: per table of the schema (tables with disableMigrations skipped), a missing table;
// else each column it writes ("id" first) that is missing, then each column it does not write that
// is NOT NULL with no default and not auto-increment. Messages are Better Auth's own.
#pragma once

#include <vector>

#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/verify/finding.hpp>

namespace authmigrate::verify {

std::vector<Finding> check_schema(const schema::Schema& wanted, const dialect::LiveSchema& live);

// The unexpected-required-column findings of one existing table (the migrator's schemaProblems).
std::vector<Finding> unexpected_required_columns(const schema::SchemaTable& table, const dialect::LiveTable& live);

}  // namespace authmigrate::verify
