#include "common_options.hpp"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/sync/app_version.hpp>
#include <authmigrate/topology/direct_url.hpp>

namespace authmigrate::cli {

void add_common_options(CLI::App& command, CommonOptions& options, bool with_dir) {
  command.add_option("--url", options.url, "Database URL (default: $DATABASE_URL)");
  command.add_option("--direct-url", options.direct_url,
                     "Migrate through this URL rather than the app's pooled one (default: $DIRECT_URL, "
                     "$DATABASE_URL_UNPOOLED or $POSTGRES_URL_NON_POOLING, unless --url is given)");
  if (with_dir) {
    command.add_option("--dir", options.dir, "Folder of SQL migration files")->capture_default_str();
  }
  command.add_option("--env-file", options.env_file,
                     "Read environment variables from FILE (default: ./.env if present)");
  command.add_option("--log-format", options.log_format, "Output: text for people, json for JSON lines")
      ->check(CLI::IsMember({"text", "json"}));
  command.add_option("--timeout", options.timeout_s, "Overall deadline in seconds (0: none)")
      ->check(CLI::NonNegativeNumber);
  command
      .add_option("--lock-timeout", options.lock_timeout_s,
                  "Seconds to wait for the migration lock and for table locks on the server (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  command
      .add_option("--statement-timeout", options.statement_timeout_s,
                  "Seconds any one statement may run on the server (0: no limit)")
      ->check(CLI::NonNegativeNumber);
}

void add_tx_mode_option(CLI::App& command, std::string& mode, const std::string& description) {
  command.add_option("--tx-mode", mode, description)->check(CLI::IsMember({"file", "all"}))->capture_default_str();
}

void add_schema_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--schema", options.schema_path,
                     "Better Auth schema exported by `authmigrate schema export` (JSON)");
  command.add_option("--config", options.config_path,
                     "authmigrate.toml with a [better_auth] section (default: ./authmigrate.toml)");
  command.add_option("--better-auth-version", options.better_auth_version,
                     "The better-auth release to build the schema for (default: [better_auth] version, else the "
                     "installed one, else the newest known); with a newer release than the app runs, checks or "
                     "prepares an upgrade");
  command.add_flag("--strict", options.strict,
                   "Refuse (exit 2) when the schema does not describe the Better Auth the app installed "
                   "(node_modules or lock file); default: a warning");
}

Context::Context(const CommonOptions& options, std::ostream& out, std::ostream& err)
    : m_options(options), m_env(config::Environment::from_process()) {
  bool colour =
      ::isatty(STDERR_FILENO) && !m_env.get("NO_COLOR") && m_env.get("TERM") != std::optional<std::string>("dumb");
  if (options.log_format == "json") {
    m_reporter = std::make_unique<report::JsonLinesReporter>(out, m_redactor);
  } else {
    m_reporter = std::make_unique<report::TextReporter>(out, err, colour, m_redactor);
  }
  m_deadline = base::Deadline::after_seconds(options.timeout_s);
}

Result<std::unique_ptr<Context>> Context::create(const CommonOptions& options, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Context> ctx(new Context(options, out, err));
  auto env_path = base::path_from_utf8(options.env_file.empty() ? ".env" : options.env_file);
  std::error_code ec;
  if (!options.env_file.empty() || std::filesystem::exists(env_path, ec)) {
    auto text = base::read_file(env_path);
    if (!text) {
      Error error = std::move(text.error());
      error.kind = ErrorKind::config;
      return fail(std::move(error.within("reading the environment file")));
    }
    auto entries = config::parse_dotenv(*text, base::path_utf8(env_path));
    if (!entries) return fail(std::move(entries.error()));
    // Values in a .env are secrets as often as not; mask the ones that look like it.
    for (const auto& [key, value] : *entries) {
      if (key.find("SECRET") != std::string::npos || key.find("PASSWORD") != std::string::npos ||
          key.find("KEY") != std::string::npos || key.find("TOKEN") != std::string::npos) {
        ctx->register_secret(value);
      }
    }
    ctx->m_env.add_defaults(*entries);
  }
  if (auto secret = ctx->m_env.get("BETTER_AUTH_SECRET")) ctx->register_secret(*secret);
  return ctx;
}

void Context::register_url_secret(const std::string& text) {
  // The raw password, before parsing, so that even a parse error cannot show it.
  if (auto at = text.rfind('@'); at != std::string::npos) {
    if (auto scheme_end = text.find("://"); scheme_end != std::string::npos && scheme_end < at) {
      auto userinfo = text.substr(scheme_end + 3, at - scheme_end - 3);
      if (auto colon = userinfo.find(':'); colon != std::string::npos) register_secret(userinfo.substr(colon + 1));
    }
  }
  if (auto url = config::parse_database_url(text)) {
    if (url->password) register_secret(*url->password);
    if (auto p = url->param("password")) register_secret(*p);
  }
}

Result<void> Context::tee_to_file(const std::string& path) {
  auto file = base::path_from_utf8(path);
  if (auto created = base::create_private_file(file, true); !created)
    return fail(std::move(created.error().within("opening the log file")));
  m_log_file = std::make_unique<std::ofstream>(file, std::ios::app);
  if (json()) {
    m_file_reporter = std::make_unique<report::JsonLinesReporter>(*m_log_file, m_redactor);
  } else {
    m_file_reporter = std::make_unique<report::TextReporter>(*m_log_file, *m_log_file, false, m_redactor);
  }
  m_terminal_reporter = std::move(m_reporter);
  m_reporter = std::make_unique<report::TeeReporter>(
      std::vector<report::Reporter*>{m_terminal_reporter.get(), m_file_reporter.get()});
  return {};
}

