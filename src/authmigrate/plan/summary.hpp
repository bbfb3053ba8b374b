// The lines `migrate` prints before it runs, as the Better Auth CLI prints them (without colour):
//   -> id, name, email fields on user table.
//   -> clientId, resourceId fields in a unique index on oauthClientResource table.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/plan/plan.hpp>

namespace authmigrate::plan {

// Created tables first (all their columns), then tables with added columns, then table-level
// indexes. The id column is never listed.
std::vector<std::string> summary_lines(const schema::Schema& wanted, const Plan& plan);

}  // namespace authmigrate::plan
