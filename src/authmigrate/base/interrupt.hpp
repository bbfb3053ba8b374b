// Process-wide "stop now" flag, set by the CLI's signal watcher (SIGINT/SIGTERM) or when the
// overall deadline passes. Loops that wait (for the database, for the lock) check it; the running
// statement is cancelled separately, through its connection.
#pragma once

#include <chrono>
#include <optional>

#include <authmigrate/base/error.hpp>

namespace authmigrate::base {

void request_stop(ErrorKind why);  // why: interrupted or deadline
std::optional<ErrorKind> stop_requested();
// Sleeps up to `span`, waking early when a stop is requested. Returns false if stopped.
bool sleep_unless_stopped(std::chrono::milliseconds span);
// The error to return when a stop was requested ("interrupted by a signal" / "the deadline passed").
Error stop_error();

}  // namespace authmigrate::base
