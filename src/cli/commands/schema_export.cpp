// `authmigrate schema export [--auth-config FILE] [--output FILE] [--runtime node|bun|deno]`: runs the
// script that ships with authmigrate (share/authmigrate/export-schema.mjs) in the app's runtime (Node, or
// Bun/Deno when the project says so: project/app_runtime.hpp). The script loads the
// app's auth config from the app's own node_modules, calls its better-auth's getAuthTables(options)
// and writes authmigrate-schema/1 JSON. This side finds the script, runs it with a deadline,
// passes the app's output through (secrets masked), checks that the JSON loads, and writes it.
// Every failure of the export (no Node, no config, a config that does not load) exits 2.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/base/interrupt.hpp>
#include <authmigrate/base/process.hpp>
#include <authmigrate/base/streamed_process.hpp>
#include <authmigrate/project/app_runtime.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/schema/schema_json.hpp>

#include "../signal_watcher.hpp"
#include "commands.hpp"
#include "run_command.hpp"

namespace authmigrate::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_script_name = "export-schema.mjs";
constexpr std::string_view k_protocol_prefix = "authmigrate-export: ";

struct ExportOptions {
  CommonOptions common;
  std::string auth_config;
  std::string output = "auth-schema.json";
  std::string runtime;  // node, bun or deno; empty: from the project (project::detect_runtime)
};

// The runtime that loads the config, its program, and why it was chosen.
struct RuntimeRun {
  project::JsRuntime runtime = project::JsRuntime::node;
  fs::path program;
  std::string reason;
};

Result<RuntimeRun> choose_runtime(const config::Environment& env, const std::string& forced) {
  auto evidence = forced.empty()
                      ? project::detect_runtime(fs::current_path(), env.get("npm_config_user_agent").value_or(""))
                      : project::RuntimeEvidence{*project::parse_runtime(forced), "--runtime " + forced};
  auto path = env.get("PATH");
  if (!path) path = env.get("Path");  // Windows spells it so
  auto program =
      project::find_runtime_program(evidence.runtime, fs::current_path(), path.value_or(""), evidence.reason);
  if (!program) return fail(std::move(program.error()));
  return RuntimeRun{evidence.runtime, *program, evidence.reason};
}

