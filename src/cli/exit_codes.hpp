// The documented exit codes (README "Exit codes"), one table from error kind to code.
#pragma once

#include <authmigrate/base/error.hpp>

namespace authmigrate::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_pending = 1;  // `status --exit-code` with something to do

int exit_code_for(ErrorKind kind);

}  // namespace authmigrate::cli
