#include <authmigrate/topology/cluster_lock.hpp>

#include <random>
#include <thread>

#include <fmt/format.h>

namespace authmigrate::topology {

namespace {

constexpr std::string_view k_lock_name = "migrations";

// The server code is "errno SQLSTATE" ("1213 40001"): the errno must match whole (1193 is not 11930).
bool has_code(const Error& error, std::string_view code) {
  std::string_view server_code = error.server_code;
  return server_code.substr(0, server_code.find(' ')) == code;
}

constexpr std::string_view k_unknown_system_variable = "1193";  // ER_UNKNOWN_SYSTEM_VARIABLE

// Galera aborts a statement that meets another node's concurrent write or DDL with a deadlock error
// (1213, as when a waiter's CREATE TABLE IF NOT EXISTS replicates while the holder renews its lease).
// Run again, the statement sees the settled state; the lock's statements are each safe to repeat.
constexpr int k_conflict_retries = 8;

Result<db::QueryResult> query_retrying(db::Connection& db, std::string_view sql,
                                       const std::vector<db::Value>& params = {}) {
  auto result = db.query(sql, params);
  for (int attempt = 1; attempt <= k_conflict_retries && !result && has_code(result.error(), "1213"); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
    result = db.query(sql, params);
  }
  return result;
}

// Only the first deployer creates the table: a DDL statement replicates in total order and aborts
// whatever another node's holder is doing with the table at that moment.
Result<void> ensure_lock_table(db::Connection& db) {
  auto exists = query_retrying(db,
                               "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND "
                               "table_name = $1",
                               {std::string(k_cluster_lock_table)});
  if (!exists) return fail(std::move(exists.error()));
  if (exists->rows.at(0).at(0) != db::Value("0")) return {};
  AM_TRY(query_retrying(db, fmt::format("CREATE TABLE IF NOT EXISTS {} (name VARCHAR(64) NOT NULL PRIMARY KEY, "
                                        "holder VARCHAR(255) NOT NULL, expires_at DATETIME(3) NOT NULL) ENGINE=InnoDB",
                                        k_cluster_lock_table)));
  return {};
}

std::string random_part() {
  std::random_device device;
  return fmt::format("{:08x}{:08x}", device(), device());
}

}  // namespace

Result<bool> is_galera_node(db::Connection& connection) {
  return galera_from_probe(connection.query("SELECT @@global.wsrep_on, @@global.wsrep_OSU_method", {}));
}

Result<bool> galera_from_probe(const Result<db::QueryResult>& probe) {
  if (!probe) {
    if (has_code(probe.error(), k_unknown_system_variable)) return false;  // MySQL: no wsrep variables
    Error error = probe.error();
    // The probe is no migration: a refusal, like a lost connection, means the server cannot be used.
    if (error.kind == ErrorKind::migration_failed) error.kind = ErrorKind::unreachable;
    error.within("checking whether the server is a Galera node (SELECT @@global.wsrep_on)");
    error.hint =
        "the lock to take depends on the answer (a row the cluster certifies on Galera, GET_LOCK "
        "elsewhere), so authmigrate does not guess: fix the cause above (the connection, a timeout, the "
        "user's rights) and run again; nothing was changed";
    return fail(std::move(error));
  }
  const auto& row = probe->rows.at(0);
  if (row.at(0) != db::Value("1")) return false;
  if (auto method = row.at(1); method != db::Value("TOI")) {
    return fail(Error(ErrorKind::config, fmt::format("this Galera node runs DDL with wsrep_OSU_method = {}: the "
                                                     "schema changes would not reach the other nodes",
                                                     method.value_or("NULL")))
                    .with_hint("migrate with wsrep_OSU_method = TOI (the default)"));
  }
  return true;
}

ClusterLock::ClusterLock(db::Connection& connection, std::chrono::seconds lease) : m_db(connection), m_lease(lease) {}

Result<void> ClusterLock::prepare() {
  if (m_prepared) return {};
  // Reads wait until this node has applied what the cluster committed before them.
  AM_TRY(m_db.execute("SET SESSION wsrep_sync_wait = 1"));
  AM_TRY(ensure_lock_table(m_db));
  auto who = query_retrying(m_db, "SELECT CONCAT(@@wsrep_node_name, ' connection ', CONNECTION_ID())", {});
  if (!who) return fail(std::move(who.error()));
  m_token = fmt::format("{} ({})", who->rows.at(0).at(0).value_or("?"), random_part());
  m_prepared = true;
  return {};
}

Result<void> ClusterLock::take_over_expired(report::Reporter& reporter) {
  auto stale = query_retrying(
      m_db,
      fmt::format("SELECT holder FROM {} WHERE name = $1 AND expires_at < UTC_TIMESTAMP(3)", k_cluster_lock_table),
      {std::string(k_lock_name)});
  if (!stale) return fail(std::move(stale.error()));
  if (stale->rows.empty()) return {};
  auto holder = stale->rows.at(0).at(0).value_or("");
  AM_TRY(query_retrying(m_db,
                        fmt::format("DELETE FROM {} WHERE name = $1 AND holder = $2 AND expires_at < UTC_TIMESTAMP(3)",
                                    k_cluster_lock_table),
                        {std::string(k_lock_name), holder}));
  reporter.emit(report::warning("lock.expired", fmt::format("the migration lock of {} had expired (that deployer "
                                                            "stopped without releasing it): taking it over",
                                                            holder)));
  return {};
}

Result<bool> ClusterLock::try_once(report::Reporter& reporter) {
  AM_TRY(prepare());
  AM_TRY(take_over_expired(reporter));
  auto inserted = m_db.query(fmt::format("INSERT INTO {} (name, holder, expires_at) VALUES ($1, $2, "
                                         "UTC_TIMESTAMP(3) + INTERVAL {} SECOND)",
                                         k_cluster_lock_table, m_lease.count()),
                             {std::string(k_lock_name), m_token});
  if (inserted) return true;
  // 1062: the row is there (someone holds the lock); 1213: another node's insert won certification.
  if (has_code(inserted.error(), "1062") || has_code(inserted.error(), "1213")) return false;
  return fail(std::move(inserted.error()));
}

Result<void> ClusterLock::renew() {
  auto renewed = query_retrying(m_db,
                                fmt::format("UPDATE {} SET expires_at = UTC_TIMESTAMP(3) + INTERVAL {} SECOND WHERE "
                                            "name = $1 AND holder = $2",
                                            k_cluster_lock_table, m_lease.count()),
                                {std::string(k_lock_name), m_token});
  if (!renewed) return fail(std::move(renewed.error().within("renewing the migration lock")));
  if (holder() == m_token) return {};
  return fail(Error(ErrorKind::lock_timeout,
                    "the migration lock was taken over: its lease ran out while this run "
                    "held it")
                  .with_hint("nothing more is applied by this run; run it again"));
}

Result<void> ClusterLock::release() {
  auto deleted =
      query_retrying(m_db, fmt::format("DELETE FROM {} WHERE name = $1 AND holder = $2", k_cluster_lock_table),
                     {std::string(k_lock_name), m_token});
  if (!deleted) return fail(std::move(deleted.error()));
  return {};
}

std::string ClusterLock::holder() {
  auto r = query_retrying(m_db, fmt::format("SELECT holder FROM {} WHERE name = $1", k_cluster_lock_table),
                          {std::string(k_lock_name)});
  if (!r || r->rows.empty()) return {};
  return r->rows.at(0).at(0).value_or("");
}

}  // namespace authmigrate::topology
