// The migration lock on a MariaDB Galera cluster. GET_LOCK holds on one node only, so two deployers
// pointed at two nodes would both take it. This lock is a row in `authmigrate_lock`: Galera certifies
// writes cluster-wide, so of two nodes inserting the row at once one commit wins and the other fails
// (a deadlock error), and a node that already has the row waits. The row has a lease, renewed
// between migration files; a deployer that died leaves a row that expires, and the next one takes
// it over (saying whose it was).
#pragma once

#include <chrono>
#include <string>

#include <authmigrate/db/connection.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::topology {

inline constexpr std::string_view k_cluster_lock_table = "authmigrate_lock";

// wsrep_on is ON: the server is a Galera node. Also refuses a cluster whose DDL would not replicate
// (wsrep_OSU_method other than TOI). Fails when the server cannot say (see galera_from_probe).
Result<bool> is_galera_node(db::Connection& connection);

// is_galera_node's decision on the answer to `SELECT @@global.wsrep_on, @@global.wsrep_OSU_method`.
// Only "unknown system variable" (1193: a server without Galera) means "not Galera". Any other error
// (a timeout, a lost connection, a refusal) leaves the question open, and is returned: guessing "not
// Galera" would take a lock that holds on one node only, and let a deployer on another node in.
Result<bool> galera_from_probe(const Result<db::QueryResult>& probe);

class ClusterLock {
 public:
  ClusterLock(db::Connection& connection, std::chrono::seconds lease);

  // One attempt: true when the row is ours now. Creates the table the first time.
  Result<bool> try_once(report::Reporter& reporter);
  // Pushes the lease on; fails when the row is no longer ours (a lease ran out and was taken over).
  Result<void> renew();
  Result<void> release();
  // Who holds it now, for the message of a waiting deployer; empty when no one.
  std::string holder();

 private:
  Result<void> prepare();
  Result<void> take_over_expired(report::Reporter& reporter);

  db::Connection& m_db;
  std::chrono::seconds m_lease;
  std::string m_token;  // this deployer's holder text: node, connection, a random part
  bool m_prepared = false;
};

}  // namespace authmigrate::topology
