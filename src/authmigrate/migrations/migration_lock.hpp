// The lock that makes concurrent deployers migrate once. PostgreSQL: a session advisory lock with a
// fixed key derived from the history table's name (advisory locks are per database). MySQL: GET_LOCK
// on a name that includes the database (named locks are per server). SQLite: none here — each file
// runs in a BEGIN IMMEDIATE write transaction, which is the lock.
#pragma once

#include <authmigrate/base/deadline.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::migrations {

class MigrationLock {
 public:
  explicit MigrationLock(db::Connection& connection) : m_db(connection) {}
  ~MigrationLock();
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

  // Polls until the lock is ours or `deadline` passes (kind lock_timeout, or deadline/interrupted
  // when the whole run is being stopped). Says once that it is waiting.
  Result<void> acquire(const base::Deadline& deadline, report::Reporter& reporter);
  Result<void> release();

  // The advisory-lock key used on PostgreSQL (exposed for tests and docs).
  static long long postgres_key();

 private:
  Result<bool> try_once();
  db::Connection& m_db;
  bool m_held = false;
};

}  // namespace authmigrate::migrations
