#include "signal_watcher.hpp"

#include <chrono>
#include <csignal>
#include <optional>
#include <ctime>

#include <unistd.h>

#include <authmigrate/base/interrupt.hpp>

namespace authmigrate::cli {

namespace {
// SIGUSR2 is ours: the destructor sends it to wake the watcher at once instead of waiting for the
// next tick (which would add up to a tick to every run's exit).
constexpr int k_wake_signal = SIGUSR2;
constexpr std::chrono::seconds k_same_stop{1};

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, k_wake_signal);
  return set;
}
}  // namespace

void SignalWatcher::block_signals() {
  sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher(base::Deadline deadline) : m_deadline(deadline), m_thread([this] { loop(); }) {}

SignalWatcher::~SignalWatcher() {
  m_done = true;
  pthread_kill(m_thread.native_handle(), k_wake_signal);
  m_thread.join();
}

void SignalWatcher::watch(db::Connection* connection) {
  std::lock_guard lock(m_mutex);
  m_connections.push_back(connection);
}

void SignalWatcher::unwatch(db::Connection* connection) {
  std::lock_guard lock(m_mutex);
  std::erase(m_connections, connection);
}

void SignalWatcher::loop() {
  sigset_t set = stop_signals();
  std::optional<std::chrono::steady_clock::time_point> first_signal;
  bool stopped = false;
  while (!m_done) {
    timespec tick{0, 100 * 1000 * 1000};
    int sig = sigtimedwait(&set, nullptr, &tick);
    if (sig == k_wake_signal) continue;
    bool deadline_now = !stopped && m_deadline.passed();
    if (sig > 0) {
      auto now = std::chrono::steady_clock::now();
      if (first_signal) {
        // A second Ctrl-C: the user really means it. Within a second it is the same stop delivered
        // twice (npx, a terminal's process group, a platform signalling every process of a container):
        // the cancellation under way goes on.
        if (now - *first_signal >= k_same_stop) _exit(130);
        continue;
      }
      first_signal = now;
      base::request_stop(ErrorKind::interrupted);
    } else if (deadline_now) {
      base::request_stop(ErrorKind::deadline);
    } else {
      continue;
    }
    stopped = true;
    std::lock_guard lock(m_mutex);
    for (auto* connection : m_connections) connection->cancel();
  }
}

}  // namespace authmigrate::cli
