#include <authmigrate/migrations/file_applier.hpp>

#include <chrono>

#include <fmt/format.h>

#include <authmigrate/db/transaction.hpp>
#include <authmigrate/migrations/file_executor.hpp>

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

}  // namespace

void report_applied(report::Reporter& reporter, const MigrationFile& file, double ms) {
  auto event = report::info("migration.applied", fmt::format("applied {}", file.name.file_name));
  event.duration_ms = ms;
  event.fields["version"] = file.name.version;
  event.fields["file"] = file.name.file_name;
  reporter.emit(event);
}

HistoryRow FileApplier::row_for(const MigrationFile& file, HistoryState state, long long ms) const {
  return HistoryRow{file.name.version, file.name.file_name, file.checksum, state, "", ms, m_tool_version};
}

Result<bool> FileApplier::apply(const MigrationFile& file, const MigrationScript& script) {
  bool transactional = m_db.dialect() != Dialect::mysql && file.in_transaction;
  auto result = transactional ? apply_in_transaction(file, script) : apply_with_marker(file, script);
  if (!result) return fail(std::move(result.error().within("applying " + file.name.file_name)));
  return result;
}

Result<void> FileApplier::apply_counted(const MigrationFile& file, const MigrationScript& script,
                                        std::vector<std::string>& applied, size_t& already_applied) {
  auto ran = apply(file, script);
  if (!ran) return fail(std::move(ran.error()));
  if (*ran) {
    applied.push_back(file.name.file_name);
  } else {
    ++already_applied;
  }
  return {};
}

// SQLite serialises writers with BEGIN IMMEDIATE: another runner may have applied the file while
// we waited for it, so look again inside the transaction.
Result<bool> FileApplier::applied_meanwhile(const MigrationFile& file) {
  if (m_db.dialect() != Dialect::sqlite) return false;
  auto rows = m_history.load();
  if (!rows) return fail(std::move(rows.error()));
  return m_history.find(*rows, file.name.version).has_value();
}

Result<bool> FileApplier::apply_in_transaction(const MigrationFile& file, const MigrationScript& script) {
  auto started = Clock::now();
  AM_TRY(db::begin(m_db));
  auto again = applied_meanwhile(file);
  if (!again || *again) {
    db::rollback(m_db);  // nothing was written
    if (!again) return fail(std::move(again.error()));
    return false;
  }
  ExecutionProgress progress;
  auto ran = execute_file(m_db, file, script, progress);
  if (ran) ran = m_history.insert(row_for(file, HistoryState::applied, elapsed_ms(started)));
  if (!ran) {
    db::rollback(m_db);
    m_reporter.emit(
        report::warning("migration.rolled_back",
                        fmt::format("{} was rolled back: none of its statements were applied", file.name.file_name)));
    return fail(std::move(ran.error()));
  }
  AM_TRY(db::commit(m_db));
  report_applied(m_reporter, file, elapsed_ms_exact(started));
  return true;
}

// Where DDL cannot roll back, record the start first, so that a run that dies half-way leaves a
// trace the next run refuses to step over.
Result<bool> FileApplier::apply_with_marker(const MigrationFile& file, const MigrationScript& script) {
  auto started = Clock::now();
  if (m_db.dialect() == Dialect::sqlite) {
    bool again = false;
    AM_TRY(db::in_transaction(m_db, [&]() -> Result<void> {
      auto meanwhile = applied_meanwhile(file);
      if (!meanwhile) return fail(std::move(meanwhile.error()));
      again = *meanwhile;
      return again ? Result<void>{} : m_history.insert(row_for(file, HistoryState::started, 0));
    }));
    if (again) return false;
  } else {
    AM_TRY(m_history.insert(row_for(file, HistoryState::started, 0)));
  }
  ExecutionProgress progress;
  if (auto ran = execute_file(m_db, file, script, progress); !ran) {
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

}  // namespace authmigrate::migrations
