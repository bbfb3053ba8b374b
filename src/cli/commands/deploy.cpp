// `authmigrate deploy`: the whole release step for one or many databases, and `authmigrate check`,
// its preflight alone. Never prompts.
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/deploy/many_databases.hpp>
#include <authmigrate/deploy/preflight.hpp>
#include <authmigrate/deploy/target_list.hpp>
#include <authmigrate/deploy/targets.hpp>
#include <authmigrate/repair/repair_request.hpp>

#include "../exit_codes.hpp"
#include "../signal_watcher.hpp"
#include "commands.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {

struct DeployOptions {
  CommonOptions common;
  std::vector<std::string> urls;
  std::string urls_file;
  std::vector<std::string> require_env;
  int jobs = 1;
  bool fail_fast = false;
  bool backup = false;
  std::string backup_dir = ".authmigrate/backups";
  int keep = 0;
  double wait_timeout_s = 60;
  std::string log_file;
  bool allow_out_of_order = false;
  bool allow_missing = false;
  std::string tx_mode = "all";
  std::vector<std::string> repairs;
};

struct Prepared {
  std::vector<deploy::DeployTarget> targets;
  std::optional<sync::LoadedSchema> schema;
  std::vector<repair::RepairRequest> repairs;
};

// --repair, else [deploy] repairs of authmigrate.toml: only what the user named.
Result<std::vector<repair::RepairRequest>> named_repairs(const DeployOptions& options) {
  std::vector<std::string> names = options.repairs;
  if (names.empty()) {
    auto listed = deploy::read_deploy_repairs(
        base::path_from_utf8(options.common.config_path.empty() ? "authmigrate.toml" : options.common.config_path));
    if (!listed) return fail(std::move(listed.error()));
    names = std::move(*listed);
  }
  return repair::parse_repairs(names);
}

// Everything that can be checked without a database, every problem at once.
Result<Prepared> preflight(Context& ctx, const DeployOptions& options) {
  std::vector<std::string> problems =
      deploy::check_environment(ctx.env(), deploy::EnvironmentRequirements{true, options.require_env});
  std::string config_path = options.common.config_path.empty() ? "authmigrate.toml" : options.common.config_path;
  deploy::TargetSources sources{options.urls, base::path_from_utf8(options.urls_file),
                                base::path_from_utf8(config_path)};
  auto specs = deploy::target_specs(sources, ctx.env(), problems);
  if (specs.size() == 1 && specs[0].direct_url_text.empty()) {
    if (auto direct = ctx.direct_url_instead_of(specs[0].origin)) specs[0].url_text = *direct;
  } else if (!options.common.direct_url.empty()) {
    problems.push_back(
        "--direct-url names one database, but this deploy has several: give each its direct_url "
        "(or direct_url_env) in its [[database]] entry");
  }
  for (auto& spec : specs) {
    if (!spec.direct_url_text.empty()) {
      ctx.say_direct_url(spec.direct_url_text, spec.origin + " direct_url", "its url");
      spec.url_text = spec.direct_url_text;
    }
    ctx.register_url_secret(spec.url_text);
  }
  Prepared prepared;
  prepared.targets =
      deploy::resolve_targets(specs, base::path_from_utf8(options.common.dir), options.common.dir_given, problems);
  auto schema = ctx.schema(false);
  if (!schema)
    problems.push_back(schema.error().describe());
  else
    prepared.schema = std::move(*schema);
  auto repairs = named_repairs(options);
  if (!repairs)
    problems.push_back(repairs.error().describe());
  else
    prepared.repairs = std::move(*repairs);
  if (repairs && !repairs->empty() && schema && !*schema)
    problems.push_back(
        "a repair needs the Better Auth schema: pass --config or --schema, or add authmigrate.toml [better_auth]");
  AM_TRY(deploy::problems_to_error(problems));
  ctx.reporter().emit(
      report::info("deploy.preflight", fmt::format("preflight passed: {} database{}", prepared.targets.size(),
                                                   prepared.targets.size() == 1 ? "" : "s")));
  return prepared;
}

void add_deploy_options(CLI::App& cmd, DeployOptions& o) {
  add_common_options(cmd, o.common);
  add_schema_options(cmd, o.common);
  cmd.remove_option(cmd.get_option("--url"));
  cmd.add_option("--url", o.urls, "Database URL; repeat for several (default: $DATABASE_URL)");
  cmd.add_option("--urls-file", o.urls_file, "File with one database URL per line (# comments)");
  cmd.add_option("--require-env", o.require_env, "Also require this environment variable (repeatable)");
}

