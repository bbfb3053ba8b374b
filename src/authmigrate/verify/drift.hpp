// Drift Better Auth tolerates but its migrator warns about or never mends: a column type other than
// the one it expects, a required field on a column that takes null, and an index the schema
// declares that the database lacks (Better Auth creates field indexes only with a new table or
// column, so a table made another way never gets them).
#pragma once

#include <vector>

#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/verify/finding.hpp>

namespace authmigrate::verify {

// The drift of one column that exists in both (the migrator's own warnings, verbatim).
std::vector<Finding> column_drift(const schema::SchemaTable& table, const schema::Column& column,
                                  const dialect::LiveColumn& live, const dialect::SqlDialect& dialect);

// Every drift finding of the database, table by table in schema order.
std::vector<Finding> find_drift(const schema::Schema& wanted, const dialect::LiveSchema& live,
                                const dialect::SqlDialect& dialect);

}  // namespace authmigrate::verify
