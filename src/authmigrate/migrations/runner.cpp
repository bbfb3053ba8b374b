#include <authmigrate/migrations/runner.hpp>

#include <chrono>

#include <fmt/format.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/migrations/file_executor.hpp>
#include <authmigrate/migrations/migration_lock.hpp>

namespace authmigrate::migrations {

using config::Dialect;
using Clock = std::chrono::steady_clock;

namespace {

long long elapsed_ms(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

double elapsed_ms_exact(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

void report_applied(report::Reporter& reporter, const MigrationFile& file, double ms) {
  auto event = report::info("migration.applied", fmt::format("applied {}", file.name.file_name));
  event.duration_ms = ms;
  event.fields["version"] = file.name.version;
  event.fields["file"] = file.name.file_name;
  reporter.emit(event);
}

class FileApplier {
 public:
  FileApplier(db::Connection& connection, const RunOptions& options, report::Reporter& reporter)
      : m_db(connection), m_history(connection), m_options(options), m_reporter(reporter) {}

  // Returns false (no error) when another runner applied the file first (SQLite only).
  Result<bool> apply(const MigrationFile& file) {
    bool transactional = m_db.dialect() != Dialect::mysql && file.in_transaction;
    auto result = transactional ? apply_in_transaction(file) : apply_with_marker(file);
    if (!result) return fail(std::move(result.error().within("applying " + file.name.file_name)));
    return result;
  }

 private:
  HistoryRow row_for(const MigrationFile& file, HistoryState state, long long ms) const {
    return HistoryRow{file.name.version, file.name.file_name, file.checksum, state, "", ms, m_options.tool_version};
  }

  // SQLite serialises writers with BEGIN IMMEDIATE: another runner may have applied the file while
  // we waited for it, so look again inside the transaction.
  Result<bool> applied_meanwhile(const MigrationFile& file) {
    if (m_db.dialect() != Dialect::sqlite) return false;
    auto rows = m_history.load();
    if (!rows) return fail(std::move(rows.error()));
    return m_history.find(*rows, file.name.version).has_value();
  }

  Result<bool> apply_in_transaction(const MigrationFile& file) {
    auto started = Clock::now();
    AM_TRY(m_db.execute(m_db.dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN"));
    auto again = applied_meanwhile(file);
    if (!again || *again) {
      (void)m_db.execute(again ? "COMMIT" : "ROLLBACK");
      if (!again) return fail(std::move(again.error()));
      return false;
    }
    ExecutionProgress progress;
    auto ran = execute_file(m_db, file, progress);
    if (ran) ran = m_history.insert(row_for(file, HistoryState::applied, elapsed_ms(started)));
    if (!ran) {
      (void)m_db.execute("ROLLBACK");
      m_reporter.emit(report::warning("migration.rolled_back",
                                      fmt::format("{} was rolled back: none of its statements were applied",
                                                  file.name.file_name)));
      return fail(std::move(ran.error()));
    }
    if (auto committed = m_db.execute("COMMIT"); !committed) {
      Error error = std::move(committed.error());
      if (error.kind == ErrorKind::unreachable) {
        error.kind = ErrorKind::in_doubt;
        error.hint = "the connection broke while committing: run `authmigrate status` to see whether it applied";
      }
      return fail(std::move(error.within("committing")));
    }
    report_applied(m_reporter, file, elapsed_ms_exact(started));
    return true;
  }

  // Where DDL cannot roll back, record the start first, so that a run that dies half-way leaves a
  // trace the next run refuses to step over.
  Result<bool> apply_with_marker(const MigrationFile& file) {
    auto started = Clock::now();
    if (m_db.dialect() == Dialect::sqlite) {
      AM_TRY(m_db.execute("BEGIN IMMEDIATE"));
      auto again = applied_meanwhile(file);
      Result<void> marked = again ? (*again ? Result<void>{} : m_history.insert(row_for(file, HistoryState::started, 0)))
                                  : Result<void>(fail(std::move(again.error())));
      (void)m_db.execute(marked ? "COMMIT" : "ROLLBACK");
      if (!marked) return fail(std::move(marked.error()));
      if (*again) return false;
    } else {
      AM_TRY(m_history.insert(row_for(file, HistoryState::started, 0)));
    }
    ExecutionProgress progress;
    if (auto ran = execute_file(m_db, file, progress); !ran) {
      Error error = std::move(ran.error());
      if (progress.statements_done == 0) {
        // The first statement failed: nothing of the file ran, so it is as if it never started.
        (void)m_history.remove(file.name.version);
        m_reporter.emit(report::warning(
            "migration.not_applied",
            fmt::format("{} failed at its first statement: nothing of it was applied", file.name.file_name)));
      } else {
        (void)m_history.mark_failed(file.name.version);
        error.hint = fmt::format(
            "{} statement{} of this file ran and could not be rolled back{}: fix the database by hand, then run "
            "`authmigrate resolve {} --applied` (if you completed it) or `--rolled-back` (if you undid it)",
            progress.statements_done, progress.statements_done == 1 ? "" : "s",
            m_db.dialect() == Dialect::mysql ? " (MySQL commits DDL at once)" : "", file.name.version);
        error.kind = ErrorKind::migration_failed;
      }
      return fail(std::move(error));
    }
    AM_TRY(m_history.mark_applied(file.name.version, file.checksum, elapsed_ms(started)));
    report_applied(m_reporter, file, elapsed_ms_exact(started));
    return true;
  }

  db::Connection& m_db;
  HistoryTable m_history;
  const RunOptions& m_options;
  report::Reporter& m_reporter;
};

}  // namespace

Result<MigrationPlan> read_plan(db::Connection& connection, const std::vector<MigrationFile>& files) {
  HistoryTable history(connection);
  auto rows = history.load();
  if (!rows) return fail(std::move(rows.error()));
  return make_plan(files, *rows);
}

Result<RunSummary> run_migrations(db::Connection& connection, const std::vector<MigrationFile>& files,
                                  const RunOptions& options, report::Reporter& reporter) {
  MigrationLock lock(connection);
  if (!options.dry_run && !options.lock_held) AM_TRY(lock.acquire(options.lock_deadline, reporter));
  HistoryTable history(connection);
  if (!options.dry_run) AM_TRY(history.create_if_missing());
  auto plan = read_plan(connection, files);
  if (!plan) return fail(std::move(plan.error()));
  AM_TRY(plan->check(options.plan));
  for (const auto* missing : plan->with(MigrationStatus::missing)) {
    reporter.emit(report::warning("migration.missing",
                                  fmt::format("{} was applied but its file is gone", missing->file_name)));
  }
  RunSummary summary;
  summary.already_applied = plan->with(MigrationStatus::applied).size();
  auto pending = plan->with(MigrationStatus::pending);
  if (options.dry_run) {
    if (options.schema_step) AM_TRY(options.schema_step());
    for (const auto* entry : pending) {
      summary.would_apply.push_back(entry->file_name);
      auto event = report::info("migration.would_apply", fmt::format("would apply {}", entry->file_name));
      event.fields["file"] = entry->file_name;
      reporter.emit(event);
    }
    return summary;
  }
  FileApplier applier(connection, options, reporter);
  auto apply_where = [&](const std::function<bool(const MigrationFile&)>& wanted) -> Result<void> {
    for (const auto* entry : pending) {
      if (!wanted(*entry->file)) continue;
      if (base::stop_requested()) return fail(base::stop_error());
      auto applied = applier.apply(*entry->file);
      if (!applied) return fail(std::move(applied.error()));
      if (*applied) {
        summary.applied.push_back(entry->file_name);
      } else {
        ++summary.already_applied;
      }
    }
    return {};
  };
  if (options.schema_step) {
    AM_TRY(apply_where([](const MigrationFile& f) { return is_generated_name(f.name); }));
    AM_TRY(options.schema_step());
    AM_TRY(apply_where([](const MigrationFile& f) { return !is_generated_name(f.name); }));
  } else {
    AM_TRY(apply_where([](const MigrationFile&) { return true; }));
  }
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
    AM_TRY(history.insert(HistoryRow{version, file->name.file_name, file->checksum, HistoryState::applied, "", 0,
                                     "resolve"}));
  }
  reporter.emit(report::info("migration.resolved",
                             fmt::format("marked {} as applied", file ? file->name.file_name : row->file_name)));
  return lock.release();
}

}  // namespace authmigrate::migrations
