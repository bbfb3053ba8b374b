// `authmigrate migrate`: apply the pending SQL migrations, each once, in order, under a lock.
#include <chrono>

#include <fmt/format.h>

#include <iostream>

#include <unistd.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/sync/schema_sync.hpp>
#include <authmigrate/topology/writable.hpp>

#include "../console.hpp"
#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {
struct MigrateOptions {
  CommonOptions common;
  bool dry_run = false;
  bool allow_out_of_order = false;
  bool allow_missing = false;
  bool yes = false;
  std::string tx_mode = "file";
};

// Asks on the terminal, and only there: a deploy without a terminal never waits for an answer.
bool confirm_on_terminal(bool yes, bool json, const std::vector<std::string>&) {
  if (yes || json || !::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO)) return true;
  std::cerr << "Apply these changes to the Better Auth schema? [y/N] " << std::flush;
  auto answer = read_terminal_line();
  if (!answer) std::cerr << "\n";
  return answer && (*answer == "y" || *answer == "Y" || *answer == "yes");
}
}  // namespace

void add_migrate_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<MigrateOptions>();
  auto* cmd = app.add_subcommand("migrate", "Apply pending migrations, each once, in order");
  add_common_options(*cmd, options->common);
  cmd->add_flag("--dry-run", options->dry_run, "Print what would run; change nothing");
  cmd->add_flag("--allow-out-of-order", options->allow_out_of_order,
                "Apply a new file even if it sorts before the newest applied one");
  cmd->add_flag("--allow-missing", options->allow_missing, "Go on when applied files are gone from the folder");
  cmd->add_flag("-y,--yes", options->yes,
                "Do not ask before changing the Better Auth schema (never asked without a terminal)");
  add_schema_options(*cmd, options->common);
  add_tx_mode_option(*cmd, options->tx_mode,
                     "file: one transaction per file; all: the schema change and every pending file in one "
                     "(PostgreSQL, SQLite)");
  cmd->callback([cmd, options, &action] {
    options->common.dir_given = cmd->get_option("--dir")->count() > 0;
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        auto started = std::chrono::steady_clock::now();
        auto files =
            migrations::read_migration_directory(base::path_from_utf8(ctx.options().dir), ctx.options().dir_given);
        if (!files) return fail(std::move(files.error()));
        auto wanted = ctx.schema(false);
        if (!wanted) return fail(std::move(wanted.error()));
        auto db = OpenDatabase::open(ctx);
        if (!db) return fail(std::move(db.error()));
        if (!options->dry_run) AM_TRY(topology::require_writable((*db)->connection(), (*db)->url()));
        migrations::RunOptions run;
        if (*wanted) {
          run.schema_step = [&](bool inside_transaction) -> Result<void> {
            auto confirm = [&](const std::vector<std::string>& summary) {
              return confirm_on_terminal(options->yes, ctx.json(), summary);
            };
            auto synced = sync::sync_schema((*db)->connection(), (*wanted)->schema, options->dry_run, confirm,
                                            ctx.reporter(), inside_transaction);
            if (!synced) return fail(std::move(synced.error()));
            return {};
          };
          run.schema_current = [&] {
            return sync::report_if_current((*db)->connection(), (*wanted)->schema, ctx.reporter());
          };
        }
        run.plan.allow_out_of_order = options->allow_out_of_order;
        run.plan.allow_missing = options->allow_missing;
        run.dry_run = options->dry_run;
        run.tx_mode = *migrations::parse_tx_mode(options->tx_mode);
        run.lock_deadline = ctx.lock_deadline();
        run.tool_version = fmt::format("authmigrate {}", k_version);
        auto summary = migrations::run_migrations((*db)->connection(), *files, run, ctx.reporter());
        if (!summary) return fail(std::move(summary.error()));
        auto event = report::info("migrate.done", "");
        if (options->dry_run) {
          event.message = summary->would_apply.empty()
                              ? "dry run: nothing to apply"
                              : fmt::format("dry run: {} migration{} would be applied", summary->would_apply.size(),
                                            summary->would_apply.size() == 1 ? "" : "s");
        } else if (summary->applied.empty()) {
          event.message = fmt::format("nothing to apply: {} migration{} already applied", summary->already_applied,
                                      summary->already_applied == 1 ? "" : "s");
        } else {
          event.message = fmt::format("applied {} migration{}, {} already applied", summary->applied.size(),
                                      summary->applied.size() == 1 ? "" : "s", summary->already_applied);
        }
        if (files->empty() && !ctx.options().dir_given) {
          ctx.reporter().emit(
              report::info("migrate.no_folder", fmt::format("no migration files in {}", ctx.options().dir)));
        }
        event.duration_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        event.fields["applied"] = summary->applied;
        event.fields["already_applied"] = summary->already_applied;
        event.fields["database"] = (*db)->url().redacted();
        ctx.reporter().emit(event);
        return 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
