#include <authmigrate/sync/schema_sync.hpp>

#include <chrono>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/db/transaction.hpp>
#include <authmigrate/dialect/introspect.hpp>
#include <authmigrate/plan/summary.hpp>

namespace authmigrate::sync {

using config::Dialect;

Result<SchemaReading> read_and_plan_schema(db::Connection& connection, const schema::Schema& wanted) {
  auto dialect = dialect::make_dialect(connection.dialect());
  auto live = dialect::introspect(connection, wanted.schema_name, dialect::LiveScope::of(wanted));
  if (!live) return fail(std::move(live.error().within("reading the live schema")));
  auto has_rows = [&](std::string_view table) {
    return dialect::table_has_rows(connection, *dialect, wanted.schema_name, table);
  };
  auto planned = plan::make_plan(wanted, *live, *dialect, has_rows);
  if (!planned) return fail(std::move(planned.error().within("planning the Better Auth schema")));
  return SchemaReading{std::move(*live), std::move(*planned)};
}

Result<plan::Plan> plan_schema(db::Connection& connection, const schema::Schema& wanted) {
  auto reading = read_and_plan_schema(connection, wanted);
  if (!reading) return fail(std::move(reading.error()));
  return std::move(reading->plan);
}

namespace {

Result<void> refuse_problems(const plan::Plan& planned) {
  AM_TRY(plan::refuse_unsafe_changes(planned));
  if (!planned.schema_problems.empty()) {
    return fail(Error(ErrorKind::unsafe_change,
                      fmt::format("the database has {} column{} Better Auth cannot write to; nothing ran:\n  -> {}",
                                  planned.schema_problems.size(), planned.schema_problems.size() == 1 ? "" : "s",
                                  fmt::join(planned.schema_problems, "\n  -> ")))
                    .with_hint("give those columns a default or make them nullable, then run again"));
  }
  return {};
}

// Reports `planned`, and runs its statements unless dry_run (or the confirmation says no).
Result<SyncOutcome> apply_plan(db::Connection& connection, const schema::Schema& wanted,
                               const Result<plan::Plan>& planned, bool dry_run, const Confirm& confirm,
                               report::Reporter& reporter) {
  if (!planned) return fail(planned.error());
  for (const auto& warning : planned->warnings) reporter.emit(report::warning("schema.warning", warning));
  AM_TRY(refuse_problems(*planned));
  SyncOutcome outcome;
  if (planned->empty()) return outcome;
  outcome.summary = plan::summary_lines(wanted, *planned);
  for (const auto& line : outcome.summary) {
    auto event = report::info("schema.change", (dry_run ? "would change: " : "") + line);
    reporter.emit(event);
  }
  if (dry_run) {
    for (const auto& statement : planned->statements) {
      auto event = report::info("schema.statement", statement + ";");
      reporter.emit(event);
    }
    return outcome;
  }
  if (confirm && !confirm(outcome.summary)) {
    if (base::stop_requested()) return fail(base::stop_error());  // Ctrl-C at the question
    return fail(Error(ErrorKind::usage, "the schema changes were not confirmed; nothing ran")
                    .with_hint("pass --yes to apply without asking"));
  }
  for (size_t i = 0; i < planned->statements.size(); ++i) {
    auto ran = connection.execute(planned->statements[i]);
    if (!ran) {
      return fail(std::move(ran.error().within(
          fmt::format("schema statement {} of {}: {}", i + 1, planned->statements.size(), planned->statements[i]))));
    }
    ++outcome.statements;
  }
  return outcome;
}

// A plan with nothing to run, or one that is refused, runs nothing: no transaction is needed for it.
bool runs_nothing(const plan::Plan& planned) {
  return planned.empty() || !planned.unsafe_changes.empty() || !planned.schema_problems.empty();
}

void report_done(const SyncOutcome& outcome, bool dry_run, std::chrono::steady_clock::time_point started,
                 report::Reporter& reporter) {
  size_t count = dry_run ? outcome.summary.size() : outcome.statements;
  auto event =
      report::info("schema.done", count == 0 && !dry_run ? "Better Auth schema is up to date"
                                                         : fmt::format("{} the Better Auth schema ({} statement{})",
                                                                       dry_run ? "would update" : "updated", count,
                                                                       count == 1 ? "" : "s"));
  event.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  event.fields["statements"] = outcome.statements;
  reporter.emit(event);
}

}  // namespace

Result<SyncOutcome> sync_schema(db::Connection& connection, const schema::Schema& wanted, bool dry_run,
                                const Confirm& confirm, report::Reporter& reporter, bool inside_transaction) {
  auto started = std::chrono::steady_clock::now();
  bool transactional = connection.dialect() != Dialect::mysql && !dry_run && !inside_transaction;
  Result<SyncOutcome> outcome = SyncOutcome{};
  // The plan read outside a transaction: an up-to-date database (every deploy but the few that change it)
  // costs no BEGIN and COMMIT. With something to run, the schema is read again inside the transaction.
  auto planned = plan_schema(connection, wanted);
  if (!planned) return fail(std::move(planned.error().within("syncing the Better Auth schema")));
  if (runs_nothing(*planned)) transactional = false;
  bool replan = transactional;
  auto sync = [&]() -> Result<void> {
    outcome =
        apply_plan(connection, wanted, replan ? plan_schema(connection, wanted) : planned, dry_run, confirm, reporter);
    if (!outcome) return fail(std::move(outcome.error()));
    return {};
  };
  if (auto done = transactional ? db::in_transaction(connection, sync) : sync(); !done) {
    return fail(std::move(done.error().within(outcome ? "the Better Auth schema" : "syncing the Better Auth schema")));
  }
  report_done(*outcome, dry_run, started, reporter);
  return outcome;
}

Result<bool> report_if_current(db::Connection& connection, const schema::Schema& wanted, report::Reporter& reporter,
                               dialect::LiveSchema* reading) {
  auto started = std::chrono::steady_clock::now();
  auto read = read_and_plan_schema(connection, wanted);
  if (!read) return fail(std::move(read.error().within("syncing the Better Auth schema")));
  const plan::Plan& planned = read->plan;
  if (!planned.empty() || !planned.unsafe_changes.empty() || !planned.schema_problems.empty()) return false;
  for (const auto& warning : planned.warnings) reporter.emit(report::warning("schema.warning", warning));
  report_done(SyncOutcome{}, false, started, reporter);
  if (reading) *reading = std::move(read->live);
  return true;
}

}  // namespace authmigrate::sync
