// `authmigrate resolve VERSION --applied|--rolled-back`: settle a migration that was interrupted
// where DDL cannot roll back (MySQL), or mark a file applied without running it (baseline).
#include <authmigrate/base/files.hpp>
#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/topology/writable.hpp>

#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

void add_resolve_command(CLI::App& app, Action& action) {
  struct ResolveOptions {
    CommonOptions common;
    std::string version;
    bool applied = false;
    bool rolled_back = false;
  };
  auto options = std::make_shared<ResolveOptions>();
  auto* cmd = app.add_subcommand("resolve", "Mark an interrupted migration as applied, or forget it so it runs again");
  add_common_options(*cmd, options->common);
  cmd->add_option("VERSION", options->version, "The migration's version (its file name without .sql)")->required();
  auto* applied =
      cmd->add_flag("--applied", options->applied, "It is done: record it as applied (with the file's checksum)");
  auto* rolled = cmd->add_flag("--rolled-back", options->rolled_back, "It was undone: forget it, so it runs again");
  applied->excludes(rolled);
  cmd->callback([cmd, options, &action] {
    options->common.dir_given = cmd->get_option("--dir")->count() > 0;
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        if (!options->applied && !options->rolled_back) {
          return fail(Error(ErrorKind::usage, "say what happened: --applied or --rolled-back"));
        }
        auto files =
            migrations::read_migration_directory(base::path_from_utf8(ctx.options().dir), ctx.options().dir_given);
        if (!files) return fail(std::move(files.error()));
        auto db = OpenDatabase::open(ctx);
        if (!db) return fail(std::move(db.error()));
        AM_TRY(topology::require_writable((*db)->connection(), (*db)->url()));
        // Accept the file name too ("0003_x.sql" or "0003_x"): people copy what status printed.
        std::string version = options->version;
        for (const auto& f : *files) {
          if (f.name.file_name == version || f.name.file_name == version + ".sql") version = f.name.version;
        }
        AM_TRY(migrations::resolve_migration(
            (*db)->connection(), *files, version,
            options->applied ? migrations::Resolution::applied : migrations::Resolution::rolled_back, ctx.reporter()));
        return 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
