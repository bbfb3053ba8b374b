// SQLite, embedded. DDL is transactional; there is no server to hold a lock, so the migration lock
// is a write transaction (BEGIN IMMEDIATE) waited for with the busy timeout. A statement timeout is
// a progress handler that interrupts the statement; cancel() is sqlite3_interrupt, thread-safe.
#include <atomic>
#include <chrono>
#include <filesystem>

#include <fmt/format.h>
#include <sqlite3.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/db/open.hpp>

namespace authmigrate::db {
namespace {

// Where the next statement really starts, so that an error without a position points at its line.
const char* skip_space_and_comments(const char* p, const char* end) {
  for (;;) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ';')) ++p;
    if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
      while (p < end && *p != '\n') ++p;
    } else if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
      const char* close = p + 2;
      while (close + 1 < end && !(close[0] == '*' && close[1] == '/')) ++close;
      p = close + 1 < end ? close + 2 : end;
    } else {
      return p;
    }
  }
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::optional<std::chrono::milliseconds> statement_timeout)
      : m_db(db), m_statement_timeout(statement_timeout) {
    if (m_statement_timeout) sqlite3_progress_handler(m_db, 10000, &SqliteConnection::on_progress, this);
  }
  ~SqliteConnection() override { sqlite3_close_v2(m_db); }

  Dialect dialect() const override { return Dialect::sqlite; }

  // Runs a script of one or more statements; the error position is an offset into the whole text.
  Result<void> execute(std::string_view sql_view, StatementFailure* failure) override {
    // SQLite copies the rest of the text at every prepare unless it is NUL-terminated and told so:
    // without this a large file costs quadratic time.
    std::string sql(sql_view);
    const char* begin = sql.data();
    const char* end = sql.data() + sql.size();
    const char* cursor = begin;
    while (cursor < end) {
      cursor = skip_space_and_comments(cursor, end);
      if (cursor >= end) break;
      sqlite3_stmt* stmt = nullptr;
      const char* tail = nullptr;
      start_clock();
      int rc = sqlite3_prepare_v2(m_db, cursor, static_cast<int>(end - cursor) + 1, &stmt, &tail);
      if (rc != SQLITE_OK) return fail_here(failure, cursor - begin);
      if (!stmt) break;  // only whitespace or comments left
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) {
        auto error = make_error();
        sqlite3_finalize(stmt);
        if (failure) failure->position = static_cast<size_t>(cursor - begin) + 1;
        return fail(std::move(error));
      }
      sqlite3_finalize(stmt);
      cursor = tail;
    }
    return {};
  }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = nullptr;
    start_clock();
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
      return fail(make_error());
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int index = sqlite3_bind_parameter_index(stmt, fmt::format("${}", i + 1).c_str());
      if (index == 0) continue;
      if (params[i]) {
        sqlite3_bind_text(stmt, index, params[i]->data(), static_cast<int>(params[i]->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, index);
      }
    }
    QueryResult out;
    int ncols = sqlite3_column_count(stmt);
    for (int c = 0; c < ncols; ++c) out.columns.emplace_back(sqlite3_column_name(stmt, c));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      Row row;
      row.reserve(static_cast<size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
      out.rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
      auto error = make_error();
      sqlite3_finalize(stmt);
      return fail(std::move(error));
    }
    sqlite3_finalize(stmt);
    return out;
  }

  void cancel() override { sqlite3_interrupt(m_db); }

  std::string server_version() override { return fmt::format("SQLite {}", sqlite3_libversion()); }
  Result<std::string> session_schema() override { return std::string("main"); }

 private:
  Error make_error() const {
    Error error(ErrorKind::migration_failed, sqlite3_errmsg(m_db));
    int code = sqlite3_extended_errcode(m_db);
    error.server_code = fmt::format("SQLITE {}", code);
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) error.kind = ErrorKind::lock_timeout;
    return error;
  }

  tl::unexpected<Error> fail_here(StatementFailure* failure, std::ptrdiff_t statement_offset) {
    auto error = make_error();
    if (failure) {
      int offset = sqlite3_error_offset(m_db);
      failure->position = static_cast<size_t>(statement_offset) + static_cast<size_t>(offset >= 0 ? offset : 0) + 1;
    }
    return fail(std::move(error));
  }

  void start_clock() { m_started = std::chrono::steady_clock::now(); }

  static int on_progress(void* self_ptr) {
    auto* self = static_cast<SqliteConnection*>(self_ptr);
    return std::chrono::steady_clock::now() - self->m_started > *self->m_statement_timeout ? 1 : 0;
  }

  sqlite3* m_db;
  std::optional<std::chrono::milliseconds> m_statement_timeout;
  std::chrono::steady_clock::time_point m_started{};
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite(const config::DatabaseUrl& url, const SessionSettings& settings) {
  const std::string& path = url.database;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (url.param("mode") == std::optional<std::string>("ro")) flags = SQLITE_OPEN_READONLY;
  if (path != ":memory:") {
    auto parent = base::path_from_utf8(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
      return fail(ErrorKind::unreachable,
                  fmt::format("cannot open SQLite database {}: folder {} does not exist", path, parent.string()));
    }
  }
  // A database file holds data: a new one is made readable and writable by its owner only (SQLite
  // gives its journal and WAL files the mode of the database file), not left to the umask.
  std::error_code exists_error;
  if ((flags & SQLITE_OPEN_CREATE) && !path.empty() && path != ":memory:" &&
      !std::filesystem::exists(base::path_from_utf8(path), exists_error)) {
    auto created = base::create_private_file(base::path_from_utf8(path), true);
    if (!created) return fail(std::move(created.error().within(fmt::format("creating SQLite database {}", path))));
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error(ErrorKind::unreachable,
                fmt::format("cannot open SQLite database {}: {}", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db);
    return fail(std::move(error));
  }
  sqlite3_extended_result_codes(db, 1);
  // Waiting for another writer is waiting for the lock.
  auto busy = settings.lock_timeout.value_or(std::chrono::milliseconds(600000));
  sqlite3_busy_timeout(db, static_cast<int>(busy.count()));
  std::unique_ptr<Connection> connection = std::make_unique<SqliteConnection>(db, settings.statement_timeout);
  // Fail now, not at the first migration, if the file is not a database.
  if (auto probe = connection->query("SELECT count(*) FROM sqlite_master", {}); !probe) {
    Error error = std::move(probe.error());
    error.kind = ErrorKind::unreachable;
    error.message = fmt::format("cannot open SQLite database {}: {}", path, error.message);
    return fail(std::move(error));
  }
  return connection;
}

}  // namespace authmigrate::db
