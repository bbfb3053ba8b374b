#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/topology/direct_url.hpp>

#include <fmt/format.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/db/transaction.hpp>
#include <authmigrate/migrations/file_applier.hpp>
#include <authmigrate/migrations/migration_lock.hpp>
#include <authmigrate/migrations/migration_script.hpp>
#include <authmigrate/migrations/transaction_batch.hpp>

namespace authmigrate::migrations {

using config::Dialect;

namespace {

Result<MigrationPlan> plan_from(HistoryTable& history, const std::vector<MigrationFile>& files) {
  auto rows = history.load();
  if (!rows) return fail(std::move(rows.error()));
  return make_plan(files, *rows);
}

void report_missing(const MigrationPlan& plan, report::Reporter& reporter) {
  for (const auto* missing : plan.with(MigrationStatus::missing)) {
    reporter.emit(
        report::warning("migration.missing", fmt::format("{} was applied but its file is gone", missing->file_name)));
  }
}

// Every pending file read as the runner will run it, every problem of every file reported at once.
Result<std::vector<MigrationScript>> read_scripts(const std::vector<const PlannedMigration*>& pending,
                                                  Dialect dialect) {
  std::vector<MigrationScript> scripts;
  scripts.reserve(pending.size());
  std::vector<Error> problems;
  for (const auto* entry : pending) {
    auto script = read_script(*entry->file, dialect);
    if (!script) {
      problems.push_back(std::move(script.error()));
      continue;
    }
    scripts.push_back(std::move(*script));
  }
  if (problems.empty()) return scripts;
  Error error = std::move(problems.front());
  for (size_t i = 1; i < problems.size(); ++i) error.message += "\n" + problems[i].message;
  if (error.hint.empty()) {
    for (const auto& p : problems) {
      if (!p.hint.empty()) error.hint = p.hint;
    }
  }
  return fail(std::move(error.within("nothing was applied")));
}

// The order of a run: files `generate` wrote, the Better Auth schema, then the project's own files.
std::vector<BatchStep> run_order(const std::vector<const PlannedMigration*>& pending,
                                 const std::vector<MigrationScript>& scripts, bool with_schema_step) {
  std::vector<BatchStep> steps;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < pending.size(); ++i) {
      bool generated = is_generated_name(pending[i]->file->name);
      if (with_schema_step && generated != (pass == 0)) continue;
      if (!with_schema_step && pass == 1) continue;
      steps.push_back(BatchStep{pending[i]->file, &scripts[i]});
    }
    if (pass == 0 && with_schema_step) steps.push_back(BatchStep{});
  }
  return steps;
}

void report_dry_run(const std::vector<const PlannedMigration*>& pending, RunSummary& summary,
                    report::Reporter& reporter) {
  for (const auto* entry : pending) {
    summary.would_apply.push_back(entry->file_name);
    auto event = report::info("migration.would_apply", fmt::format("would apply {}", entry->file_name));
    event.fields["file"] = entry->file_name;
    reporter.emit(event);
  }
}

Result<void> apply_each(const std::vector<BatchStep>& steps, FileApplier& applier, const RunOptions& options,
                        MigrationLock& lock, RunSummary& summary) {
  for (const auto& step : steps) {
    if (base::stop_requested()) return fail(base::stop_error());
    AM_TRY(options.lock_held ? (options.renew_lock ? options.renew_lock() : Result<void>{}) : lock.renew());
    if (!step.file) {
      AM_TRY(options.schema_step(false));
      continue;
    }
    AM_TRY(applier.apply_counted(*step.file, *step.script, summary.applied, summary.already_applied));
  }
  return {};
}

Result<void> apply_in_one_transaction(db::Connection& connection, HistoryTable& history, FileApplier& applier,
                                      const std::vector<BatchStep>& steps, const RunOptions& options,
                                      RunSummary& summary, report::Reporter& reporter, bool already_open) {
  std::function<Result<void>()> schema_step;
  if (options.schema_step) schema_step = [&options] { return options.schema_step(true); };
  TransactionBatch batch(connection, history, applier, schema_step, reporter);
  if (already_open) batch.adopt_open_transaction();
  BatchOutcome outcome;
  auto ran = batch.run(steps, outcome);
  summary.applied = std::move(outcome.applied);
  summary.already_applied += outcome.already_applied;
  return ran;
}

// Through a transaction pooler: the run's one transaction, begun before anything is read, holding
// the transaction advisory lock; rolled back unless the batch took it over.
class PooledTransaction {
 public:
  explicit PooledTransaction(db::Connection& connection) : m_db(connection) {}
  ~PooledTransaction() {
    if (m_open) db::rollback(m_db);
  }
  PooledTransaction(const PooledTransaction&) = delete;
  PooledTransaction& operator=(const PooledTransaction&) = delete;

  Result<void> begin(MigrationLock& lock, const RunOptions& options, report::Reporter& reporter) {
    reporter.emit(report::info(
        "migration.pooled",
        fmt::format("{}: the run is one transaction, which holds the migration lock itself", m_db.pooler())));
    AM_TRY(db::begin(m_db));
    m_open = true;
    AM_TRY(m_db.transaction_setup());
    return lock.acquire_in_transaction(options.lock_deadline, reporter);
  }
  // A file that must run outside a transaction cannot run here at all.
  Result<void> refuse_outside_files(const std::vector<const PlannedMigration*>& pending) const {
    for (const auto* entry : pending) {
      if (entry->file->in_transaction) continue;
      return fail(topology::pooler_refusal(
          fmt::format("{} runs outside a transaction (authmigrate:no-transaction), which cannot be done "
                      "through a transaction pooler ({})",
                      entry->file_name, m_db.pooler())));
    }
    return {};
  }
  bool open() const { return m_open; }
  void hand_over() { m_open = false; }

