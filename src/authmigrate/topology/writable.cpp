#include <authmigrate/topology/writable.hpp>

#include <fmt/format.h>

namespace authmigrate::topology {

Result<void> require_writable(db::Connection& connection, const config::DatabaseUrl& url) {
  auto reason = connection.read_only_reason();
  if (!reason) return fail(std::move(reason.error()));
  if (reason->empty()) return {};
  Error error(ErrorKind::read_only, fmt::format("{} takes no writes: {}", url.redacted(), *reason));
  if (url.dialect == config::Dialect::postgres) {
    error.hint = url.other_hosts.empty()
                     ? "point the URL at the primary, or list every host (postgres://h1:5432,h2:5432/db): "
                       "authmigrate then connects to whichever is the primary"
                     : "none of the URL's hosts is the primary now: wait for the failover to finish, or fix the URL";
  } else {
    error.hint = "point the URL at the primary (the server replicas copy from)";
  }
  error.hint += "; nothing was changed";
  return fail(std::move(error));
}

}  // namespace authmigrate::topology
