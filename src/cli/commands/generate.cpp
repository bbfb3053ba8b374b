// `authmigrate generate`: writes the pending Better Auth DDL as a reviewable SQL file (or to stdout),
// named and worded as `auth generate` writes it for the built-in adapter (warning banner included).
#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/dialect/live_schema.hpp>
#include <authmigrate/plan/generate_file.hpp>
#include <authmigrate/sync/schema_sync.hpp>

#include "commands.hpp"
#include "connect.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {
struct GenerateOptions {
  CommonOptions common;
  std::string output;
  bool from_empty = false;
  bool yes = false;  // the Better Auth CLI's `generate --yes`; generate never asks
  std::string dialect;
};

Result<plan::Plan> plan_from_empty(const schema::Schema& wanted, config::Dialect kind) {
  auto dialect = dialect::make_dialect(kind);
  auto no_rows = [](std::string_view) -> Result<bool> { return false; };
  return plan::make_plan(wanted, dialect::LiveSchema{}, *dialect, no_rows);
}

Result<config::Dialect> parse_dialect(const std::string& text) {
  if (text == "postgres" || text == "postgresql") return config::Dialect::postgres;
  if (text == "sqlite") return config::Dialect::sqlite;
  if (text == "mysql" || text == "mariadb") return config::Dialect::mysql;
  return fail(
      Error(ErrorKind::usage, fmt::format("unknown dialect \"{}\"", text)).with_hint("use postgres, sqlite or mysql"));
}

constexpr std::string_view k_stdout = "-";

// Writes the SQL where --output says: - is stdout, a folder gets the file named as `auth generate`
// names it, nothing is the migration folder. The path written, or empty for stdout.
Result<std::string> write_sql(const std::string& output, const std::string& dir, const std::string& content,
                              std::ostream& out) {
  if (output == k_stdout) {
    out << content;
    out.flush();
    if (!out) return fail(ErrorKind::io, "writing the SQL to stdout failed");
    return std::string();
  }
  std::filesystem::path path = base::path_from_utf8(output);
  auto name = [] { return std::filesystem::path(plan::default_generate_file_name(std::chrono::system_clock::now())); };
  if (path.empty()) {
    path = base::path_from_utf8(dir) / name().filename();
  } else if (std::filesystem::is_directory(path)) {
    path /= name().filename();
  }
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  AM_TRY(base::write_file_atomic(path, content, 0644));
  return path.string();
}
}  // namespace

void add_generate_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<GenerateOptions>();
  auto* cmd = app.add_subcommand("generate", "Write the pending Better Auth DDL to a reviewable SQL file");
  add_common_options(*cmd, options->common);
  add_schema_options(*cmd, options->common);
  cmd->add_option("--output", options->output,
                  "File to write (default: <dir>/<UTC time>.sql, as `auth generate` names it); - for stdout");
  cmd->add_flag("--from-empty", options->from_empty, "The whole schema, as for an empty database (no connection)");
  cmd->add_option("--dialect", options->dialect, "With --from-empty and no URL: postgres, sqlite or mysql");
  cmd->add_flag("-y,--yes", options->yes,
                "Taken as `auth generate --yes` takes it; authmigrate's generate never asks (an existing "
                "--output file is replaced)");
  cmd->callback([options, &action] {
    action = [options](Streams& streams) {
      // With --output -, stdout carries the SQL alone: every message goes to stderr.
      Streams messages{options->output == k_stdout ? streams.err : streams.out, streams.err};
      return run_command(options->common, messages, [&](Context& ctx) -> Result<int> {
        auto wanted = ctx.schema(true);
        if (!wanted) return fail(std::move(wanted.error()));
        const auto& schema = (**wanted).schema;
        Result<plan::Plan> planned;
        if (options->from_empty) {
          config::Dialect kind;
          if (!options->dialect.empty()) {
            auto parsed = parse_dialect(options->dialect);
            if (!parsed) return fail(std::move(parsed.error()));
            kind = *parsed;
          } else {
            auto url = ctx.database_url();
            if (!url) return fail(std::move(url.error().with_hint("pass --dialect, or a --url to take it from")));
            kind = url->dialect;
          }
          planned = plan_from_empty(schema, kind);
        } else {
          auto db = OpenDatabase::open(ctx);
          if (!db) return fail(std::move(db.error()));
          planned = sync::plan_schema((*db)->connection(), schema);
        }
        if (!planned) return fail(std::move(planned.error()));
        for (const auto& refused : planned->unsafe_changes) {
          ctx.reporter().emit(report::warning("generate.unsafe",
                                              fmt::format("{}.{}: {}", refused.table, refused.column, refused.reason)));
        }
        if (const auto& problems = planned->schema_problems; !problems.empty()) {
          // The real CLI's warning, word for word; a migration file cannot mend these columns.
          ctx.reporter().emit(report::warning(
              "generate.schema_problems",
              fmt::format("{} {} every insert Better Auth makes. No migration fixes this.", problems.size(),
                          problems.size() == 1 ? "column rejects" : "columns reject")));
          for (const auto& problem : problems)
            ctx.reporter().emit(report::warning("generate.schema_problem", "-> " + problem));
        }
        auto content = plan::generate_file_content(*planned);
        if (content.empty()) {
          if (!planned->schema_problems.empty()) {
            ctx.reporter().emit(report::warning(
                "generate.repair_needed",
                "No migration to write, but Better Auth will refuse this database: `authmigrate verify` lists "
                "the columns and the repair that fixes them"));
            return 0;
          }
          ctx.reporter().emit(report::info("generate.up_to_date", "Your schema is already up to date."));
          return 0;
        }
        auto written = write_sql(options->output, ctx.options().dir, content, streams.out);
        if (!written) return fail(std::move(written.error()));
        const bool to_stdout = written->empty();
        auto event = report::info("generate.written", to_stdout ? "wrote the SQL to stdout" : "wrote " + *written);
        event.fields["path"] = to_stdout ? std::string(k_stdout) : *written;
        event.fields["statements"] = planned->statements.size();
        ctx.reporter().emit(event);
        return 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
