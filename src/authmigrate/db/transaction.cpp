#include <authmigrate/db/transaction.hpp>

#include <string>

namespace authmigrate::db {

Result<void> begin(Connection& connection) {
  return connection.execute(connection.dialect() == config::Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Result<void> commit(Connection& connection, std::string_view check) {
  auto committed = connection.execute("COMMIT");
  if (committed) return {};
  Error error = std::move(committed.error());
  if (error.kind == ErrorKind::unreachable) {
    error.kind = ErrorKind::in_doubt;
    error.hint = "the connection broke while committing: " + std::string(check);
  }
  return fail(std::move(error.within("committing")));
}

void rollback(Connection& connection) { (void)connection.execute("ROLLBACK"); }

Result<void> in_transaction(Connection& connection, const std::function<Result<void>()>& body, std::string_view check) {
  AM_TRY(begin(connection));
  if (auto done = body(); !done) {
    rollback(connection);
    return done;
  }
  return commit(connection, check);
}

}  // namespace authmigrate::db
