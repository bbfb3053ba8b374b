// The lock that makes concurrent deployers migrate once. PostgreSQL: a session advisory lock with a
// fixed key derived from the history table's name (advisory locks are per database); through a
// transaction pooler, where a session lock would stay behind in a server session another client gets
// next, a transaction advisory lock taken inside the run's one transaction instead. MySQL: GET_LOCK
// on a name that includes the database (named locks are per server); on a Galera node, a row in a
// table that the cluster certifies (topology::ClusterLock). SQLite: none here — each file runs in a
// BEGIN IMMEDIATE write transaction, which is the lock.
#pragma once

#include <functional>
#include <memory>

#include <authmigrate/base/deadline.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/report/reporter.hpp>
#include <authmigrate/topology/cluster_lock.hpp>

namespace authmigrate::migrations {

class MigrationLock {
 public:
  explicit MigrationLock(db::Connection& connection) : m_db(connection) {}
  ~MigrationLock();
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

  // Polls until the lock is ours or `deadline` passes (kind lock_timeout, or deadline/interrupted
  // when the whole run is being stopped). Says once that it is waiting. Through a transaction
  // pooler it takes nothing: see acquire_in_transaction.
  Result<void> acquire(const base::Deadline& deadline, report::Reporter& reporter);
  // PostgreSQL, inside an open transaction: the transaction advisory lock, released by its end.
  Result<void> acquire_in_transaction(const base::Deadline& deadline, report::Reporter& reporter);
  // Galera: pushes the lease on (between files); elsewhere nothing.
  Result<void> renew();
  Result<void> release();
  // A Galera node's lease: renewed between files, so only one file running longer than this can let
  // a second deployer in.
  static constexpr std::chrono::seconds k_cluster_lease{300};

  // The advisory-lock key used on PostgreSQL (exposed for tests and docs).
  static long long postgres_key();

 private:
  Result<bool> try_once(report::Reporter& reporter);
  Result<void> poll(const base::Deadline& deadline, report::Reporter& reporter,
                    const std::function<Result<bool>()>& attempt);
  db::Connection& m_db;
  bool m_held = false;
  std::optional<bool> m_galera;  // decided at the first attempt (MySQL)
  std::unique_ptr<topology::ClusterLock> m_cluster;
};

}  // namespace authmigrate::migrations
