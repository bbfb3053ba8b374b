// `authmigrate status`: applied, pending, edited, missing and interrupted migrations. Changes nothing.
#include <fmt/format.h>

#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/plan/summary.hpp>
#include <authmigrate/sync/schema_sync.hpp>

#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {
struct StatusOptions {
  CommonOptions common;
  bool exit_code = false;
};

std::string describe(const migrations::PlannedMigration& entry) {
  using migrations::MigrationStatus;
  switch (entry.status) {
    case MigrationStatus::applied: return fmt::format("applied      {}  ({})", entry.file_name, entry.history->applied_at);
    case MigrationStatus::pending: return fmt::format("pending      {}", entry.file_name);
    case MigrationStatus::edited: return fmt::format("EDITED       {}  (changed since it was applied)", entry.file_name);
    case MigrationStatus::missing: return fmt::format("MISSING      {}  (applied, file gone)", entry.file_name);
    case MigrationStatus::interrupted:
      return fmt::format("INTERRUPTED  {}  (started, never finished: see `authmigrate resolve`)", entry.file_name);
  }
  return entry.file_name;
}
}  // namespace

void add_status_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<StatusOptions>();
  auto* cmd = app.add_subcommand("status", "Show applied, pending, edited and missing migrations");
  add_common_options(*cmd, options->common);
  add_schema_options(*cmd, options->common);
  cmd->add_flag("--exit-code", options->exit_code, "Exit 1 when anything is pending, edited, missing or interrupted");
  cmd->callback([cmd, options, &action] {
    options->common.dir_given = cmd->get_option("--dir")->count() > 0;
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        auto files = migrations::read_migration_directory(ctx.options().dir, ctx.options().dir_given);
        if (!files) return fail(std::move(files.error()));
        auto wanted = ctx.schema(false);
        if (!wanted) return fail(std::move(wanted.error()));
        auto db = OpenDatabase::open(ctx);
        if (!db) return fail(std::move(db.error()));
        size_t schema_pending = 0;
        if (*wanted) {
          auto schema_plan = sync::plan_schema((*db)->connection(), (*wanted)->schema);
          if (!schema_plan) return fail(std::move(schema_plan.error()));
          auto lines = plan::summary_lines((*wanted)->schema, *schema_plan);
          schema_pending = lines.size();
          for (const auto& line : lines) ctx.reporter().emit(report::info("status.schema", "schema pending " + line));
          for (const auto& refused : schema_plan->unsafe_changes) {
            ctx.reporter().emit(report::warning("status.schema_refused",
                                                fmt::format("schema change refused: {}.{}: {}", refused.table,
                                                            refused.column, refused.reason)));
          }
          if (lines.empty()) ctx.reporter().emit(report::info("status.schema", "Better Auth schema is up to date"));
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
        auto summary = report::info(
            "status.summary",
            fmt::format("{}: {} applied, {} pending, {} edited, {} missing, {} interrupted", (*db)->url().redacted(),
                        count(MigrationStatus::applied), count(MigrationStatus::pending),
                        count(MigrationStatus::edited), count(MigrationStatus::missing),
                        count(MigrationStatus::interrupted)));
        for (auto s : {MigrationStatus::applied, MigrationStatus::pending, MigrationStatus::edited,
                       MigrationStatus::missing, MigrationStatus::interrupted}) {
          summary.fields[std::string(to_string(s))] = count(s);
        }
        if (*wanted) summary.message += fmt::format("; Better Auth schema: {}", schema_pending == 0 ? "up to date" : fmt::format("{} change{} pending", schema_pending, schema_pending == 1 ? "" : "s"));
        summary.fields["schema_pending"] = schema_pending;
        ctx.reporter().emit(summary);
        return options->exit_code && attention + schema_pending > 0 ? 1 : 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
