// `authmigrate status`: applied, pending, edited, missing and interrupted migrations. Changes nothing.
#include <optional>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/plan/summary.hpp>
#include <authmigrate/sync/schema_sync.hpp>
#include <authmigrate/verify/verdict.hpp>

#include "../exit_codes.hpp"

#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"
#include "verdict_report.hpp"

namespace authmigrate::cli {

namespace {
struct StatusOptions {
  CommonOptions common;
  bool exit_code = false;
};

std::string describe(const migrations::PlannedMigration& entry) {
  using migrations::MigrationStatus;
  switch (entry.status) {
    case MigrationStatus::applied:
      return fmt::format("applied      {}  ({})", entry.file_name, entry.history->applied_at);
    case MigrationStatus::pending:
      return fmt::format("pending      {}", entry.file_name);
    case MigrationStatus::edited:
      return fmt::format("EDITED       {}  (changed since it was applied)", entry.file_name);
    case MigrationStatus::missing:
      return fmt::format("MISSING      {}  (applied, file gone)", entry.file_name);
    case MigrationStatus::interrupted:
      return fmt::format("INTERRUPTED  {}  (started, never finished: see `authmigrate resolve`)", entry.file_name);
  }
  return entry.file_name;
}

// A finding `migrate` cannot mend: a required column Better Auth never writes.
bool needs_repair(const verify::Verdict& verdict) {
  return verdict.has(verify::FindingKind::unexpected_required_column);
}

// Never "up to date" for a database Better Auth would refuse.
std::string schema_state(size_t pending, const verify::Verdict& verdict) {
  if (needs_repair(verdict))
    return fmt::format("Better Auth will refuse this database ({} finding{}; `migrate` cannot fix it)",
                       verdict.refusals.size(), verdict.refusals.size() == 1 ? "" : "s");
  if (pending > 0)
    return fmt::format("{} change{} pending{}", pending, pending == 1 ? "" : "s",
                       verdict.refused() ? " (Better Auth refuses the database until they are applied)" : "");
  if (verdict.refused())
    return fmt::format("Better Auth will refuse this database ({} findings)", verdict.refusals.size());
  return "up to date";
}
}  // namespace

void add_status_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<StatusOptions>();
  auto* cmd = app.add_subcommand("status", "Show applied, pending, edited and missing migrations");
  add_common_options(*cmd, options->common);
  add_schema_options(*cmd, options->common);
  cmd->add_flag("--exit-code", options->exit_code,
                "Exit 1 when anything is pending, edited, missing or interrupted; 6 when Better Auth will refuse the "
                "database and only a repair fixes it");
  cmd->callback([cmd, options, &action] {
    options->common.dir_given = cmd->get_option("--dir")->count() > 0;
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        auto files =
            migrations::read_migration_directory(base::path_from_utf8(ctx.options().dir), ctx.options().dir_given);
        if (!files) return fail(std::move(files.error()));
        auto wanted = ctx.schema(false);
        if (!wanted) return fail(std::move(wanted.error()));
        auto db = OpenDatabase::open(ctx);
        if (!db) return fail(std::move(db.error()));
        size_t schema_pending = 0;
        std::optional<verify::Verdict> verdict;
        if (*wanted) {
          auto reading = sync::read_and_plan_schema((*db)->connection(), (*wanted)->schema);
          if (!reading) return fail(std::move(reading.error()));
          const plan::Plan* schema_plan = &reading->plan;
          auto lines = plan::summary_lines((*wanted)->schema, *schema_plan);
          schema_pending = lines.size();
          for (const auto& line : lines) ctx.reporter().emit(report::info("status.schema", "schema pending " + line));
          for (const auto& refused : schema_plan->unsafe_changes) {
            ctx.reporter().emit(report::warning(
                "status.schema_refused",
                fmt::format("schema change refused: {}.{}: {}", refused.table, refused.column, refused.reason)));
          }
          auto judged = verify::verify_database((*db)->connection(), (*wanted)->schema, reading->live);
          if (!judged) return fail(std::move(judged.error().within("verifying the Better Auth schema")));
          verdict = std::move(*judged);
          report_findings(ctx.reporter(), *verdict, false);
          if (lines.empty() && !verdict->refused())
            ctx.reporter().emit(report::info("status.schema", "Better Auth schema is up to date"));
        }
        auto plan = migrations::read_plan((*db)->connection(), *files);
        if (!plan) return fail(std::move(plan.error()));
        size_t attention = 0;
        for (const auto& entry : plan->entries) {
          bool ok = entry.status == migrations::MigrationStatus::applied;
          if (!ok) ++attention;
          // The listing is the output of `status`, so every line goes to stdout.
          auto event = report::info("status.migration", describe(entry));
          event.fields["version"] = entry.version;
          event.fields["file"] = entry.file_name;
          event.fields["status"] = std::string(to_string(entry.status));
          if (entry.history) event.fields["applied_at"] = entry.history->applied_at;
          ctx.reporter().emit(event);
        }
        auto count = [&](migrations::MigrationStatus s) { return plan->with(s).size(); };
        using migrations::MigrationStatus;
        auto summary = report::info("status.summary",
                                    fmt::format("{}: {} applied, {} pending, {} edited, {} missing, {} interrupted",
                                                (*db)->url().redacted(), count(MigrationStatus::applied),
                                                count(MigrationStatus::pending), count(MigrationStatus::edited),
                                                count(MigrationStatus::missing), count(MigrationStatus::interrupted)));
        for (auto s : {MigrationStatus::applied, MigrationStatus::pending, MigrationStatus::edited,
                       MigrationStatus::missing, MigrationStatus::interrupted}) {
          summary.fields[std::string(to_string(s))] = count(s);
        }
        bool repair_needed = verdict && needs_repair(*verdict);
        if (*wanted) summary.message += "; Better Auth schema: " + schema_state(schema_pending, *verdict);
        summary.fields["schema_pending"] = schema_pending;
        if (verdict) summary.fields["better_auth"] = verdict->refused() ? "refuses" : "accepts";
        ctx.reporter().emit(summary);
        if (repair_needed) ctx.reporter().emit(report::warning("status.repair", "Fix: " + next_steps(*verdict)));
        if (!options->exit_code) return 0;
        if (repair_needed) return k_exit_refused;
        return attention + schema_pending > 0 ? k_exit_pending : k_exit_ok;
      });
    };
  });
}

}  // namespace authmigrate::cli