// The command line: Deno needs `run`, its permissions (the config reads files, the environment and may
// open its database) and the app's deno.json (the script lives outside the app).
std::vector<std::string> runtime_argv(const RuntimeRun& run, const std::vector<std::string>& args) {
  std::vector<std::string> argv{run.program.string()};
  if (run.runtime == project::JsRuntime::deno) {
    argv.insert(argv.end(), {"run", "--allow-all"});
    if (auto config = project::find_deno_config(fs::current_path()))
      argv.insert(argv.end(), {"--config", config->string()});
  }
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// The source tree of a CMake build tree, from its CMakeCache.txt.
std::optional<fs::path> source_dir_of_build_tree(const fs::path& build_dir) {
  std::ifstream cache(build_dir / "CMakeCache.txt");
  if (!cache) return std::nullopt;
  std::string line;
  std::optional<fs::path> home;
  while (std::getline(cache, line)) {
    for (std::string_view key : {"authmigrate_SOURCE_DIR:STATIC=", "CMAKE_HOME_DIRECTORY:INTERNAL="}) {
      if (line.starts_with(key)) {
        fs::path dir = line.substr(key.size());
        if (key.starts_with("authmigrate")) return dir;
        home = dir;
      }
    }
  }
  return home;
}

// AUTHMIGRATE_SHARE_DIR; else, from the executable's own path: <prefix>/share/authmigrate for an
// installed binary (<prefix>/bin/authmigrate), the source tree's share/authmigrate for a build tree.
Result<fs::path> find_export_script(const config::Environment& env) {
  if (auto dir = env.get("AUTHMIGRATE_SHARE_DIR"); dir && !dir->empty()) {
    fs::path script = fs::path(*dir) / k_script_name;
    if (is_file(script)) return script;
    return fail(
        Error(ErrorKind::config, fmt::format("AUTHMIGRATE_SHARE_DIR is {}, which has no {}", *dir, k_script_name))
            .with_hint("point AUTHMIGRATE_SHARE_DIR at the share/authmigrate folder of an authmigrate "
                       "install, or unset it"));
  }
  auto own = base::own_executable();
  if (!own) return fail(std::move(own.error()));
  fs::path exe = *own;
  std::vector<std::string> tried;
  fs::path dir = exe.parent_path();
  for (int up = 0; up < 4 && !dir.empty(); ++up) {
    fs::path installed = dir / "share" / "authmigrate" / k_script_name;
    tried.push_back(installed.string());
    if (is_file(installed)) return installed;
    if (auto source = source_dir_of_build_tree(dir)) {
      fs::path in_source = *source / "share" / "authmigrate" / k_script_name;
      tried.push_back(in_source.string());
      if (is_file(in_source)) return in_source;
    }
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return fail(Error(ErrorKind::config, fmt::format("authmigrate's {} is not installed next to {} (tried {})",
                                                   k_script_name, exe.string(), fmt::join(tried, ", ")))
                  .with_hint("install authmigrate with its share/authmigrate folder (cmake --install), or set "
                             "AUTHMIGRATE_SHARE_DIR to the folder holding export-schema.mjs"));
}

// A temporary file removed when it goes out of scope.
struct TempFile {
  fs::path path;
  ~TempFile() {
    std::error_code ec;
    if (!path.empty()) fs::remove(path, ec);
  }
};

// Created empty, 0600, under a name nobody else holds (an exclusive create).
Result<TempFile> make_temp_file() {
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) return fail(ErrorKind::io, fmt::format("cannot find the temporary folder: {}", ec.message()));
  std::random_device random;
  for (int attempt = 0;; ++attempt) {
    fs::path path = dir / fmt::format("authmigrate-schema-{:08x}", random());
    auto created = base::write_file_atomic(path, "", 0600, true);
    if (created) return TempFile{path};
    if (attempt == 8) return fail(std::move(created.error().within("creating a temporary file")));
  }
}

// What the script said in its own lines ("authmigrate-export: <key>: <value>").
struct ScriptReport {
  std::string config;
  std::string better_auth;
  std::string runtime;
  std::string loader;
  std::vector<std::string> notes;  // how the config was found, when not where the Better Auth CLI looks
  std::vector<std::string> errors;
  std::vector<std::string> hints;
};

struct NodeResult {
  int exit_code = -1;  // -1: killed by a signal
  int signal = 0;
  ScriptReport report;
};

// Text without ANSI escape sequences (Better Auth's logger colours its lines even into a pipe).
std::string without_ansi(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

class LineSink {
 public:
  LineSink(Context& ctx, Streams& streams, ScriptReport& report) : m_ctx(ctx), m_streams(streams), m_report(report) {}

  void feed(std::string_view bytes) {
    m_pending.append(bytes);
    size_t start = 0;
    for (size_t nl; (nl = m_pending.find('\n', start)) != std::string::npos; start = nl + 1) {
      line(std::string_view(m_pending).substr(start, nl - start));
    }
    m_pending.erase(0, start);
  }
  void finish() {
    if (!m_pending.empty()) line(m_pending);
    m_pending.clear();
  }

 private:
  void line(std::string_view text) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.starts_with(k_protocol_prefix)) {
      text.remove_prefix(k_protocol_prefix.size());
      auto colon = text.find(": ");
      std::string key(text.substr(0, colon));
      std::string value(colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 2));
      if (key == "error")
        m_report.errors.push_back(value);
      else if (key == "hint")
        m_report.hints.push_back(value);
      else if (key == "config")
        m_report.config = value;
      else if (key == "better-auth")
        m_report.better_auth = value;
      else if (key == "runtime")
        m_report.runtime = value;
      else if (key == "loader")
        m_report.loader = value;
      else if (key == "note")
        m_report.notes.push_back(value);
      return;
    }
    // The app's own output while its config loads: passed through, colours removed, secrets masked.
    std::string plain = without_ansi(text);
    if (m_ctx.json()) {
      auto event = report::info("schema.export.output", plain);
      m_ctx.reporter().emit(event);
    } else {
      m_streams.err << m_ctx.redactor().redact(plain) << '\n';
      m_streams.err.flush();
    }
  }

  Context& m_ctx;
  Streams& m_streams;
  ScriptReport& m_report;
  std::string m_pending;
};

