// `authmigrate new NAME`: an empty migration named with the UTC time in Better Auth's pattern.
#include <filesystem>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/migrations/migration_name.hpp>
#include <authmigrate/report/reporter.hpp>

#include "commands.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {
// "Add orders table" -> "add_orders_table"; anything else than letters, digits, '-' and '_' is refused.
Result<std::string> description_from(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == ' ') {
      out += '_';
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      return fail(Error(ErrorKind::usage, fmt::format("migration name \"{}\" has a character that cannot be in a "
                                                      "file name: '{}'",
                                                      name, c))
                      .with_hint("use letters, digits, spaces, '-' and '_'"));
    }
  }
  return out;
}
}  // namespace

void add_new_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CommonOptions>();
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("new", "Write an empty migration file named with the current UTC time");
  cmd->add_option("NAME", *name, "What the migration does, e.g. add_orders")->required();
  cmd->add_option("--dir", options->dir, "Folder of SQL migration files")->capture_default_str();
  cmd->add_option("--log-format", options->log_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options, name, &action] {
    action = [options, name](Streams& streams) {
      return run_command(*options, streams, [&](Context& ctx) -> Result<int> {
        auto description = description_from(*name);
        if (!description) return fail(std::move(description.error()));
        std::error_code ec;
        auto dir = base::path_from_utf8(ctx.options().dir);
        std::filesystem::create_directories(dir, ec);
        if (ec) return fail(ErrorKind::io, fmt::format("cannot create {}: {}", ctx.options().dir, ec.message()));
        auto file_name = migrations::new_migration_file_name(report::utc_timestamp(), *description);
        auto path = dir / file_name;
        auto content = fmt::format(
            "-- {}\n-- Applied once by `authmigrate migrate`, in a transaction where the "
            "database allows.\n-- Put `-- authmigrate:no-transaction` on the first line for "
            "statements that cannot run in one.\n\n",
            *name);
        AM_TRY(base::write_file_atomic(path, content, 0644, true));
        auto event = report::info("new.written", fmt::format("wrote {}", path.string()));
        event.fields["path"] = path.string();
        ctx.reporter().emit(event);
        return 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
