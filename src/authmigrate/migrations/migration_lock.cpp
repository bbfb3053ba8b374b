#include <authmigrate/migrations/migration_lock.hpp>

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/base/sha256.hpp>
#include <authmigrate/migrations/history_table.hpp>

namespace authmigrate::migrations {

using config::Dialect;

long long MigrationLock::postgres_key() {
  // The first 15 hex digits of SHA-256("authmigrate_migrations"): fixed, positive, fits a bigint.
  static const long long key = std::strtoll(base::sha256_hex(k_history_table).substr(0, 15).c_str(), nullptr, 16);
  return key;
}

namespace {
constexpr std::string_view k_mysql_lock_prefix = "authmigrate:";
}

MigrationLock::~MigrationLock() {
  if (m_held) (void)release();
}

Result<bool> MigrationLock::try_once(report::Reporter& reporter) {
  switch (m_db.dialect()) {
    case Dialect::postgres: {
      auto r = m_db.query(fmt::format("SELECT pg_try_advisory_lock({})", postgres_key()));
      if (!r) return fail(std::move(r.error()));
      return r->rows.at(0).at(0) == std::optional<std::string>("t");
    }
    case Dialect::mysql: {
      if (!m_galera) {
        auto galera = topology::is_galera_node(m_db);
        if (!galera) return fail(std::move(galera.error()));
        m_galera = *galera;
        if (*galera) m_cluster = std::make_unique<topology::ClusterLock>(m_db, k_cluster_lease);
      }
      if (m_cluster) return m_cluster->try_once(reporter);
      // Named locks are server-wide; the name carries the database so two databases do not contend.
      auto r = m_db.query("SELECT GET_LOCK(LEFT(CONCAT($1, DATABASE()), 64), 0)", {std::string(k_mysql_lock_prefix)});
      if (!r) return fail(std::move(r.error()));
      return r->rows.at(0).at(0) == std::optional<std::string>("1");
    }
    case Dialect::sqlite:
      return true;
  }
  return true;
}

Result<void> MigrationLock::acquire(const base::Deadline& deadline, report::Reporter& reporter) {
  if (!m_db.pooler().empty()) return {};
  AM_TRY(poll(deadline, reporter, [&] { return try_once(reporter); }));
  m_held = true;
  return {};
}

Result<void> MigrationLock::acquire_in_transaction(const base::Deadline& deadline, report::Reporter& reporter) {
  return poll(deadline, reporter, [&]() -> Result<bool> {
    auto r = m_db.query(fmt::format("SELECT pg_try_advisory_xact_lock({})", postgres_key()));
    if (!r) return fail(std::move(r.error()));
    return r->rows.at(0).at(0) == std::optional<std::string>("t");
  });
}

Result<void> MigrationLock::renew() {
  if (!m_held || !m_cluster) return {};
  return m_cluster->renew();
}

Result<void> MigrationLock::poll(const base::Deadline& deadline, report::Reporter& reporter,
                                 const std::function<Result<bool>()>& attempt) {
  using namespace std::chrono;
  auto started = steady_clock::now();
  bool said_waiting = false;
  auto pause = milliseconds(50);
  for (;;) {
    auto got = attempt();
    if (!got) return fail(std::move(got.error().within("taking the migration lock")));
    if (*got) {
      if (said_waiting) {
        auto event = report::info("lock.acquired", "took the migration lock");
        event.duration_ms = duration<double, std::milli>(steady_clock::now() - started).count();
        reporter.emit(event);
      }
      return {};
    }
    if (!said_waiting) {
      auto holder = m_cluster ? m_cluster->holder() : std::string();
      reporter.emit(report::info("lock.waiting", holder.empty() ? std::string("waiting for the migration lock "
                                                                              "(another deployer holds it)")
                                                                : fmt::format("waiting for the migration lock "
                                                                              "(held by {})",
                                                                              holder)));
      said_waiting = true;
    }
    if (deadline.passed()) {
      if (base::stop_requested()) return fail(base::stop_error());
      return fail(
          Error(ErrorKind::lock_timeout, fmt::format("the migration lock was not free after {:.1f} s",
                                                     duration<double>(steady_clock::now() - started).count()))
              .with_hint("another authmigrate is migrating this database; raise --lock-timeout to wait longer"));
    }
    auto nap = std::min<milliseconds>(pause, duration_cast<milliseconds>(deadline.remaining()));
    if (!base::sleep_unless_stopped(nap)) return fail(base::stop_error());
    pause = std::min(pause * 2, milliseconds(500));
  }
}

Result<void> MigrationLock::release() {
  if (!m_held) return {};
  m_held = false;
  Result<db::QueryResult> r;
  switch (m_db.dialect()) {
    case Dialect::postgres:
      r = m_db.query(fmt::format("SELECT pg_advisory_unlock({})", postgres_key()));
      break;
    case Dialect::mysql:
      if (m_cluster)
        return m_cluster->release().map_error(
            [](Error e) { return std::move(e.within("releasing the migration lock")); });
      r = m_db.query("SELECT RELEASE_LOCK(LEFT(CONCAT($1, DATABASE()), 64))", {std::string(k_mysql_lock_prefix)});
      break;
    case Dialect::sqlite:
      return {};
  }
  if (!r) return fail(std::move(r.error().within("releasing the migration lock")));
  return {};
}

}  // namespace authmigrate::migrations
