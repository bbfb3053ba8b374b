#include <array>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/db/system_ca_bundle.hpp>
#include <authmigrate/db/tls_trust.hpp>

namespace authmigrate::db {
namespace {

std::string setting(const config::DatabaseUrl& url, const config::Environment& env, const char* param,
                    const char* variable) {
  if (auto value = url.param(param)) return *value;
  return env.get(variable).value_or("");
}

bool has_user_root_cert(const config::Environment& env, const FileExists& exists) {
  auto home = env.get("HOME");
  return home && !home->empty() && exists(*home + "/.postgresql/root.crt");
}

Error no_bundle_error(std::string_view why) {
  return Error(ErrorKind::config, fmt::format("{}, but {}", why, system_ca_bundle_places()))
      .with_hint(
          "install the ca-certificates package, set SSL_CERT_FILE to a PEM bundle, or give "
          "sslrootcert=<file> in the URL");
}

Result<std::string> bundle_param(const config::Environment& env, const FileExists& exists, std::string_view why) {
  auto bundle = find_ca_bundle(env, exists);
  if (!bundle) return fail(no_bundle_error(why));
  return " sslrootcert=" + config::libpq_quote(*bundle);
}

enum class TlsLevel { off, preferred, required, verify };

// One level from whichever of the parameters the URL has; an unknown value is an error naming it.
Result<TlsLevel> mysql_tls_level(const config::DatabaseUrl& url) {
  struct Spelling {
    std::string_view value;
    TlsLevel level;
  };
  static constexpr std::array<Spelling, 14> k_levels = {{
      {"disabled", TlsLevel::off},
      {"disable", TlsLevel::off},
      {"false", TlsLevel::off},
      {"preferred", TlsLevel::preferred},
      {"prefer", TlsLevel::preferred},
      {"allow", TlsLevel::preferred},
      {"required", TlsLevel::required},
      {"require", TlsLevel::required},
      {"true", TlsLevel::required},
      {"accept_invalid_certs", TlsLevel::required},
      {"verify_ca", TlsLevel::verify},
      {"verify-ca", TlsLevel::verify},
      {"verify_identity", TlsLevel::verify},
      {"verify-full", TlsLevel::verify},
  }};
  for (const char* key : {"ssl-mode", "sslmode", "sslaccept", "ssl"}) {
    auto value = url.param(key);
    if (!value) continue;
    std::string v = lower(*value);
    if (v == "strict") return TlsLevel::verify;  // Prisma's sslaccept=strict
    for (const auto& spelling : k_levels) {
      if (spelling.value == v) return spelling.level;
    }
    return fail(Error(ErrorKind::config, fmt::format("{}={} is not a TLS mode this URL understands", key, *value))
                    .with_hint("use ssl-mode=DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY"));
  }
  return TlsLevel::off;
}

}  // namespace

std::optional<std::string> find_ca_bundle(const config::Environment& env, const FileExists& exists) {
  if (auto file = env.get("SSL_CERT_FILE"); file && !file->empty()) return *file;
  return system_ca_bundle(exists);
}

Result<std::string> postgres_trust_conninfo(const config::DatabaseUrl& url, const config::Environment& env,
                                            const FileExists& exists) {
  std::string root = setting(url, env, "sslrootcert", "PGSSLROOTCERT");
  if (root == "system") return bundle_param(env, exists, "sslrootcert=system asks for the system's CA certificates");
  std::string mode = setting(url, env, "sslmode", "PGSSLMODE");
  if (mode != "verify-ca" && mode != "verify-full") return std::string();
  if (!root.empty() || has_user_root_cert(env, exists)) return std::string();
  return bundle_param(env, exists, fmt::format("sslmode={} checks the server's certificate", mode));
}

bool postgres_may_use_tls(const config::DatabaseUrl& url, const config::Environment& env) {
  return lower(setting(url, env, "sslmode", "PGSSLMODE")) != "disable";
}

bool is_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

Result<std::string> postgres_trust_conninfo(const config::DatabaseUrl& url) {
  return postgres_trust_conninfo(url, config::Environment::from_process(), is_file);
}

Result<MysqlTls> mysql_tls(const config::DatabaseUrl& url) {
  return mysql_tls(url, config::Environment::from_process(), is_file);
}

Result<MysqlTls> mysql_tls(const config::DatabaseUrl& url, const config::Environment& env, const FileExists& exists) {
  auto level = mysql_tls_level(url);
  if (!level) return fail(std::move(level.error()));
  MysqlTls tls;
  tls.attempt = *level >= TlsLevel::preferred;
  tls.enforce = *level >= TlsLevel::required;
  tls.verify = *level >= TlsLevel::verify;
  tls.ca_file = url.param("ssl-ca").value_or(url.param("sslrootcert").value_or(""));
  if (tls.ca_file == "system") tls.ca_file.clear();
  if (tls.verify && tls.ca_file.empty()) {
    auto bundle = find_ca_bundle(env, exists);
    if (!bundle) return fail(no_bundle_error("the URL asks to verify the server's certificate"));
    tls.ca_file = *bundle;
  }
  return tls;
}

}  // namespace authmigrate::db
