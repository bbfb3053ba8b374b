// Where the signal watcher's stops come from, per platform: SIGINT/SIGTERM taken with sigtimedwait
// (stop_signals_posix.cpp), or Ctrl-C, Ctrl-Break and closing the console taken by a console control
// handler (stop_signals_win.cpp). Nothing else runs in a signal handler.
#pragma once

#include <chrono>
#include <thread>

namespace authmigrate::cli::stop_signals {

// Call first thing in main, before any other thread exists.
void take_over();

enum class Received { nothing, stop, wake };
// Waits up to `tick` for a stop signal, or for wake().
Received wait(std::chrono::milliseconds tick);
// Wakes the watcher thread blocked in wait().
void wake(std::thread& watcher);
// Ends the process at once with `code` (a second Ctrl-C).
[[noreturn]] void exit_now(int code);

}  // namespace authmigrate::cli::stop_signals
