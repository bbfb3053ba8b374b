// The documented exit codes (README "Exit codes"), one table from error kind to code.
#pragma once

#include <authmigrate/base/error.hpp>

namespace authmigrate::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_pending = 1;  // `status --exit-code` with something to do
inline constexpr int k_exit_refused = 6;  // `verify`/`status --exit-code`: Better Auth will refuse the database
inline constexpr int k_exit_drift = 7;    // `verify --strict`: Better Auth accepts it, but it drifted

int exit_code_for(ErrorKind kind);

}  // namespace authmigrate::cli
