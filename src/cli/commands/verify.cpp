// `authmigrate verify`: would Better Auth accept this database? Its runtime check's findings with
// its wording, then the drift. Reads the catalog only; changes nothing, not even the history table.
#include <fmt/format.h>

#include <authmigrate/verify/verdict.hpp>

#include "../exit_codes.hpp"
#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"
#include "verdict_report.hpp"

namespace authmigrate::cli {

namespace {
struct VerifyOptions {
  CommonOptions common;  // common.strict: also exit 7 on drift alone
};
}  // namespace

void add_verify_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<VerifyOptions>();
  auto* cmd =
      app.add_subcommand("verify",
                         "Check the database as Better Auth's runtime schema check does (read-only): exit 0 accepted, "
                         "6 Better Auth will refuse it, 7 drift with --strict");
  add_common_options(*cmd, options->common);
  add_schema_options(*cmd, options->common);
  cmd->get_option("--strict")
      ->description(
          "Exit 7 when the only findings are drift (types, nullability, indexes), and refuse (exit 2) a schema that "
          "does not describe the Better Auth the app installed");
  cmd->callback([options, &action] {
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        auto wanted = ctx.schema(true);
        if (!wanted) return fail(std::move(wanted.error()));
        auto db = OpenDatabase::open(ctx);
        if (!db) return fail(std::move(db.error()));
        auto verdict = verify::verify_database((*db)->connection(), (*wanted)->schema);
        if (!verdict) return fail(std::move(verdict.error().within("verifying the Better Auth schema")));
        report_verdict(ctx.reporter(), *verdict, (*db)->url().redacted(), (*wanted)->schema.better_auth_version);
        if (verdict->refused()) return k_exit_refused;
        return options->common.strict && !verdict->drift.empty() ? k_exit_drift : k_exit_ok;
      });
    };
  });
}

}  // namespace authmigrate::cli
