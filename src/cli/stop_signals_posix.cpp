#include "stop_signals.hpp"

#include <csignal>
#include <ctime>

#include <pthread.h>
#include <unistd.h>

namespace authmigrate::cli::stop_signals {

namespace {
// SIGUSR2 is ours: the watcher's owner sends it to wake the watcher at once instead of waiting for the
// next tick (which would add up to a tick to every run's exit).
constexpr int k_wake_signal = SIGUSR2;

sigset_t taken() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, k_wake_signal);
  return set;
}
}  // namespace

void take_over() {
  sigset_t set = taken();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

Received wait(std::chrono::milliseconds tick) {
  sigset_t set = taken();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(tick).count();
  timespec span{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
  int sig = sigtimedwait(&set, nullptr, &span);
  if (sig == k_wake_signal) return Received::wake;
  return sig > 0 ? Received::stop : Received::nothing;
}

void wake(std::thread& watcher) { pthread_kill(watcher.native_handle(), k_wake_signal); }

void exit_now(int code) { _exit(code); }

}  // namespace authmigrate::cli::stop_signals
