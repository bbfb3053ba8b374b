// MySQL and MariaDB through libmariadb. DDL commits implicitly here: a failed migration cannot be
// rolled back, which the runner handles with a "started" marker. Parameters are inlined as escaped
// literals (the protocol's text mode); cancel() kills the running query from a second connection.
#include <array>
#include <optional>

#include <fmt/format.h>
#include <mysql.h>

#include <authmigrate/db/open.hpp>
#include <authmigrate/db/tls_library.hpp>
#include <authmigrate/db/tls_trust.hpp>

namespace authmigrate::db {
namespace {

bool is_transient_errno(unsigned code) {
  switch (code) {
    case 2002:  // can't connect through socket
    case 2003:  // can't connect to server
    case 2005:  // unknown host (DNS not ready yet)
    case 2006:  // server has gone away
    case 2013:  // lost connection
    case 1040:  // too many connections
    case 1053:  // server shutdown in progress
      return true;
    default:
      return false;
  }
}

struct Credentials {
  std::string host, user, password, database, socket;
  unsigned port = 0;
  unsigned connect_timeout_s = 0;
  MysqlTls tls;
};

void set_tls_options(MYSQL* handle, const MysqlTls& tls) {
  if (!tls.attempt) return;
  mysql_ssl_set(handle, nullptr, nullptr, tls.ca_file.empty() ? nullptr : tls.ca_file.c_str(), nullptr, nullptr);
  my_bool yes = 1;
  if (tls.enforce) mysql_optionsv(handle, MYSQL_OPT_SSL_ENFORCE, &yes);
  if (tls.verify) mysql_optionsv(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes);
}

Result<MYSQL*> connect(const Credentials& c) {
  prepare_tls_library(c.tls.attempt);
  MYSQL* handle = mysql_init(nullptr);
  if (!handle) return fail(ErrorKind::internal, "mysql_init failed: out of memory");
  if (c.connect_timeout_s) mysql_optionsv(handle, MYSQL_OPT_CONNECT_TIMEOUT, &c.connect_timeout_s);
  mysql_optionsv(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  my_bool no = 0;
  mysql_optionsv(handle, MYSQL_OPT_RECONNECT, &no);
  set_tls_options(handle, c.tls);
  if (!mysql_real_connect(handle, c.host.empty() ? nullptr : c.host.c_str(), c.user.c_str(), c.password.c_str(),
                          c.database.empty() ? nullptr : c.database.c_str(), c.port,
                          c.socket.empty() ? nullptr : c.socket.c_str(), 0)) {
    Error error(ErrorKind::unreachable, mysql_error(handle));
    unsigned code = mysql_errno(handle);
    error.server_code = std::to_string(code);
    error.transient = is_transient_errno(code);
    if (code == 2026) {  // CR_SSL_CONNECTION_ERROR
      error.hint =
          "the TLS handshake failed: check ssl-ca (the CA that signed the server's certificate) and "
          "that the certificate names the host in the URL";
    }
    mysql_close(handle);
    return fail(std::move(error));
  }
  return handle;
}

class MysqlConnection final : public Connection {
 public:
  MysqlConnection(MYSQL* handle, Credentials credentials)
      : m_handle(handle), m_credentials(std::move(credentials)), m_thread_id(mysql_thread_id(handle)) {}
  ~MysqlConnection() override { mysql_close(m_handle); }

  Dialect dialect() const override { return Dialect::mysql; }

  Result<void> execute(std::string_view sql, StatementFailure* failure) override {
    if (mysql_real_query(m_handle, sql.data(), sql.size()) != 0) return fail(make_error(failure));
    // A statement that returns rows can still fail while they are read (killed, timed out).
    MYSQL_RES* res = mysql_store_result(m_handle);
    if (!res && mysql_field_count(m_handle) != 0) return fail(make_error(failure));
    if (res) mysql_free_result(res);
    return {};
  }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    std::string text = inline_params(sql, params);
    if (mysql_real_query(m_handle, text.data(), text.size()) != 0) return fail(make_error(nullptr));
    QueryResult out;
    MYSQL_RES* res = mysql_store_result(m_handle);
    if (!res) {
      if (mysql_field_count(m_handle) != 0) return fail(make_error(nullptr));
      return out;
    }
    unsigned ncols = mysql_num_fields(res);
    MYSQL_FIELD* fields = mysql_fetch_fields(res);
    for (unsigned c = 0; c < ncols; ++c) out.columns.emplace_back(fields[c].name);
    while (MYSQL_ROW raw = mysql_fetch_row(res)) {
      unsigned long* lengths = mysql_fetch_lengths(res);
      Row row;
      row.reserve(ncols);
      for (unsigned c = 0; c < ncols; ++c) {
        if (raw[c]) {
          row.emplace_back(std::string(raw[c], lengths[c]));
        } else {
          row.emplace_back(std::nullopt);
        }
      }
      out.rows.push_back(std::move(row));
    }
    mysql_free_result(res);
    return out;
  }

  void cancel() override {
    auto killer = connect(m_credentials);
    if (!killer) return;
    auto statement = fmt::format("KILL QUERY {}", m_thread_id);
    mysql_real_query(*killer, statement.data(), statement.size());
    mysql_close(*killer);
  }

  std::string server_version() override { return mysql_get_server_info(m_handle); }

  // A replica is usually made read_only; writing to it (as a user with SUPER may) breaks replication.
  // The database is asked in the same round trip, for session_schema.
  Result<std::string> read_only_reason() override {
    auto r = query("SELECT @@global.read_only, DATABASE()", {});
    if (!r) return fail(std::move(r.error().within("checking that the database takes writes")));
    if (!m_database) m_database = r->rows.at(0).at(1).value_or("");
    if (r->rows.at(0).at(0) == Value("1")) return std::string("the server is read-only (read_only is ON: a replica)");
    return std::string();
  }

  Result<std::string> session_schema() override {
    if (m_database) return *m_database;
    auto r = query("SELECT DATABASE()", {});
    if (!r) return fail(std::move(r.error().within("asking for the session's database")));
    return *(m_database = r->rows.at(0).at(0).value_or(""));
  }

  Result<void> reset_session() override {
    return m_session_restore.empty() ? Result<void>{} : execute(m_session_restore, nullptr);
  }

  // Remembers the session variables that dumps and migrations change, as they are now.
  Result<void> save_session() override {
    if (!m_session_restore.empty()) return {};
    static constexpr std::array<std::string_view, 8> k_names = {"sql_mode",
                                                                "foreign_key_checks",
                                                                "unique_checks",
                                                                "time_zone",
                                                                "character_set_client",
                                                                "character_set_results",
                                                                "collation_connection",
                                                                "sql_notes"};
    std::string select = "SELECT ";
    for (auto name : k_names) select += fmt::format("{}@@SESSION.{}", select.size() > 7 ? ", " : "", name);
    auto values = query(select, {});
    if (!values) return fail(std::move(values.error().within("reading the session settings")));
    std::string restore = "SET ";
    for (size_t i = 0; i < k_names.size(); ++i) {
      const auto& value = values->rows.at(0).at(i);
      bool number = value && !value->empty() && value->find_first_not_of("0123456789") == std::string::npos;
      auto text = !value ? std::string("NULL") : number ? *value : quote_literal(*value);
      restore += fmt::format("{}SESSION {} = {}", i ? ", " : "", k_names[i], text);
    }
    m_session_restore = std::move(restore);
    return {};
  }

 private:
  Error make_error(StatementFailure* failure) {
    unsigned code = mysql_errno(m_handle);
    Error error(ErrorKind::migration_failed, mysql_error(m_handle));
    error.server_code = fmt::format("{} {}", code, mysql_sqlstate(m_handle));
    if (code >= 2000 && code < 3000) error.kind = ErrorKind::unreachable;  // client-side: connection lost
    // Syntax errors end in "... at line N", N counted within the statement.
    constexpr std::string_view k_at_line = "at line ";
    if (auto pos = error.message.rfind(k_at_line); failure && pos != std::string::npos) {
      auto digits = std::string_view(error.message).substr(pos + k_at_line.size());
      if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos && digits.size() < 9) {
        failure->line = std::stoi(std::string(digits));
      }
    }
    return error;
  }

