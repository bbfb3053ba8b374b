// A database URL parsed into typed parts. It has no to_string(): it can only be shown redacted,
// or handed to a driver in that driver's own form.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::config {

enum class Dialect { postgres, sqlite, mysql };

std::string_view to_string(Dialect dialect);

struct DatabaseUrl {
  Dialect dialect = Dialect::sqlite;
  std::string scheme;                   // as written: "postgres", "postgresql", "mysql", "mariadb", "sqlite", "file"
  std::string user;                     // percent-decoded; empty when absent
  std::optional<std::string> password;  // percent-decoded; nullopt when absent
  std::string host;                     // empty when absent; IPv6 without brackets; a unix socket folder for host=/path
  std::optional<int> port;
  // PostgreSQL's multi-host form (postgres://h1:p1,h2:p2/db): the hosts after the first, in order.
  // libpq tries them in turn (target_session_attrs chooses among them).
  std::vector<std::pair<std::string, std::optional<int>>> other_hosts;
  std::string database;  // percent-decoded; for sqlite: the file path (":memory:" allowed)
  // Query parameters in order, percent-decoded (sslmode, connect_timeout, options, host, ...).
  std::vector<std::pair<std::string, std::string>> params;

  // The URL with the password replaced by "****" (and any password= parameter likewise).
  std::string redacted() const;
  // key='value' form for PQconnectdb, values quoted and escaped as libpq wants. With several hosts
  // and no target_session_attrs, target_session_attrs='read-write': the primary among them.
  std::string libpq_conninfo() const;
  std::optional<std::string> param(std::string_view key) const;
};

// Parses postgres://, postgresql://, mysql://, mariadb://, sqlite:path, sqlite://path, file:path.
// Errors (kind config) name the part that is wrong and never contain the password.
Result<DatabaseUrl> parse_database_url(std::string_view text);

// A value for a libpq conninfo string: in single quotes, "\" and "'" escaped by a backslash.
std::string libpq_quote(std::string_view value);

}  // namespace authmigrate::config
