// One way to run a transaction, as dbmate's doTransaction: begin, the body, commit; a body that fails is
// rolled back. BEGIN, COMMIT and ROLLBACK are spelt here and nowhere else in src/. A transaction is never
// committed by a destructor.
#pragma once

#include <functional>
#include <string_view>

#include <authmigrate/base/error.hpp>
#include <authmigrate/db/connection.hpp>

namespace authmigrate::db {

// What to run when a commit's outcome is unknown, for the hint: "run `authmigrate status` to see whether
// it applied".
inline constexpr std::string_view k_check_with_status = "run `authmigrate status` to see whether it applied";

// BEGIN; on SQLite BEGIN IMMEDIATE, which takes the write lock at once (a second writer waits for it with
// the busy timeout instead of failing at its first write).
Result<void> begin(Connection& connection);

// COMMIT. When the connection broke while committing, the server may or may not have committed: an error
// of kind in_doubt, within "committing", whose hint says the connection broke and `check`.
Result<void> commit(Connection& connection, std::string_view check = k_check_with_status);

// ROLLBACK, best effort: on a broken connection the server rolls back by itself.
void rollback(Connection& connection);

// begin, body, commit; rollback when the body fails (its error is returned as it was).
Result<void> in_transaction(Connection& connection, const std::function<Result<void>()>& body,
                            std::string_view check = k_check_with_status);

}  // namespace authmigrate::db
