// The one error type of authmigrate: a kind (which decides the exit code), the message, and the
// context it gathers on the way up. It is printed in one place only, by the CLI.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace authmigrate {

enum class ErrorKind {
  usage,              // bad flags or arguments                          -> exit 2
  config,             // bad URL, .env, config file, environment          -> exit 2
  migration_files,    // badly named, unreadable or colliding files       -> exit 2
  unsafe_change,      // a change refused before anything ran             -> exit 2
  migration_failed,   // a statement failed (rolled back where possible)  -> exit 1
  in_doubt,           // the outcome of a commit is unknown               -> exit 1
  needs_resolve,      // MySQL: an interrupted migration must be resolved -> exit 1
  io,                 // a local file could not be read or written        -> exit 1
  unreachable,        // the database cannot be reached or logged into    -> exit 3
  read_only,          // it takes no writes: a replica, a read-only server -> exit 3
  deadline,           // --timeout passed                                 -> exit 3
  lock_timeout,       // the migration lock was not acquired in time      -> exit 4
  checksum_mismatch,  // an applied migration was edited                  -> exit 5
  missing_migration,  // an applied migration's file is gone              -> exit 5
  interrupted,        // SIGINT / SIGTERM                                 -> exit 130
  internal,           // a bug in authmigrate                             -> exit 70
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;               // lower case, no trailing period, server text verbatim
  std::vector<std::string> context;  // outermost first: "applying 0003_x.sql", "statement 2 (line 14)"
  std::string server_code;           // SQLSTATE, MySQL errno or SQLite code; empty when none
  std::string hint;                  // what the user can do about it; empty when nothing useful
  bool transient = false;            // trying again later may succeed (server not up yet, ...)

  Error() = default;
  Error(ErrorKind k, std::string msg) : kind(k), message(std::move(msg)) {}

  // Adds an outer layer of context ("deploying tenant acme"); returns *this for chaining.
  Error& within(std::string what) & {
    context.insert(context.begin(), std::move(what));
    return *this;
  }
  Error&& within(std::string what) && { return std::move(within(std::move(what))); }
  Error& with_hint(std::string h) & {
    hint = std::move(h);
    return *this;
  }
  Error&& with_hint(std::string h) && { return std::move(with_hint(std::move(h))); }

  // "context: context: message [code]" — the one-line form used by both renderers.
  std::string describe() const;
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return tl::unexpected<Error>(Error(kind, std::move(message)));
}
inline tl::unexpected<Error> fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

}  // namespace authmigrate

// Propagates the error of an expression returning Result<...>; the value is discarded.
#define AM_TRY(expr)                                                               \
  do {                                                                             \
    auto am_try_result_ = (expr);                                                  \
    if (!am_try_result_) return tl::unexpected(std::move(am_try_result_.error())); \
  } while (0)
