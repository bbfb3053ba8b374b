// Ctrl-C, Ctrl-Break and closing the console window arrive on a thread Windows creates for the
// handler; it only counts them and wakes the watcher, which does the cancelling. Windows ends the
// process soon after a close event returns (about 5 s), so the cancel must be under way by then.
#include "stop_signals.hpp"

#include <condition_variable>
#include <cstdlib>
#include <mutex>

#include <windows.h>

namespace authmigrate::cli::stop_signals {

namespace {
std::mutex g_mutex;
std::condition_variable g_changed;
int g_pending = 0;
bool g_woken = false;

BOOL WINAPI on_console_event(DWORD event) {
  switch (event) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT: {
      std::lock_guard lock(g_mutex);
      ++g_pending;
      g_changed.notify_all();
      return TRUE;  // handled: the watcher stops us, after the server rolled back
    }
    default:
      return FALSE;
  }
}
}  // namespace

void take_over() { SetConsoleCtrlHandler(on_console_event, TRUE); }

Received wait(std::chrono::milliseconds tick) {
  std::unique_lock lock(g_mutex);
  g_changed.wait_for(lock, tick, [] { return g_pending > 0 || g_woken; });
  if (g_pending > 0) {
    --g_pending;
    return Received::stop;
  }
  if (g_woken) {
    g_woken = false;
    return Received::wake;
  }
  return Received::nothing;
}

void wake(std::thread& /*watcher*/) {
  std::lock_guard lock(g_mutex);
  g_woken = true;
  g_changed.notify_all();
}

void exit_now(int code) { std::_Exit(code); }

}  // namespace authmigrate::cli::stop_signals
