// One interface over PostgreSQL, SQLite and MySQL/MariaDB connections. Only what migrations need:
// run a statement, run a query with text parameters, transactions, a lock, and cancellation.
// Implementations are tested against real servers only.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/config/database_url.hpp>

namespace authmigrate::db {

using config::Dialect;

using Value = std::optional<std::string>;  // NULL is nullopt; everything else comes back as text
using Row = std::vector<Value>;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

// Where inside a failing statement the server pointed, when it did (1-based character offset).
struct StatementFailure {
  std::optional<size_t> position;  // PostgreSQL, SQLite: offset of the error in the text
  std::optional<int> line;         // MySQL: "... at line N" of the statement
};

struct SessionSettings {
  std::optional<std::chrono::milliseconds> connect_timeout;
  std::optional<std::chrono::milliseconds> statement_timeout;
  std::optional<std::chrono::milliseconds> lock_timeout;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement (or, on SQLite, a script of several). Errors carry the server's message
  // verbatim and its code; `failure` (if given) learns the position inside the statement.
  virtual Result<void> execute(std::string_view sql, StatementFailure* failure = nullptr) = 0;
  // Runs a query with positional parameters, written as $1, $2 ... on every dialect (the driver
  // rewrites them as it must).
  virtual Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  // PostgreSQL's COPY ... FROM STDIN: sends `rows` (text format, as pg_dump writes them) through the
  // COPY protocol. Other databases have no such statement and refuse it.
  virtual Result<void> copy_from_stdin(std::string_view sql, std::string_view rows, StatementFailure* failure);

  // Remembers the session settings, before the first migration that changes them runs (until then
  // they are as the connection opened them); later calls do nothing.
  virtual Result<void> save_session() { return {}; }
  // Puts the session settings back as they were when the connection opened (and the timeouts
  // authmigrate set), after a migration changed them (SET search_path, SET sql_mode, ...).
  virtual Result<void> reset_session() { return {}; }

  // Non-empty when the connection goes through a pooler that may give each transaction another
  // server session (PgBouncer in transaction mode, Supavisor, Neon's pooler): why authmigrate thinks
  // so. Session settings, session locks and anything between two transactions cannot be relied on.
  virtual std::string pooler() const { return {}; }
  // Right after BEGIN: through such a pooler, the session settings (timeouts) are made again for
  // this transaction alone (SET LOCAL); otherwise nothing.
  virtual Result<void> transaction_setup() { return {}; }
  // Why the database takes no writes here (a hot standby, a read-only server); empty when it does.
  virtual Result<std::string> read_only_reason() { return std::string(); }
  // The schema unqualified names meant when the session opened: PostgreSQL's current_schema(), MySQL's
  // DATABASE(), SQLite's "main"; empty when there is none. Asked once, in the same round trip as
  // another question of the session's where there is one.
  virtual Result<std::string> session_schema() = 0;

  // Cancels the statement running on this connection, from any thread or a signal watcher.
  virtual void cancel() = 0;

  // The server's version string, for logs.
  virtual std::string server_version() = 0;

  // Quotes an identifier for this dialect: "x" on PostgreSQL/SQLite, `x` on MySQL.
  std::string quote_identifier(std::string_view name) const;
  // Quotes a string literal for this dialect ('it''s').
  std::string quote_literal(std::string_view text) const;
};

std::string quote_identifier(Dialect dialect, std::string_view name);
std::string quote_literal(Dialect dialect, std::string_view text);

}  // namespace authmigrate::db
