// PostgreSQL through libpq. DDL is transactional here, so a migration file runs in one
// transaction; timeouts are session settings the server enforces; cancellation uses PQcancel,
// which is safe to call from another thread.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <mutex>
#include <optional>

#include <fmt/format.h>
#include <libpq-fe.h>

#include <authmigrate/db/open.hpp>
#include <authmigrate/db/pooler_hint.hpp>
#include <authmigrate/db/tls_library.hpp>
#include <authmigrate/db/tls_trust.hpp>

namespace authmigrate::db {
namespace {

// Failures that a server which is still starting (or a network that is still coming up) gives;
// anything else — a wrong password, a missing database — will not heal by waiting.
bool is_transient_connect_failure(std::string_view message) {
  // The last two: every host of a multi-host URL is a standby for now (a failover is under way).
  static constexpr std::array<std::string_view, 11> k_transient = {"Connection refused",
                                                                   "the database system is starting up",
                                                                   "the database system is shutting down",
                                                                   "timeout expired",
                                                                   "could not translate host name",
                                                                   "No such file or directory",
                                                                   "Network is unreachable",
                                                                   "the database system is in recovery mode",
                                                                   "server closed the connection unexpectedly",
                                                                   "session is read-only",
                                                                   "server is in hot standby mode"};
  return std::any_of(k_transient.begin(), k_transient.end(),
                     [&](std::string_view t) { return message.find(t) != std::string_view::npos; });
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

constexpr std::string_view k_read_only_columns =
    "pg_catalog.pg_is_in_recovery()::text, pg_catalog.current_setting('default_transaction_read_only')";

// Why a session does not take writes, from the two answers of k_read_only_columns at `at`; empty when
// it does.
std::string read_only_answer(const Row& row, size_t at) {
  if (row.at(at) == Value("true")) return "it is a read-only replica (a hot standby: pg_is_in_recovery() is true)";
  if (row.at(at + 1) == Value("on")) return "its sessions are read-only (default_transaction_read_only is on)";
  return {};
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : m_conn(conn), m_cancel(PQgetCancel(conn)) {
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
  }
  ~PostgresConnection() override {
    if (m_cancel) PQfreeCancel(m_cancel);
    PQfinish(m_conn);
  }

  Dialect dialect() const override { return Dialect::postgres; }

  Result<void> execute(std::string_view sql, StatementFailure* failure) override {
    std::string text(sql);
    PGresult* res = PQexec(m_conn, text.c_str());
    auto status = check(res, failure);
    PQclear(res);
    return status;
  }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    std::string text(sql);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* res = PQexecParams(m_conn, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                 nullptr, 0);
    auto status = check(res, nullptr);
    if (!status) {
      PQclear(res);
      return fail(std::move(status.error()));
    }
    QueryResult out;
    int ncols = PQnfields(res);
    int nrows = PQntuples(res);
    for (int c = 0; c < ncols; ++c) out.columns.emplace_back(PQfname(res, c));
    out.rows.reserve(static_cast<size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      Row row;
      row.reserve(static_cast<size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(std::string(PQgetvalue(res, r, c), static_cast<size_t>(PQgetlength(res, r, c))));
        }
      }
      out.rows.push_back(std::move(row));
    }
    PQclear(res);
    return out;
  }

  Result<void> copy_from_stdin(std::string_view sql, std::string_view rows, StatementFailure* failure) override {
    std::string text(sql);
    PGresult* res = PQexec(m_conn, text.c_str());
    auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status != PGRES_COPY_IN) {
      auto checked = status == PGRES_COMMAND_OK
                         ? Result<void>(fail(ErrorKind::migration_failed, "the server did not ask for COPY rows"))
                         : check(res, failure);
      PQclear(res);
      return checked;
    }
    PQclear(res);
    // Large dumps are sent in pieces; libpq buffers and flushes them as the socket allows.
    constexpr size_t k_chunk = 1 << 20;
    for (size_t at = 0; at < rows.size(); at += k_chunk) {
      auto piece = rows.substr(at, k_chunk);
      if (PQputCopyData(m_conn, piece.data(), static_cast<int>(piece.size())) != 1) break;
    }
    PQputCopyEnd(m_conn, nullptr);
    Result<void> outcome;
    while (PGresult* r = PQgetResult(m_conn)) {
      if (outcome) outcome = check(r, failure);
      PQclear(r);
    }
    return outcome;
  }

