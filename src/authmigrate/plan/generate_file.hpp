// The SQL file `generate` writes: Better Auth's compiled statements, preceded by its warning banner
// when the plan holds unsafe changes, named better-auth_migrations/<ISO time>.sql.
#pragma once

#include <chrono>
#include <string>

#include <authmigrate/plan/plan.hpp>

namespace authmigrate::plan {

// The file content; empty when there is nothing to do ("Your schema is already up to date.").
std::string generate_file_content(const Plan& plan);

// better-auth_migrations/2026-11-24T13-29-47.356Z.sql: the UTC time as toISOString() writes it,
// with ':' replaced by '-'.
std::string default_generate_file_name(std::chrono::system_clock::time_point now);

}  // namespace authmigrate::plan
