// `authmigrate wait`: until the database accepts a real login and answers SELECT 1, or the deadline.
#include <authmigrate/db/wait.hpp>

#include "../signal_watcher.hpp"
#include "commands.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

void add_wait_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CommonOptions>();
  options->timeout_s = 60;
  auto* cmd = app.add_subcommand("wait", "Wait until the database accepts a login and answers SELECT 1");
  add_common_options(*cmd, *options, false);
  cmd->get_option("--timeout")->description("Give up after SECONDS (default 60)")->default_val(60);
  cmd->callback([options, &action] {
    action = [options](Streams& streams) {
      return run_command(*options, streams, [&](Context& ctx) -> Result<int> {
        auto url = ctx.database_url();
        if (!url) return fail(std::move(url.error()));
        SignalWatcher watcher(ctx.deadline());
        auto connection = db::wait_for_database(*url, ctx.session_settings(), ctx.deadline(), ctx.reporter());
        if (!connection) return fail(std::move(connection.error()));
        return 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