 private:
  db::Connection& m_db;
  bool m_open = false;
};

}  // namespace

std::optional<TxMode> parse_tx_mode(std::string_view text) {
  if (text == "file") return TxMode::file;
  if (text == "all") return TxMode::all;
  return std::nullopt;
}

// Applied history rows are committed, so a run that finds every file applied and the schema current is
// right to stop. Anything else — no history table, a pending file, a plan problem (a file another
// deployer is applying right now reads as interrupted), a schema change — is left to the locked run.
Result<std::optional<RunSummary>> unlocked_noop(db::Connection& connection, const std::vector<MigrationFile>& files,
                                                const RunOptions& options, report::Reporter& reporter) {
  HistoryTable history(connection);
  auto present = history.exists();
  if (!present) return fail(std::move(present.error()));
  if (!*present) return std::nullopt;
  auto plan = plan_from(history, files);
  if (!plan) return fail(std::move(plan.error()));
  if (!plan->with(MigrationStatus::pending).empty() || !plan->check(options.plan)) return std::nullopt;
  if (options.schema_step && !options.schema_current) return std::nullopt;
  if (options.schema_current) {
    auto current = options.schema_current();
    if (!current) return fail(std::move(current.error()));
    if (!*current) return std::nullopt;
  }
  report_missing(*plan, reporter);
  RunSummary summary;
  summary.already_applied = plan->with(MigrationStatus::applied).size();
  return summary;
}

Result<MigrationPlan> read_plan(db::Connection& connection, const std::vector<MigrationFile>& files) {
  HistoryTable history(connection);
  return plan_from(history, files);
}

Result<RunSummary> run_migrations(db::Connection& connection, const std::vector<MigrationFile>& files,
                                  const RunOptions& options, report::Reporter& reporter) {
  if (!options.dry_run && !options.lock_held && connection.pooler().empty()) {
    auto noop = unlocked_noop(connection, files, options, reporter);
    if (!noop) return fail(std::move(noop.error()));
    if (*noop) return std::move(**noop);
  }
  MigrationLock lock(connection);
  PooledTransaction pooled(connection);
  if (!options.dry_run && !connection.pooler().empty()) {
    AM_TRY(pooled.begin(lock, options, reporter));
  } else if (!options.dry_run && !options.lock_held) {
    AM_TRY(lock.acquire(options.lock_deadline, reporter));
  }
  HistoryTable history(connection);
  if (!options.dry_run) AM_TRY(history.create_if_missing());
  auto plan = plan_from(history, files);
  if (!plan) return fail(std::move(plan.error()));
  AM_TRY(plan->check(options.plan));
  report_missing(*plan, reporter);
  RunSummary summary;
  summary.already_applied = plan->with(MigrationStatus::applied).size();
  auto pending = plan->with(MigrationStatus::pending);
  auto scripts = read_scripts(pending, connection.dialect());
  if (!scripts) return fail(std::move(scripts.error()));
  if (options.dry_run) {
    if (options.schema_step) AM_TRY(options.schema_step(false));
    report_dry_run(pending, summary, reporter);
    return summary;
  }
  if (pooled.open()) AM_TRY(pooled.refuse_outside_files(pending));
  FileApplier applier(connection, history, options.tool_version, reporter);
  auto steps = run_order(pending, *scripts, static_cast<bool>(options.schema_step));
  bool one_transaction = pooled.open() || (options.tx_mode == TxMode::all && connection.dialect() != Dialect::mysql);
  bool already_open = pooled.open();
  pooled.hand_over();
  AM_TRY(one_transaction
             ? apply_in_one_transaction(connection, history, applier, steps, options, summary, reporter, already_open)
             : apply_each(steps, applier, options, lock, summary));
  AM_TRY(lock.release());
  return summary;
}

Result<void> resolve_migration(db::Connection& connection, const std::vector<MigrationFile>& files,
                               const std::string& version, Resolution resolution, report::Reporter& reporter) {
  MigrationLock lock(connection);
  AM_TRY(lock.acquire(base::Deadline::after(std::chrono::seconds(30)), reporter));
  HistoryTable history(connection);
  AM_TRY(history.create_if_missing());
  auto rows = history.load();
  if (!rows) return fail(std::move(rows.error()));
  auto row = history.find(*rows, version);
  const MigrationFile* file = nullptr;
  for (const auto& f : files) {
    if (f.name.version == version) file = &f;
  }
  if (resolution == Resolution::rolled_back) {
    if (!row) return fail(ErrorKind::usage, fmt::format("migration {} is not in the history table", version));
    AM_TRY(history.remove(version));
    reporter.emit(report::info("migration.resolved",
                               fmt::format("forgot {}: it will run again on the next migrate", row->file_name)));
    return lock.release();
  }
  if (!file && !row) return fail(ErrorKind::usage, fmt::format("no migration file has version {}", version));
  if (row) {
    AM_TRY(history.mark_applied(version, file ? file->checksum : row->checksum, row->execution_ms));
  } else {
    AM_TRY(history.insert(
        HistoryRow{version, file->name.file_name, file->checksum, HistoryState::applied, "", 0, "resolve"}));
  }
  reporter.emit(report::info("migration.resolved",
                             fmt::format("marked {} as applied", file ? file->name.file_name : row->file_name)));
  return lock.release();
}

}  // namespace authmigrate::migrations
