#include <authmigrate/db/wait.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/db/open.hpp>

namespace authmigrate::db {

namespace {

// Opening a PostgreSQL or MySQL session already ran a statement on the server; one through a pooler
// may not have reached it yet, and SQLite reads its file at the first statement: those get SELECT 1.
Result<void> probe_if_unanswered(Connection& connection) {
  if (connection.dialect() != config::Dialect::sqlite && connection.pooler().empty()) return {};
  auto probe = connection.query("SELECT 1", {});
  if (!probe) return fail(std::move(probe.error()));
  return {};
}

}  // namespace

Result<std::unique_ptr<Connection>> wait_for_database(const config::DatabaseUrl& url, SessionSettings settings,
                                                      const base::Deadline& deadline, report::Reporter& reporter) {
  using namespace std::chrono;
  const auto started = steady_clock::now();
  auto backoff = milliseconds(100);
  auto last_report = started;
  int attempts = 0;
  for (;;) {
    ++attempts;
    if (base::stop_requested()) return fail(base::stop_error());
    // Never let one connection attempt outlive the deadline.
    auto left = deadline.remaining();
    if (!settings.connect_timeout || *settings.connect_timeout > left)
      settings.connect_timeout = std::max(left, milliseconds(1000));
    auto connection = open_connection(url, settings);
    if (connection) {
      auto probe = probe_if_unanswered(**connection);
      if (probe) {
        auto event = report::info(
            "wait.ready", fmt::format("database {} is ready ({})", url.redacted(), (*connection)->server_version()));
        event.duration_ms = duration<double, std::milli>(steady_clock::now() - started).count();
        event.fields["attempts"] = attempts;
        reporter.emit(event);
        return std::move(*connection);
      }
      connection = fail(std::move(probe.error()));
      connection.error().transient = true;
    }
    Error& error = connection.error();
    if (!error.transient) {
      return fail(std::move(error.within(fmt::format("connecting to {}", url.redacted()))));
    }
    if (deadline.passed()) {
      Error timeout(ErrorKind::deadline,
                    fmt::format("database {} was not ready after {:.1f} s: {}", url.redacted(),
                                duration<double>(steady_clock::now() - started).count(), error.message));
      timeout.hint = "check that the server is running and reachable from here, or raise --timeout";
      return fail(std::move(timeout));
    }
    if (steady_clock::now() - last_report >= seconds(3) || attempts == 1) {
      auto event =
          report::info("wait.retry", fmt::format("waiting for database {}: {}", url.redacted(), error.message));
      event.fields["attempts"] = attempts;
      reporter.emit(event);
      last_report = steady_clock::now();
    }
    // The last pause ends at the deadline, and the last attempt is made there: a --timeout is honoured
    // to its end, not given up on when the next full pause would pass it.
    if (!base::sleep_unless_stopped(std::min(backoff, deadline.remaining()))) return fail(base::stop_error());
    backoff = std::min(backoff * 2, milliseconds(2000));
  }
}

}  // namespace authmigrate::db