void Context::register_secret(const std::string& secret) {
  m_redactor.add(secret);
  // The same secret as it appears inside a JSON string.
  auto quoted = nlohmann::json(secret).dump();
  m_redactor.add(quoted.substr(1, quoted.size() - 2));
}

std::optional<std::string> Context::direct_url_instead_of(const std::string& origin) {
  // DIRECT_URL & co. stand beside DATABASE_URL; a URL given any other way is meant as given, unless
  // --direct-url says otherwise.
  auto direct =
      topology::find_direct_url(origin == "DATABASE_URL" ? m_env : config::Environment(), m_options.direct_url);
  if (!direct) return std::nullopt;
  say_direct_url(direct->text, direct->source, origin);
  return direct->text;
}

void Context::say_direct_url(const std::string& text, const std::string& source, const std::string& origin) {
  register_url_secret(text);
  auto shown = config::parse_database_url(text);
  auto event = report::info("connect.direct_url",
                            fmt::format("migrating through {} ({}) rather than {}", source,
                                        shown ? shown->redacted() : std::string("an unparsable URL"), origin));
  event.fields["source"] = source;
  m_reporter->emit(event);
}

Result<config::DatabaseUrl> Context::database_url() {
  std::string text = m_options.url;
  std::string origin = "--url";
  if (text.empty()) {
    text = m_env.get("DATABASE_URL").value_or("");
    origin = "DATABASE_URL";
  }
  register_url_secret(text);
  if (auto direct = direct_url_instead_of(origin)) text = *direct;
  if (text.empty()) {
    return fail(Error(ErrorKind::config, "no database URL: --url is not given and DATABASE_URL is not set")
                    .with_hint("pass --url postgres://user:password@host:5432/db (or sqlite:app.db, "
                               "mysql://...), or set DATABASE_URL in the environment or .env"));
  }
  return parse_url(text);
}

Result<config::DatabaseUrl> Context::parse_url(const std::string& text) {
  register_url_secret(text);
  return config::parse_database_url(text);
}

db::SessionSettings Context::session_settings() const {
  using std::chrono::milliseconds;
  auto ms = [](double s) { return milliseconds(static_cast<long long>(s * 1000)); };
  db::SessionSettings settings;
  settings.connect_timeout = std::min(m_deadline.remaining(), milliseconds(10000));
  if (m_options.statement_timeout_s > 0) settings.statement_timeout = ms(m_options.statement_timeout_s);
  if (m_options.lock_timeout_s > 0) settings.lock_timeout = ms(m_options.lock_timeout_s);
  return settings;
}

base::Deadline Context::lock_deadline() const {
  return base::Deadline::after_seconds(m_options.lock_timeout_s).min(m_deadline);
}

}  // namespace authmigrate::cli

namespace authmigrate::cli {

// The app's installed better-auth (found from the working directory) against what the schema describes.
Result<void> Context::check_app_version(const sync::LoadedSchema& loaded) {
  auto checked = sync::check_app_version(loaded, ".");
  if (!checked) return fail(std::move(checked.error()));
  const sync::AppVersion& app = *checked;
  if (loaded.from_catalogue) {
    auto event =
        report::info("schema.release", fmt::format("the schema of better-auth {} ({})", app.release, app.said_by));
    event.fields["better_auth_version"] = app.release;
    m_reporter->emit(event);
  } else if (!app.installed.empty() && app.mismatches.empty()) {
    auto event = report::info("schema.app_version",
                              fmt::format("the app runs better-auth {} ({})", app.installed, app.file.string()));
    event.fields["better_auth_version"] = app.installed;
    m_reporter->emit(event);
  }
  if (app.mismatches.empty()) return {};
  if (m_options.strict)
    return fail(Error(ErrorKind::config, fmt::format("{}; nothing ran (--strict)", fmt::join(app.mismatches, "; ")))
                    .with_hint(app.hint));
  for (const auto& mismatch : app.mismatches) {
    auto warning = report::warning("schema.version_mismatch", mismatch + " (--strict refuses this)");
    if (!app.installed.empty()) warning.fields["better_auth_version"] = app.installed;
    if (!app.hint.empty()) warning.fields["hint"] = app.hint;
    m_reporter->emit(warning);
  }
  return {};
}

Result<std::optional<sync::LoadedSchema>> Context::schema(bool required) {
  sync::SchemaSourceOptions source;
  source.schema_json = base::path_from_utf8(m_options.schema_path);
  source.config_toml = base::path_from_utf8(m_options.config_path);
  source.better_auth_version = m_options.better_auth_version;
  auto loaded = sync::load_schema_source(source);
  if (!loaded) return fail(std::move(loaded.error().within("loading the Better Auth schema")));
  if (!*loaded) {
    if (required) {
      return fail(Error(ErrorKind::config,
                        "no Better Auth schema: no --schema, no authmigrate.toml with a "
                        "[better_auth] section, no auth-schema.json here")
                      .with_hint("export it with `authmigrate schema export`, or describe it in authmigrate.toml "
                                 "(docs/schema-config.md)"));
    }
    m_reporter->emit(report::info("schema.none",
                                  "no Better Auth schema source (--schema, authmigrate.toml [better_auth] or "
                                  "auth-schema.json): only the SQL files run"));
    return loaded;
  }
  auto event = report::info("schema.source", fmt::format("Better Auth schema from {}", (*loaded)->source));
  event.fields["source"] = (*loaded)->source;
  event.fields["tables"] = (*loaded)->schema.tables.size();
  m_reporter->emit(event);
  AM_TRY(check_app_version(**loaded));
  return loaded;
}

}  // namespace authmigrate::cli