  Result<void> reset_session() override {
    return execute(m_pooler.empty() ? "RESET ALL; " + m_session_setup : "RESET ALL; " + local_setup(), nullptr);
  }

  // Session settings go to the server at once; through a transaction pooler, with each transaction.
  Result<void> apply_session_setup(std::string setup, std::string pooler) {
    m_session_setup = std::move(setup);
    m_pooler = std::move(pooler);
    if (!m_pooler.empty()) return {};
    return execute(m_session_setup, nullptr);
  }

  std::string pooler() const override { return m_pooler; }

  Result<void> transaction_setup() override {
    if (m_pooler.empty()) return {};
    return execute(local_setup(), nullptr);
  }

  Result<std::string> session_schema() override {
    if (m_schema) return *m_schema;
    auto r = query("SELECT pg_catalog.current_schema()", {});
    if (!r) return fail(std::move(r.error().within("asking for the session's current schema")));
    return *(m_schema = r->rows.at(0).at(0).value_or(""));
  }

  Result<std::string> read_only_reason() override {
    if (m_read_only) return *m_read_only;
    auto r = query("SELECT " + std::string(k_read_only_columns), {});
    if (!r) return fail(std::move(r.error().within("checking that the database takes writes")));
    return read_only_answer(r->rows.at(0), 0);
  }

  // A pooler hands the client a cancel key of its own: the backend the server reports is another.
  // Whether the server takes writes is asked in the same round trip, for read_only_reason.
  Result<std::string> detect_pooler() {
    auto r = query(
        "SELECT pg_catalog.pg_backend_pid()::text, pg_catalog.current_schema(), " + std::string(k_read_only_columns),
        {});
    if (!r) return fail(std::move(r.error()));
    m_schema = r->rows.at(0).at(1).value_or("");
    m_read_only = read_only_answer(r->rows.at(0), 2);
    if (r->rows.at(0).at(0) == Value(std::to_string(PQbackendPID(m_conn)))) return std::string();
    return std::string(
        "a connection pooler answers for the server (the server's process for this session is not "
        "the one the connection was given)");
  }

  void cancel() override {
    if (!m_cancel) return;
    std::array<char, 256> errbuf{};
    PQcancel(m_cancel, errbuf.data(), static_cast<int>(errbuf.size()));
  }

  std::string server_version() override {
    int v = PQserverVersion(m_conn);
    return fmt::format("PostgreSQL {}.{}", v / 10000, v % 10000);
  }

