// The options every database command shares, and the context built from them: environment,
// database URL, reporter, deadlines, secrets to mask.
#pragma once

#include <fstream>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include <authmigrate/base/deadline.hpp>
#include <authmigrate/base/redact.hpp>
#include <authmigrate/config/database_url.hpp>
#include <authmigrate/config/environment.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/report/reporter.hpp>
#include <authmigrate/sync/schema_source.hpp>

namespace authmigrate::cli {

struct CommonOptions {
  std::string url;
  std::string direct_url;  // --direct-url: the connection to migrate through when `url` is a pooler
  std::string dir = "better-auth_migrations";
  bool dir_given = false;
  std::string env_file;
  std::string log_format = "text";
  double timeout_s = 0;  // 0: none (wait: 60)
  double lock_timeout_s = 0;
  double statement_timeout_s = 0;
  std::string schema_path;          // --schema: an exported auth-schema.json
  std::string config_path;          // --config: an authmigrate.toml
  bool strict = false;              // --strict: refuse a schema that does not describe the installed Better Auth
  std::string better_auth_version;  // --better-auth-version: the release to build the schema for
};

void add_common_options(CLI::App& command, CommonOptions& options, bool with_dir = true);
// --schema and --config: where the Better Auth schema comes from.
void add_schema_options(CLI::App& command, CommonOptions& options);
// --tx-mode file|all, defaulting to what `mode` holds.
void add_tx_mode_option(CLI::App& command, std::string& mode, const std::string& description);

// What a command runs with, built once from the options.
class Context {
 public:
  static Result<std::unique_ptr<Context>> create(const CommonOptions& options, std::ostream& out, std::ostream& err);

  const CommonOptions& options() const { return m_options; }
  const config::Environment& env() const { return m_env; }
  report::Reporter& reporter() { return *m_reporter; }
  base::SecretRedactor& redactor() { return m_redactor; }
  base::Deadline deadline() const { return m_deadline; }
  bool json() const { return m_options.log_format == "json"; }

  // The database URL from --url or DATABASE_URL (after .env); its password is registered as a secret.
  // A direct URL (--direct-url, or DIRECT_URL & co. when --url is not given) is used instead, and the
  // log says which.
  Result<config::DatabaseUrl> database_url();
  // Parses `text` (from `origin`), masking its passwords first.
  Result<config::DatabaseUrl> parse_url(const std::string& text);
  // The direct URL to use instead of `origin`'s URL (see database_url), said on the reporter; nullopt
  // when there is none. The environment's count only for a URL from DATABASE_URL.
  std::optional<std::string> direct_url_instead_of(const std::string& origin);
  // Says that `source`'s direct URL is used instead of `origin`'s URL, masked.
  void say_direct_url(const std::string& text, const std::string& source, const std::string& origin);
  db::SessionSettings session_settings() const;
  base::Deadline lock_deadline() const;
  // Masks the password of a URL that is not the main one (deploy to many databases).
  void register_url_secret(const std::string& url_text);
  // Copies every event to FILE (created 0600), in the same format.
  Result<void> tee_to_file(const std::string& path);
  // The wanted Better Auth schema, or nullopt when no source exists (said once on the reporter).
  Result<std::optional<sync::LoadedSchema>> schema(bool required);

 private:
  Context(const CommonOptions& options, std::ostream& out, std::ostream& err);
  void register_secret(const std::string& secret);
  // A warning, or with --strict an error, when the schema does not describe the app's installed better-auth.
  Result<void> check_app_version(const sync::LoadedSchema& loaded);

  CommonOptions m_options;
  config::Environment m_env;
  base::SecretRedactor m_redactor;
  std::unique_ptr<report::Reporter> m_reporter;
  std::unique_ptr<report::Reporter> m_terminal_reporter;  // set when tee_to_file moved it aside
  std::unique_ptr<report::Reporter> m_file_reporter;
  std::unique_ptr<std::ofstream> m_log_file;
  base::Deadline m_deadline = base::Deadline::never();
};

}  // namespace authmigrate::cli