  // Replaces $1, $2 ... outside quotes with escaped literals.
  std::string inline_params(std::string_view sql, const std::vector<Value>& params) {
    std::string out;
    out.reserve(sql.size() + 64);
    char quote = 0;
    for (size_t i = 0; i < sql.size(); ++i) {
      char c = sql[i];
      if (quote) {
        out += c;
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out += c;
        continue;
      }
      if (c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
        size_t j = i + 1;
        size_t n = 0;
        while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j])))
          n = n * 10 + static_cast<size_t>(sql[j++] - '0');
        if (n >= 1 && n <= params.size()) {
          out += literal(params[n - 1]);
          i = j - 1;
          continue;
        }
      }
      out += c;
    }
    return out;
  }

  std::string literal(const Value& value) {
    if (!value) return "NULL";
    std::string escaped(value->size() * 2 + 1, '\0');
    auto n = mysql_real_escape_string(m_handle, escaped.data(), value->data(), value->size());
    escaped.resize(n);
    return "'" + escaped + "'";
  }

  MYSQL* m_handle;
  Credentials m_credentials;
  std::string m_session_restore;
  unsigned long m_thread_id;
  std::optional<std::string> m_database;  // DATABASE() when the session opened
};

}  // namespace

Result<std::unique_ptr<Connection>> open_mysql(const config::DatabaseUrl& url, const SessionSettings& settings) {
  Credentials c;
  c.host = url.host;
  c.user = url.user;
  c.password = url.password.value_or("");
  c.database = url.database;
  c.port = static_cast<unsigned>(url.port.value_or(3306));
  c.socket = url.param("socket").value_or("");
  auto tls = mysql_tls(url);
  if (!tls) return fail(std::move(tls.error()));
  c.tls = std::move(*tls);
  if (settings.connect_timeout) {
    c.connect_timeout_s =
        static_cast<unsigned>(std::max<long long>(1, (settings.connect_timeout->count() + 999) / 1000));
  }
  auto handle = connect(c);
  if (!handle) return fail(std::move(handle.error()));
  bool mariadb = std::string_view(mysql_get_server_info(*handle)).find("MariaDB") != std::string_view::npos;
  auto connection = std::make_unique<MysqlConnection>(*handle, c);
  std::string setup = "SET SESSION sql_notes = 0";
  if (settings.lock_timeout) {
    setup += fmt::format(", SESSION lock_wait_timeout = {}, SESSION innodb_lock_wait_timeout = {}",
                         std::max<long long>(1, settings.lock_timeout->count() / 1000),
                         std::max<long long>(1, settings.lock_timeout->count() / 1000));
  }
  if (settings.statement_timeout) {
    // MariaDB bounds every statement; MySQL's max_execution_time bounds SELECTs only.
    setup += mariadb
                 ? fmt::format(", SESSION max_statement_time = {:.3f}", settings.statement_timeout->count() / 1000.0)
                 : fmt::format(", SESSION max_execution_time = {}", settings.statement_timeout->count());
  }
  AM_TRY(connection->execute(setup, nullptr));
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace authmigrate::db
