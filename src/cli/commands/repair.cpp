// `authmigrate repair NAME...`: the named changes Better Auth's upgrades need and `migrate` never
// makes, planned from the live schema, shown (and with --dry-run only shown), run under the
// migration lock in one transaction where the database allows, re-checked, then verified.
#include <authmigrate/base/files.hpp>
#include <authmigrate/deploy/repair_session.hpp>

#include "../exit_codes.hpp"
#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"
#include "verdict_report.hpp"

namespace authmigrate::cli {

namespace {
struct RepairOptions {
  CommonOptions common;
  std::vector<std::string> names;
  bool dry_run = false;
  bool backup = false;
  std::string backup_dir = ".authmigrate/backups";
};

Result<int> repair_database(Context& ctx, const RepairOptions& options,
                            const std::vector<repair::RepairRequest>& requests, const schema::Schema& wanted) {
  auto db = OpenDatabase::open(ctx);
  if (!db) return fail(std::move(db.error()));
  deploy::RepairSettings settings{options.dry_run, std::nullopt, ctx.lock_deadline()};
  if (options.backup)
    settings.backup = backup::BackupOptions{base::path_from_utf8(options.backup_dir), 0, wanted.schema_name};
  auto verdict = deploy::repair_database((*db)->connection(), (*db)->url(), wanted, requests, settings, ctx.reporter());
  if (!verdict) return fail(std::move(verdict.error()));
  report_verdict(ctx.reporter(), *verdict, (*db)->url().redacted());
  if (options.dry_run) return k_exit_ok;
  return verdict->refused() ? k_exit_refused : k_exit_ok;
}
}  // namespace

void add_repair_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<RepairOptions>();
  auto* cmd = app.add_subcommand(
      "repair", "Make a named repair Better Auth's upgrades need and `migrate` never makes (docs/upgrades.md)");
  add_common_options(*cmd, options->common);
  add_schema_options(*cmd, options->common);
  cmd->add_option("names", options->names,
                  "account-issuer | account-issuer:keep-column | nullable:TABLE.COLUMN | "
                  "default:TABLE.COLUMN=VALUE | apikey-reference-id")
      ->required();
  cmd->add_flag("--dry-run", options->dry_run, "Print the plan and the SQL; change nothing");
  cmd->add_flag("--backup", options->backup, "Back up the database first (as deploy --backup)");
  cmd->add_option("--backup-dir", options->backup_dir, "Folder for backups (created 0700)")->capture_default_str();
  cmd->callback([options, &action] {
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        auto requests = repair::parse_repairs(options->names);
        if (!requests) return fail(std::move(requests.error()));
        auto wanted = ctx.schema(true);
        if (!wanted) return fail(std::move(wanted.error()));
        return repair_database(ctx, *options, *requests, (*wanted)->schema);
      });
    };
  });
}

}  // namespace authmigrate::cli
