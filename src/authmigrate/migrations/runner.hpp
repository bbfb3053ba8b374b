// Applies pending migration files, each once, in order, under the migration lock.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <authmigrate/base/deadline.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/migrations/migration_plan.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::migrations {

// `file`: each file in a transaction of its own. `all`: the schema step and every pending file in
// one (PostgreSQL, SQLite; MySQL commits DDL at once, so there it is `file`).
enum class TxMode { file, all };

struct RunOptions {
  PlanOptions plan;
  bool dry_run = false;
  base::Deadline lock_deadline = base::Deadline::never();
  std::string tool_version;                  // recorded as applied_by
  bool lock_held = false;                    // the caller (deploy) already holds the migration lock
  std::function<Result<void>()> renew_lock;  // with lock_held: keeps the caller's lock (Galera's lease)
  TxMode tx_mode = TxMode::file;
  // The Better Auth schema sync, run inside the same locked run after the plan checks. Pending files
  // that `generate` wrote (see is_generated_name) run before it, so that a database migrated by those
  // files is found up to date; every other file runs after it, so it can rely on Better Auth's tables.
  // `inside_transaction`: the run's transaction is open (tx mode all); the step must not end it.
  std::function<Result<void>(bool inside_transaction)> schema_step;
  // Read-only, for a run that may end without the lock: whether the schema step has nothing to do
  // (it then reports the schema up to date itself). Unset: the schema step is always run.
  std::function<Result<bool>()> schema_current;
};

struct RunSummary {
  std::vector<std::string> applied;  // file names, in order
  size_t already_applied = 0;
  std::vector<std::string> would_apply;  // dry run
};

// A run that finds nothing to do (the history table there, no file pending, the plan checks pass,
// schema_current true) ends after reading, without the lock or any change: most deploys. Any other run
// takes the lock, creates the history table if needed, checks the plan (edited, missing, ...) and
// reads every pending file (client commands, stray transaction control) before anything runs, then
// applies them. Each file is atomic on PostgreSQL and SQLite, and with TxMode::all the whole run; on
// MySQL (or with `-- authmigrate:no-transaction`) a file is marked started first. Through a
// transaction pooler (Connection::pooler) all of it — lock, history, plan, files — is one
// transaction, and a file that must run outside one is refused.
Result<RunSummary> run_migrations(db::Connection& connection, const std::vector<MigrationFile>& files,
                                  const RunOptions& options, report::Reporter& reporter);

// The run that changes nothing, read without the lock: the summary when every file is applied and,
// with options.schema_current, the schema is current; nullopt when anything is to do or doubtful (the
// locked run reads it all again). run_migrations starts with it unless the lock is held; deploy asks it
// before taking the lock.
Result<std::optional<RunSummary>> unlocked_noop(db::Connection& connection, const std::vector<MigrationFile>& files,
                                                const RunOptions& options, report::Reporter& reporter);

// Reads the plan without changing anything (no table is created), for `status`.
Result<MigrationPlan> read_plan(db::Connection& connection, const std::vector<MigrationFile>& files);

// Marks an interrupted (or any) migration as applied, or forgets it so that it runs again.
enum class Resolution { applied, rolled_back };
Result<void> resolve_migration(db::Connection& connection, const std::vector<MigrationFile>& files,
                               const std::string& version, Resolution resolution, report::Reporter& reporter);

// "file" / "all"; nullopt for anything else.
std::optional<TxMode> parse_tx_mode(std::string_view text);

}  // namespace authmigrate::migrations
