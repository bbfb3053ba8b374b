// `authmigrate init`: sets a project up so that migrations run at release time on Nixpacks,
// Railway and Heroku-style hosts (nixpacks.toml, railway.json, Procfile, package.json,
// authmigrate.toml). Never clobbers the user's content; `--dry-run` prints the diff only.
#include <fmt/format.h>

#include <authmigrate/platform/init_plan.hpp>
#include <authmigrate/platform/unified_diff.hpp>
#include <authmigrate/report/reporter.hpp>

#include "commands.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {

using platform::FileStatus;

struct InitCommandOptions {
  CommonOptions common;
  std::string project = ".";
  std::string start;
  std::string hook = "pre-deploy";
  bool dry_run = false;
  platform::InitOptions init;
};

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

report::Event file_event(const platform::FileChange& file, bool dry_run) {
  std::string verb;
  std::string detail;
  switch (file.status) {
    case FileStatus::created:
      verb = dry_run ? "would create" : "created";
      detail = joined(file.changes);
      break;
    case FileStatus::updated:
      verb = dry_run ? "would update" : "updated";
      detail = joined(file.changes);
      break;
    case FileStatus::unchanged:
      verb = "unchanged";
      detail = file.reason;
      break;
    case FileStatus::skipped:
      verb = "skipped";
      detail = file.reason;
      break;
  }
  auto name = fmt::format("init.{}", file.status == FileStatus::created   ? "created"
                                     : file.status == FileStatus::updated ? "updated"
                                     : file.status == FileStatus::skipped ? "skipped"
                                                                          : "unchanged");
  auto event = report::info(name, detail.empty() ? fmt::format("{} {}", verb, file.name)
                                                 : fmt::format("{} {} ({})", verb, file.name, detail));
  event.fields["file"] = file.name;
  event.fields["changes"] = file.changes;
  return event;
}

void emit_notice(report::Reporter& reporter, const platform::Notice& notice) {
  if (notice.level == platform::NoticeLevel::warning) {
    reporter.emit(report::warning(notice.conflict ? "init.conflict" : "init.warning", notice.message));
  } else {
    reporter.emit(report::info("init.note", notice.message));
  }
}

std::string summary(const platform::InitPlan& plan, bool dry_run) {
  if (!plan.writes_anything()) {
    return plan.conflicts() ? "nothing to change apart from the conflicts above" : "nothing to change: already set up";
  }
  auto text = fmt::format("{} {}, {} {}, {} unchanged", plan.count(FileStatus::created),
                          dry_run ? "to create" : "created", plan.count(FileStatus::updated),
                          dry_run ? "to update" : "updated", plan.count(FileStatus::unchanged));
  if (plan.conflicts()) text += fmt::format("; {} conflict(s) left as they are (--force replaces)", plan.conflicts());
  if (dry_run) text += " (dry run: nothing written)";
  return text;
}

int report_plan(Context& ctx, Streams& streams, const platform::InitPlan& plan, bool dry_run) {
  auto& reporter = ctx.reporter();
  for (const auto& notice : plan.notices) emit_notice(reporter, notice);
  for (const auto& file : plan.files) {
    auto event = file_event(file, dry_run);
    std::string diff = dry_run && file.writes() ? platform::unified_diff(file.file, file.before, file.after) : "";
    if (ctx.json() && !diff.empty()) event.fields["diff"] = diff;
    reporter.emit(event);
    // The diff is for reading: as it is, not line by line with timestamps.
    if (!ctx.json() && !diff.empty()) streams.out << diff << std::flush;
    for (const auto& notice : file.notices) emit_notice(reporter, notice);
  }
  reporter.emit(report::info("init.done", summary(plan, dry_run)));
  return 0;
}

}  // namespace

void add_init_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<InitCommandOptions>();
  auto* cmd = app.add_subcommand("init",
                                 "Set the project up so that migrations run at release time "
                                 "(nixpacks.toml, railway.json, Procfile, package.json, authmigrate.toml)");
  cmd->add_option("--project", options->project, "The app's folder")->capture_default_str();
  cmd->add_option("--start", options->start,
                  "The app's start command, when nixpacks.toml, the Procfile and package.json do not say it");
  cmd->add_option("--bin", options->init.binary,
                  "How commands call authmigrate in the image (default: the npm package, through npx --no)")
      ->capture_default_str();
  cmd->add_option("--release-hook", options->hook,
                  "pre-deploy: Railway's preDeployCommand and Heroku's release (PostgreSQL, MySQL); start: the start "
                  "command everywhere (SQLite on a volume)")
      ->check(CLI::IsMember({"pre-deploy", "start"}))
      ->capture_default_str();
  cmd->add_flag("--schema-export", options->init.schema_export,
                "Export the Better Auth schema at build time (automatic when auth-schema.json exists)");
  cmd->add_flag("--force", options->init.force, "Replace the user's conflicting migrate script or release command");
  cmd->add_flag("--dry-run", options->dry_run, "Print the diff of what would change and write nothing");
  cmd->add_option("--log-format", options->common.log_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options, &action] {
    action = [options](Streams& streams) {
      return run_command(options->common, streams, [&](Context& ctx) -> Result<int> {
        auto init = options->init;
        if (!options->start.empty()) init.start = options->start;
        init.hook = options->hook == "start" ? platform::ReleaseHook::start : platform::ReleaseHook::pre_deploy;
        auto plan = platform::run_init(options->project, init, options->dry_run);
        if (!plan) return fail(std::move(plan.error()));
        return report_plan(ctx, streams, *plan, options->dry_run);
      });
    };
  });
}

}  // namespace authmigrate::cli
