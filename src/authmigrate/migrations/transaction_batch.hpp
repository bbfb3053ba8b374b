// `--tx-mode all`: the Better Auth schema change and every pending file in one transaction, so that
// a release migrates completely or not at all (Atlas's `all`, Flyway's `group`). A file marked
// `-- authmigrate:no-transaction` commits the batch before it, runs on its own, and a new batch opens
// after it. The "applied" events are reported once the batch has committed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <authmigrate/migrations/file_applier.hpp>

namespace authmigrate::migrations {

struct BatchStep {
  const MigrationFile* file = nullptr;  // null: the Better Auth schema step
  const MigrationScript* script = nullptr;
};

struct BatchOutcome {
  std::vector<std::string> applied;  // file names, committed
  size_t already_applied = 0;        // applied by another runner meanwhile (SQLite)
};

class TransactionBatch {
 public:
  TransactionBatch(db::Connection& connection, HistoryTable& history, FileApplier& applier,
                   std::function<Result<void>()> schema_step, report::Reporter& reporter)
      : m_db(connection),
        m_history(history),
        m_applier(applier),
        m_schema_step(std::move(schema_step)),
        m_reporter(reporter) {}

  Result<void> run(const std::vector<BatchStep>& steps, BatchOutcome& outcome);
  // The run's transaction is already open (through a pooler it began before the plan was read).
  void adopt_open_transaction() { m_open = true; }

 private:
  Result<void> open();
  Result<void> run_in_batch(const BatchStep& step);
  Result<void> commit(BatchOutcome& outcome, const MigrationFile* before);
  Error abort(Error error);

  struct Ran {
    const MigrationFile* file;
    double ms;
  };

  db::Connection& m_db;
  HistoryTable& m_history;
  FileApplier& m_applier;
  std::function<Result<void>()> m_schema_step;
  report::Reporter& m_reporter;
  bool m_open = false;
  bool m_schema_in_batch = false;
  std::vector<Ran> m_ran;                  // in the open batch, not yet committed
  std::vector<HistoryRow> m_rows_at_open;  // SQLite: the history as the batch's write lock found it
  size_t m_skipped = 0;
};

}  // namespace authmigrate::migrations