 private:
  Result<void> check(PGresult* res, StatementFailure* failure) {
    auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return {};
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) return end_copy(status);
    Error error(ErrorKind::migration_failed, "");
    if (res && PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)) {
      error.message = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
      if (const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL)) {
        error.message += fmt::format(" ({})", detail);
      }
      if (const char* hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT)) error.hint = hint;
      if (const char* code = PQresultErrorField(res, PG_DIAG_SQLSTATE)) error.server_code = code;
      if (const char* pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION); pos && failure) {
        failure->position = static_cast<size_t>(std::strtoul(pos, nullptr, 10));
      }
    } else {
      error.message = trim(PQerrorMessage(m_conn));
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
      error.kind = ErrorKind::unreachable;
      if (error.message.empty()) error.message = "the connection to the server was lost";
    }
    if (error.message.empty()) error.message = fmt::format("the server answered {}", PQresStatus(status));
    return fail(std::move(error));
  }

  // A COPY that this call did not expect (COPY ... TO STDOUT, or FROM STDIN sent as a plain statement):
  // end it, so that the connection stays usable, and say why it failed.
  Result<void> end_copy(ExecStatusType status) {
    if (status == PGRES_COPY_IN) {
      PQputCopyEnd(m_conn, "authmigrate sends COPY rows only for COPY ... FROM stdin followed by its rows");
    } else {
      char* buffer = nullptr;
      while (PQgetCopyData(m_conn, &buffer, 0) > 0) PQfreemem(buffer);
    }
    while (PGresult* r = PQgetResult(m_conn)) PQclear(r);
    return fail(ErrorKind::migration_failed,
                status == PGRES_COPY_OUT
                    ? "COPY ... TO STDOUT writes rows to the client, which a migration cannot take: "
                      "write them to a file on the server, or leave the statement out"
                    : "the statement started a COPY that authmigrate could not feed");
  }

  std::string local_setup() const {
    std::string out;
    size_t at = 0;
    while (at < m_session_setup.size()) {  // "SET a = 1; SET b = 2" -> "SET LOCAL a = 1; SET LOCAL b = 2"
      auto end = std::min(m_session_setup.find("; ", at), m_session_setup.size());
      out += (out.empty() ? "SET LOCAL" : "; SET LOCAL") + m_session_setup.substr(at + 3, end - at - 3);
      at = end + 2;
    }
    return out;
  }

  PGconn* m_conn;
  PGcancel* m_cancel;
  std::string m_session_setup;  // SET statements, "; "-separated
  std::string m_pooler;
  std::optional<std::string> m_read_only;  // asked with detect_pooler
  std::optional<std::string> m_schema;     // current_schema() when the session opened
};

}  // namespace

Result<std::unique_ptr<Connection>> open_postgres(const config::DatabaseUrl& url, const SessionSettings& settings) {
  std::string conninfo = url.libpq_conninfo();
  if (settings.connect_timeout && !url.param("connect_timeout")) {
    // libpq counts whole seconds and treats 1 as 2.
    auto secs = std::max<long long>(2, (settings.connect_timeout->count() + 999) / 1000);
    conninfo += fmt::format(" connect_timeout='{}'", secs);
  }
  if (!url.param("application_name")) conninfo += " application_name='authmigrate'";
  // Later keywords win in a conninfo string: this can replace sslrootcert=system with the bundle.
  auto trust = postgres_trust_conninfo(url);
  if (!trust) return fail(std::move(trust.error()));
  conninfo += *trust;
  prepare_tls_library(postgres_may_use_tls(url, config::Environment::from_process()));
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    Error error(ErrorKind::unreachable, trim(PQerrorMessage(conn)));
    error.transient = is_transient_connect_failure(error.message);
    if (error.message.find("certificate") != std::string::npos) {
      error.hint =
          "the server's TLS certificate was not accepted: check sslrootcert (the CA that signed it), or "
          "SSL_CERT_FILE for the system's, and that it names the host in the URL";
    }
    PQfinish(conn);
    return fail(std::move(error));
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  // Timeouts are enforced by the server itself, for every statement of the session. RESET ALL goes
  // back to what the connection started with (the URL's options included), before them.
  std::string setup = "SET client_min_messages = warning";
  if (settings.statement_timeout)
    setup += fmt::format("; SET statement_timeout = {}", settings.statement_timeout->count());
  if (settings.lock_timeout) setup += fmt::format("; SET lock_timeout = {}", settings.lock_timeout->count());
  auto hint = pooler_hint(url);
  std::string pooler = hint.why;
  if (hint.verdict == PoolerHint::Verdict::unknown) {
    auto detected = connection->detect_pooler();
    if (!detected) return fail(std::move(detected.error()));
    pooler = std::move(*detected);
  }
  AM_TRY(connection->apply_session_setup(setup, std::move(pooler)));
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace authmigrate::db
