#include "signal_watcher.hpp"

#include <chrono>
#include <optional>

#include <authmigrate/base/interrupt.hpp>

#include "stop_signals.hpp"

namespace authmigrate::cli {

namespace {
constexpr std::chrono::seconds k_same_stop{1};
constexpr std::chrono::milliseconds k_tick{100};
}  // namespace

void SignalWatcher::block_signals() { stop_signals::take_over(); }

SignalWatcher::SignalWatcher(base::Deadline deadline) : m_deadline(deadline), m_thread([this] { loop(); }) {}

SignalWatcher::~SignalWatcher() {
  m_done = true;
  stop_signals::wake(m_thread);
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
  std::optional<std::chrono::steady_clock::time_point> first_signal;
  bool stopped = false;
  while (!m_done) {
    auto received = stop_signals::wait(k_tick);
    if (received == stop_signals::Received::wake) continue;
    bool deadline_now = !stopped && m_deadline.passed();
    if (received == stop_signals::Received::stop) {
      auto now = std::chrono::steady_clock::now();
      if (first_signal) {
        // A second Ctrl-C: the user really means it. Within a second it is the same stop delivered
        // twice (npx, a terminal's process group, a platform signalling every process of a container):
        // the cancellation under way goes on.
        if (now - *first_signal >= k_same_stop) stop_signals::exit_now(130);
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
