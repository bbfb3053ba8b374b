// Opening the database for a command: parse the URL, connect once within the connect timeout, and
// let the signal watcher cancel what runs on it.
#pragma once

#include <memory>

#include <authmigrate/db/connection.hpp>

#include "../common_options.hpp"
#include "../signal_watcher.hpp"

namespace authmigrate::cli {

class OpenDatabase {
 public:
  static Result<std::unique_ptr<OpenDatabase>> open(Context& ctx);
  ~OpenDatabase() { m_watcher.unwatch(m_connection.get()); }

  db::Connection& connection() { return *m_connection; }
  const config::DatabaseUrl& url() const { return m_url; }

 private:
  OpenDatabase(config::DatabaseUrl url, std::unique_ptr<db::Connection> connection, base::Deadline deadline)
      : m_url(std::move(url)), m_connection(std::move(connection)), m_watcher(deadline) {
    m_watcher.watch(m_connection.get());
  }
  config::DatabaseUrl m_url;
  std::unique_ptr<db::Connection> m_connection;
  SignalWatcher m_watcher;
};

}  // namespace authmigrate::cli
