// Turns SIGINT/SIGTERM (on Windows Ctrl-C, Ctrl-Break, a closed console) and the overall deadline into a stop: the
// running statement is cancelled through its connection and waiting loops wake up. Signals are blocked in every thread
// and taken by this watcher only, so nothing unsafe runs inside a signal handler.
#pragma once

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <authmigrate/base/deadline.hpp>
#include <authmigrate/db/connection.hpp>

namespace authmigrate::cli {

class SignalWatcher {
 public:
  // Call first thing in main, before any other thread exists.
  static void block_signals();

  explicit SignalWatcher(base::Deadline deadline);
  ~SignalWatcher();

  // Connections whose running statements a stop cancels.
  void watch(db::Connection* connection);
  void unwatch(db::Connection* connection);

 private:
  void loop();
  base::Deadline m_deadline;
  std::mutex m_mutex;
  std::vector<db::Connection*> m_connections;
  std::atomic<bool> m_done{false};
  std::thread m_thread;
};

}  // namespace authmigrate::cli
