#include <authmigrate/base/interrupt.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace authmigrate::base {
namespace {
std::atomic<int> g_reason{-1};
std::mutex g_mutex;
std::condition_variable g_wake;
}  // namespace

void request_stop(ErrorKind why) {
  int expected = -1;
  g_reason.compare_exchange_strong(expected, static_cast<int>(why));
  std::lock_guard lock(g_mutex);
  g_wake.notify_all();
}

std::optional<ErrorKind> stop_requested() {
  int reason = g_reason.load();
  if (reason < 0) return std::nullopt;
  return static_cast<ErrorKind>(reason);
}

bool sleep_unless_stopped(std::chrono::milliseconds span) {
  std::unique_lock lock(g_mutex);
  return !g_wake.wait_for(lock, span, [] { return g_reason.load() >= 0; });
}

Error stop_error() {
  auto why = stop_requested().value_or(ErrorKind::interrupted);
  if (why == ErrorKind::deadline) return Error(ErrorKind::deadline, "the deadline (--timeout) passed");
  return Error(ErrorKind::interrupted, "interrupted by a signal");
}

}  // namespace authmigrate::base
