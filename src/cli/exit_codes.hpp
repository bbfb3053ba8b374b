// The documented exit codes (README "Exit codes"), one table from error kind to code.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_pending = 1;  // `status --exit-code` with something to do
inline constexpr int k_exit_refused = 6;  // `verify`/`status --exit-code`: Better Auth will refuse the database
inline constexpr int k_exit_drift = 7;    // `verify --strict`: Better Auth accepts it, but it drifted

int exit_code_for(ErrorKind kind);

// Every code authmigrate exits with, in the words of `--help`. A unit test checks that each code
// exit_code_for and the constants above give is here, and nothing else.
struct ExitCodeMeaning {
  int code;
  std::string_view meaning;
};
inline constexpr std::array<ExitCodeMeaning, 10> k_exit_codes{{
    {k_exit_ok, "ok"},
    {1, "a migration failed or must be resolved, or a commit was lost (status --exit-code: something to do)"},
    {2, "bad usage/config/files"},
    {3, "database unreachable or read-only, or the deadline passed"},
    {4, "lock not acquired"},
    {5, "an applied migration was edited or is missing"},
    {k_exit_refused, "Better Auth will refuse the database (verify, status --exit-code, repair)"},
    {k_exit_drift, "verify --strict: the database drifted"},
    {70, "internal error (a bug)"},
    {130, "interrupted"},
}};

// "Exit codes: 0 ok, 1 ..., 130 interrupted." for the `--help` footer.
std::string exit_codes_help();

}  // namespace authmigrate::cli