// The runtime with our environment plus AUTHMIGRATE_SCHEMA_EXPORT=1: an app tests it to skip import-time
// side effects (opening its database, running its ORM's migrations) while only its options are read.
Result<NodeResult> run_node(Context& ctx, Streams& streams, const RuntimeRun& run,
                            const std::vector<std::string>& args) {
  std::vector<std::string> argv = runtime_argv(run, args);
  NodeResult result;
  LineSink sink(ctx, streams, result.report);
  auto ran = base::run_streamed(
      argv, {{"AUTHMIGRATE_SCHEMA_EXPORT", "1"}}, [&](std::string_view text) { sink.feed(text); },
      [] { return base::stop_requested().has_value(); });
  sink.finish();
  if (!ran && ran.error().server_code == "ENOENT")
    return fail(ErrorKind::config, fmt::format("cannot run {}: it is not there any more", run.program.string()));
  if (!ran) return fail(std::move(ran.error()));
  result.exit_code = ran->exit_code;
  result.signal = ran->signal;
  if (base::stop_requested()) return fail(base::stop_error());
  return result;
}

Error script_failure(const NodeResult& result, const RuntimeRun& run, const fs::path& script) {
  const auto& report = result.report;
  if (!report.errors.empty()) {
    std::string message = report.errors.front();
    for (size_t i = 1; i < report.errors.size(); ++i) message += "; " + report.errors[i];
    Error error(ErrorKind::config, std::move(message));
    std::string hint;
    for (const auto& h : report.hints) hint += (hint.empty() ? "" : "; ") + h;
    error.hint = std::move(hint);
    return error;
  }
  std::string how = result.signal != 0 ? fmt::format("was killed by signal {}", result.signal)
                                       : fmt::format("exited with code {}", result.exit_code);
  return Error(ErrorKind::config,
               fmt::format("{} {} {} without saying why{}", run.program.filename().string(), script.string(), how,
                           report.config.empty() ? "" : " (config " + report.config + ")"))
      .with_hint("its output is above; AUTHMIGRATE_DEBUG=1 shows stacks");
}

// "node 22.1.0", or with the reason when it is not Node by default: "bun 1.3.14 for bun.lock in /app".
std::string runtime_said(const std::string& reported, const RuntimeRun& run) {
  if (run.runtime == project::JsRuntime::node && !run.reason.starts_with("--runtime")) return reported;
  return fmt::format("{} for {}", reported, run.reason);
}

