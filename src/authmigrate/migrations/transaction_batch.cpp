#include <authmigrate/migrations/transaction_batch.hpp>

#include <chrono>

#include <fmt/format.h>

#include <fmt/ranges.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/db/transaction.hpp>
#include <authmigrate/migrations/file_executor.hpp>

namespace authmigrate::migrations {

using config::Dialect;
using Clock = std::chrono::steady_clock;

Result<void> TransactionBatch::run(const std::vector<BatchStep>& steps, BatchOutcome& outcome) {
  for (const auto& step : steps) {
    if (base::stop_requested()) return fail(abort(base::stop_error()));
    if (step.file && !step.file->in_transaction) {
      AM_TRY(commit(outcome, step.file));
      AM_TRY(m_applier.apply_counted(*step.file, *step.script, outcome.applied, outcome.already_applied));
      continue;
    }
    if (auto opened = open(); !opened) return fail(std::move(opened.error()));
    if (auto ran = run_in_batch(step); !ran) return fail(abort(std::move(ran.error())));
  }
  return commit(outcome, nullptr);
}

Result<void> TransactionBatch::open() {
  if (m_open) return {};
  AM_TRY(db::begin(m_db));
  m_open = true;
  if (auto setup = m_db.transaction_setup(); !setup) return fail(abort(std::move(setup.error())));
  if (m_db.dialect() == Dialect::sqlite) {
    // SQLite has no lock but this transaction's: another runner may have applied files meanwhile.
    auto rows = m_history.load();
    if (!rows) return fail(abort(std::move(rows.error())));
    m_rows_at_open = std::move(*rows);
  }
  return {};
}

Result<void> TransactionBatch::run_in_batch(const BatchStep& step) {
  if (!step.file) {
    m_schema_in_batch = true;
    return m_schema_step();
  }
  const auto& file = *step.file;
  if (m_history.find(m_rows_at_open, file.name.version)) {
    ++m_skipped;
    return {};
  }
  auto started = Clock::now();
  ExecutionProgress progress;
  auto ran = execute_file(m_db, file, *step.script, progress);
  auto ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  if (ran) ran = m_history.insert(m_applier.row_for(file, HistoryState::applied, static_cast<long long>(ms)));
  if (!ran) return fail(std::move(ran.error().within("applying " + file.name.file_name)));
  m_ran.push_back(Ran{&file, ms});
  return {};
}

Result<void> TransactionBatch::commit(BatchOutcome& outcome, const MigrationFile* before) {
  if (!m_open) return {};
  m_open = false;
  AM_TRY(db::commit(m_db));
  if (before && (!m_ran.empty() || m_schema_in_batch)) {
    m_reporter.emit(
        report::info("migration.batch_committed",
                     fmt::format("committed {} file{}{} before {}, which runs outside a transaction", m_ran.size(),
                                 m_ran.size() == 1 ? "" : "s", m_schema_in_batch ? " and the Better Auth schema" : "",
                                 before->name.file_name)));
  }
  for (const auto& ran : m_ran) {
    report_applied(m_reporter, *ran.file, ran.ms);
    outcome.applied.push_back(ran.file->name.file_name);
  }
  outcome.already_applied += m_skipped;
  m_ran.clear();
  m_skipped = 0;
  m_schema_in_batch = false;
  return {};
}

Error TransactionBatch::abort(Error error) {
  if (!m_open) return error;
  db::rollback(m_db);
  m_open = false;
  std::vector<std::string> undone;
  for (const auto& ran : m_ran) undone.push_back(ran.file->name.file_name);
  if (m_schema_in_batch) undone.emplace_back("the Better Auth schema change");
  m_reporter.emit(report::warning(
      "migration.rolled_back",
      undone.empty() ? std::string("rolled back the run's transaction: nothing of it was applied")
                     : fmt::format("rolled back the run's transaction: nothing of it was applied (undone with it: {})",
                                   fmt::join(undone, ", "))));
  m_ran.clear();
  m_schema_in_batch = false;
  return error;
}

}  // namespace authmigrate::migrations
