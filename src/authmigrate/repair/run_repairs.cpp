#include <authmigrate/repair/run_repairs.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/db/transaction.hpp>
#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/dialect/introspect.hpp>
#include <authmigrate/repair/plan_repair.hpp>
#include <authmigrate/repair/render_repair.hpp>

namespace authmigrate::repair {

namespace {

using config::Dialect;

struct Planned {
  std::vector<RepairPlan> plans;
  std::vector<std::string> statements;
};

Result<Planned> plan_all(db::Connection& connection, const dialect::SqlDialect& d, const schema::Schema& wanted,
                         const std::vector<RepairRequest>& requests) {
  AM_TRY(dialect::check_schema_name(wanted, connection.dialect()));
  auto live = dialect::introspect(connection, wanted.schema_name);
  if (!live) return fail(std::move(live.error()).within("reading the live schema"));
  Planned planned;
  std::vector<Operation> operations;
  for (const auto& request : requests) {
    auto plan = plan_repair(request, wanted, *live, d);
    if (!plan) return fail(std::move(plan.error()));
    operations.insert(operations.end(), plan->operations.begin(), plan->operations.end());
    planned.plans.push_back(std::move(*plan));
  }
  auto statements = render_repair(connection, d, wanted.schema_name, *live, operations);
  if (!statements) return fail(std::move(statements.error()));
  planned.statements = std::move(*statements);
  return planned;
}

// After the statements, before the commit: nothing left to do, and (SQLite) every reference holds.
Result<void> recheck(db::Connection& connection, const dialect::SqlDialect& d, const schema::Schema& wanted,
                     const std::vector<RepairRequest>& requests) {
  auto again = plan_all(connection, d, wanted, requests);
  if (!again) return fail(std::move(again.error()).within("re-checking after the repair"));
  for (const auto& plan : again->plans)
    if (!plan.operations.empty())
      return fail(Error(ErrorKind::migration_failed,
                        fmt::format("repair {} left work undone: {}", plan.repair, plan.description)));
  if (connection.dialect() != Dialect::sqlite) return {};
  auto broken = connection.query("pragma foreign_key_check");
  if (!broken) return fail(std::move(broken.error()));
  if (!broken->rows.empty())
    return fail(Error(ErrorKind::migration_failed,
                      fmt::format("after the rebuild, {} row{} of \"{}\" reference{} a missing row (foreign_key_check)",
                                  broken->rows.size(), broken->rows.size() == 1 ? "" : "s",
                                  broken->rows[0][0].value_or(""), broken->rows.size() == 1 ? "s" : "")));
  return {};
}

Result<void> execute_all(db::Connection& connection, const std::vector<std::string>& statements) {
  for (size_t i = 0; i < statements.size(); ++i) {
    auto ran = connection.execute(statements[i]);
    if (!ran)
      return fail(std::move(ran.error())
                      .within(fmt::format("repair statement {} of {}: {}", i + 1, statements.size(), statements[i])));
  }
  return {};
}

Result<void> apply(db::Connection& connection, const dialect::SqlDialect& d, const schema::Schema& wanted,
                   const std::vector<RepairRequest>& requests, const std::vector<std::string>& statements) {
  Dialect kind = connection.dialect();
  if (kind == Dialect::mysql) {
    AM_TRY(execute_all(connection, statements).map_error([](Error e) {
      return std::move(e.with_hint("MySQL commits each ALTER by itself: run the repair again, it does what is left"));
    }));
    return recheck(connection, d, wanted, requests);
  }
  // foreign_keys cannot change inside a transaction; off, the rebuild's DROP TABLE keeps the rows
  // that reference it.
  std::string foreign_keys = "0";
  if (kind == Dialect::sqlite) {
    auto current = connection.query("pragma foreign_keys");
    if (!current) return fail(std::move(current.error()).within("reading SQLite's foreign_keys setting"));
    if (!current->rows.empty()) foreign_keys = current->rows[0][0].value_or("0");
    AM_TRY(connection.execute("pragma foreign_keys = off"));
  }
  bool body_failed = false;
  auto done = db::in_transaction(
      connection,
      [&]() -> Result<void> {
        auto ran =
            execute_all(connection, statements).and_then([&] { return recheck(connection, d, wanted, requests); });
        body_failed = !ran;
        return ran;
      },
      "run `authmigrate verify` to see whether the repair applied");
  if (kind == Dialect::sqlite)
    (void)connection.execute("pragma foreign_keys = " + std::string(foreign_keys == "1" ? "on" : "off"));
  if (!done && body_failed)
    return fail(std::move(done.error()).with_hint("the repair's transaction was rolled back: nothing changed"));
  return done;
}

}  // namespace

Result<RepairOutcome> run_repairs(db::Connection& connection, const schema::Schema& wanted,
                                  const std::vector<RepairRequest>& requests, bool dry_run,
                                  report::Reporter& reporter) {
  auto d = dialect::make_dialect(connection.dialect());
  auto planned = plan_all(connection, *d, wanted, requests);
  if (!planned) return fail(std::move(planned.error()).within("planning the repairs"));
  RepairOutcome outcome;
  for (const auto& plan : planned->plans) {
    auto event = report::info("repair.plan", fmt::format("repair {}: {}", plan.repair, plan.description));
    event.fields["repair"] = plan.repair;
    event.fields["operations"] = plan.operations.size();
    reporter.emit(event);
    for (const auto& note : plan.notes)
      reporter.emit(report::warning("repair.note", fmt::format("repair {}: {}", plan.repair, note)));
    if (!plan.operations.empty()) outcome.done.push_back(plan.repair);
  }
  outcome.statements = planned->statements.size();
  if (dry_run || planned->statements.empty()) {
    for (const auto& statement : planned->statements) reporter.emit(report::info("repair.statement", statement + ";"));
    return outcome;
  }
  AM_TRY(apply(connection, *d, wanted, requests, planned->statements));
  auto event =
      report::info("repair.done", fmt::format("repaired ({} statement{}): {}", outcome.statements,
                                              outcome.statements == 1 ? "" : "s", fmt::join(outcome.done, ", ")));
  event.fields["statements"] = outcome.statements;
  reporter.emit(event);
  return outcome;
}

}  // namespace authmigrate::repair