Result<int> export_schema(Context& ctx, Streams& streams, const ExportOptions& options) {
  auto script = find_export_script(ctx.env());
  if (!script) return fail(std::move(script.error()));
  auto temp = make_temp_file();
  if (!temp) return fail(std::move(temp.error()));
  auto runtime = choose_runtime(ctx.env(), options.runtime);
  if (!runtime) return fail(std::move(runtime.error()));

  std::vector<std::string> args{script->string()};
  if (!options.auth_config.empty()) {
    args.push_back("--auth-config");
    args.push_back(options.auth_config);
  }
  args.push_back("--output");
  args.push_back(temp->path.string());

  std::optional<SignalWatcher> watcher;
  watcher.emplace(ctx.deadline());
  auto ran = run_node(ctx, streams, *runtime, args);
  watcher.reset();
  if (!ran) return fail(std::move(ran.error()));
  if (ran->exit_code != 0) return fail(script_failure(*ran, *runtime, *script));

  auto text = base::read_file(temp->path);
  if (!text) return fail(std::move(text.error().within("reading what the export script wrote")));
  // What we write must be what migrate can read: check it the same way migrate will.
  std::string label = options.output == "-" ? "the exported schema" : options.output;
  auto tables = schema::read_schema_json(*text, label);
  auto resolved = tables ? schema::resolve_schema(*tables) : Result<schema::Schema>(tl::unexpected(tables.error()));
  if (!resolved) {
    Error error = std::move(resolved.error());
    error.kind = ErrorKind::config;
    error.within("the exported schema does not load");
    if (error.hint.empty()) {
      error.hint = fmt::format("this authmigrate may be older than the app's better-auth {}; nothing was written",
                               ran->report.better_auth);
    }
    return fail(std::move(error));
  }

  std::string from = ran->report.config;
  if (auto rel = fs::relative(from, fs::current_path()); !rel.empty() && !rel.string().starts_with(".."))
    from = rel.string();
  if (options.output == "-") {
    streams.out << *text;
    streams.out.flush();
  } else {
    fs::path out = options.output;
    std::error_code ec;
    if (out.has_parent_path()) fs::create_directories(out.parent_path(), ec);
    AM_TRY(base::write_file_atomic(out, *text, 0644));
  }
  auto event = report::info(
      "schema.export.written",
      fmt::format("wrote {}: {} tables from {} (better-auth {}; {}, {})",
                  options.output == "-" ? "the schema to stdout" : options.output, tables->tables.size(), from,
                  ran->report.better_auth, runtime_said(ran->report.runtime, *runtime), ran->report.loader));
  event.fields["path"] = options.output;
  event.fields["config"] = ran->report.config;
  event.fields["better_auth_version"] = ran->report.better_auth;
  event.fields["tables"] = tables->tables.size();
  event.fields["runtime"] = ran->report.runtime;
  event.fields["runtime_reason"] = runtime->reason;
  event.fields["loader"] = ran->report.loader;
  // With the schema on stdout, the text lines go to stderr; JSON lines would mix with it and are left out.
  auto tell = [&](const report::Event& e) {
    if (options.output == "-" && !ctx.json())
      streams.err << ctx.redactor().redact(e.message) << '\n';
    else if (options.output != "-")
      ctx.reporter().emit(e);
  };
  for (const auto& note : ran->report.notes) tell(report::info("schema.export.found", note));
  tell(event);
  return 0;
}

}  // namespace

void add_schema_command(CLI::App& app, Action& action) {
  auto* schema = app.add_subcommand("schema", "Work with the Better Auth schema (see docs/schema-config.md)");
  schema->require_subcommand(1);
  auto options = std::make_shared<ExportOptions>();
  options->common.timeout_s = 120;
  auto* cmd = schema->add_subcommand(
      "export", "Write the app's Better Auth schema (getAuthTables) as JSON, read from its auth config with Node");
  cmd->add_option("--auth-config", options->auth_config,
                  "The file that calls betterAuth({...}) (default: searched like `npx auth migrate`: auth.ts, "
                  "lib/auth.ts, src/lib/auth.ts, ...)");
  cmd->add_option("--output", options->output, "File to write; - for stdout")->capture_default_str();
  cmd->add_option("--runtime", options->runtime,
                  "The runtime that loads the config (default: the app's: bun with bun.lock, deno with deno.json, "
                  "else node)")
      ->check(CLI::IsMember({"node", "bun", "deno"}));
  cmd->add_option("--env-file", options->common.env_file,
                  "Secrets to mask in the app's output (default: ./.env if present; Node loads .env and .env.local "
                  "itself, as the Better Auth CLI does)");
  cmd->add_option("--log-format", options->common.log_format, "Output: text for people, json for JSON lines")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--timeout", options->common.timeout_s, "Seconds the export may take (0: no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->callback([options, &action] {
    action = [options](Streams& streams) {
      return run_command(options->common, streams,
                         [&](Context& ctx) -> Result<int> { return export_schema(ctx, streams, *options); });
    };
  });
}

}  // namespace authmigrate::cli