int summarize(Context& ctx, const std::vector<deploy::DeployOutcome>& outcomes, double total_ms) {
  size_t failed = 0;
  const Error* first_error = nullptr;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& o : outcomes) {
    if (!o.ok) {
      ++failed;
      if (!first_error && o.error) first_error = &*o.error;
    }
    rows.push_back({{"database", o.name},
                    {"result", o.ok ? "ok" : (o.restored ? "failed, restored" : "failed")},
                    {"files_applied", o.files_applied},
                    {"schema_statements", o.schema_statements},
                    {"duration_ms", static_cast<long long>(o.duration_ms)},
                    {"error", o.error ? o.error->describe() : ""}});
  }
  if (outcomes.size() > 1 && !ctx.json()) {
    ctx.reporter().emit(report::info(
        "deploy.table", fmt::format("{:<40} {:<18} {:>7} {:>7} {:>9}", "database", "result", "files", "schema", "ms")));
    for (const auto& row : rows) {
      auto line = fmt::format("{:<40} {:<18} {:>7} {:>7} {:>9}", row["database"].get<std::string>(),
                              row["result"].get<std::string>(), row["files_applied"].get<size_t>(),
                              row["schema_statements"].get<size_t>(), row["duration_ms"].get<long long>());
      ctx.reporter().emit(report::info("deploy.table", line));
    }
  }
  for (const auto& o : outcomes) {
    if (o.ok || !o.error) continue;
    auto event = report::Event{report::Level::error, "deploy.failed",
                               fmt::format("{}{}", outcomes.size() > 1 ? "[" + o.name + "] " : "", o.error->describe()),
                               std::nullopt, nlohmann::json::object()};
    if (!o.error->hint.empty()) event.fields["hint"] = o.error->hint;
    event.fields["exit_code"] = exit_code_for(o.error->kind);
    ctx.reporter().emit(event);
    if (!o.error->hint.empty() && !ctx.json()) {
      ctx.reporter().emit(report::Event{report::Level::error, "deploy.hint", "hint: " + o.error->hint, std::nullopt,
                                        nlohmann::json::object()});
    }
  }
  auto summary =
      report::info("deploy.summary", failed == 0 ? fmt::format("deploy done: {} database{} up to date", outcomes.size(),
                                                               outcomes.size() == 1 ? "" : "s")
                                                 : fmt::format("deploy failed for {} of {} database{}", failed,
                                                               outcomes.size(), outcomes.size() == 1 ? "" : "s"));
  summary.level = failed == 0 ? report::Level::info : report::Level::error;
  summary.duration_ms = total_ms;
  summary.fields["databases"] = rows;
  summary.fields["failed"] = failed;
  ctx.reporter().emit(summary);
  if (failed == 0) return 0;
  return first_error ? exit_code_for(first_error->kind) : 1;
}

}  // namespace

void add_deploy_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<DeployOptions>();
  auto* cmd = app.add_subcommand("deploy", "The release step: check, wait, lock, back up, migrate, verify");
  add_deploy_options(*cmd, *o);
  cmd->add_option("--jobs", o->jobs, "Databases to deploy at once")->check(CLI::Range(1, 256));
  cmd->add_flag("--fail-fast", o->fail_fast, "Stop starting databases after the first failure");
  cmd->add_flag("--backup", o->backup, "Back up each database first and restore it if the deploy fails");
  cmd->add_option("--backup-dir", o->backup_dir, "Folder for backups (created 0700)")->capture_default_str();
  cmd->add_option("--keep", o->keep, "Keep the newest N backups of each database (0: all)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--wait-timeout", o->wait_timeout_s, "Seconds to wait for each database to come up")
      ->capture_default_str();
  cmd->add_option("--log-file", o->log_file, "Also write the log to FILE (created 0600)");
  cmd->add_flag("--allow-out-of-order", o->allow_out_of_order, "Apply new files that sort before applied ones");
  cmd->add_flag("--allow-missing", o->allow_missing, "Go on when applied files are gone from the folder");
  cmd->add_option("--repair", o->repairs,
                  "Run this repair before migrating (repeatable; see `authmigrate repair --help`); overrides "
                  "[deploy] repairs in authmigrate.toml");
  add_tx_mode_option(*cmd, o->tx_mode,
                     "all: the schema change and every pending file in one transaction (PostgreSQL, SQLite); "
                     "file: one transaction per file");
  cmd->callback([cmd, o, &action] {
    o->common.dir_given = cmd->get_option("--dir")->count() > 0;
    action = [o](Streams& streams) {
      std::ofstream log_file;
      return run_command(o->common, streams, [&](Context& ctx) -> Result<int> {
        auto started = std::chrono::steady_clock::now();
        if (!o->log_file.empty()) AM_TRY(ctx.tee_to_file(o->log_file));
        auto prepared = preflight(ctx, *o);
        if (!prepared) return fail(std::move(prepared.error()));
        SignalWatcher watcher(ctx.deadline());
        deploy::DeploySettings settings;
        settings.session = ctx.session_settings();
        settings.deadline = ctx.deadline();
        settings.lock_timeout_s = o->common.lock_timeout_s;
        if (o->backup) settings.backup = backup::BackupOptions{base::path_from_utf8(o->backup_dir), o->keep, {}};
        settings.schema = prepared->schema ? &prepared->schema->schema : nullptr;
        settings.plan = {o->allow_out_of_order, o->allow_missing};
        settings.repairs = prepared->repairs;
        settings.tx_mode = *migrations::parse_tx_mode(o->tx_mode);
        settings.tool_version = fmt::format("authmigrate {}", k_version);
        settings.on_open = [&](db::Connection* c) { watcher.watch(c); };
        settings.on_close = [&](db::Connection* c) { watcher.unwatch(c); };
        settings.wait_timeout_s = o->wait_timeout_s;
        auto outcomes = deploy::deploy_databases(prepared->targets, settings, {o->jobs, o->fail_fast}, ctx.reporter());
        return summarize(ctx, outcomes,
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
      });
    };
  });

  auto c = std::make_shared<DeployOptions>();
  auto* check = app.add_subcommand("check", "Deploy's preflight alone: environment, URLs, files, schema; no database");
  add_deploy_options(*check, *c);
  check->callback([check, c, &action] {
    c->common.dir_given = check->get_option("--dir")->count() > 0;
    action = [c](Streams& streams) {
      return run_command(c->common, streams, [&](Context& ctx) -> Result<int> {
        auto prepared = preflight(ctx, *c);
        if (!prepared) return fail(std::move(prepared.error()));
        return 0;
      });
    };
  });
}

}  // namespace authmigrate::cli
