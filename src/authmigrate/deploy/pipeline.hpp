// The deploy of one database, as a narrated list of steps, each logged with its duration:
// wait for the database, take the lock, back up, sync the Better Auth schema and apply the SQL
// files, verify nothing is left pending; on failure after a backup, restore it.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <authmigrate/backup/backup.hpp>
#include <authmigrate/base/deadline.hpp>
#include <authmigrate/config/database_url.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/migrations/migration_plan.hpp>
#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/repair/repair_request.hpp>
#include <authmigrate/report/reporter.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::deploy {

struct DeployTarget {
  std::string name;  // shown in logs and the summary
  config::DatabaseUrl url;
  // Shared by every target of the same folder: a thousand tenants hold their SQL once.
  std::shared_ptr<const std::vector<migrations::MigrationFile>> files;
};

struct DeploySettings {
  db::SessionSettings session;
  base::Deadline deadline = base::Deadline::never();  // the whole deploy
  double lock_timeout_s = 0;
  double wait_timeout_s = 60;  // each database gets this long to come up, within `deadline`
  std::optional<backup::BackupOptions> backup;
  const schema::Schema* schema = nullptr;  // null: SQL files only
  migrations::PlanOptions plan;
  std::vector<repair::RepairRequest> repairs;            // named by the user, run after the backup
  migrations::TxMode tx_mode = migrations::TxMode::all;  // a release applies completely or not at all
  std::string tool_version;
  // Told of each connection opened and closed, so that a signal can cancel its statement.
  std::function<void(db::Connection*)> on_open;
  std::function<void(db::Connection*)> on_close;
};

struct DeployOutcome {
  std::string name;
  bool ok = false;
  bool restored = false;
  size_t files_applied = 0;
  size_t schema_statements = 0;
  double duration_ms = 0;
  std::optional<Error> error;
};

// Never fails as a Result: the outcome says what happened, so that many databases can be reported
// side by side.
DeployOutcome deploy_database(const DeployTarget& target, const DeploySettings& settings, report::Reporter& reporter);

}  // namespace authmigrate::deploy
