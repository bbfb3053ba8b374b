#include <array>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include <authmigrate/db/tls_trust.hpp>

namespace authmigrate::db {
namespace {

// The places Go's crypto/x509 looks too, in the same order.
constexpr std::array<std::string_view, 6> k_bundles = {
    "/etc/ssl/certs/ca-certificates.crt",                 // Debian, Ubuntu, Gentoo, Arch, Alpine
    "/etc/pki/tls/certs/ca-bundle.crt",                   // Fedora, RHEL 6
    "/etc/ssl/ca-bundle.pem",                             // openSUSE
    "/etc/pki/tls/cacert.pem",                            // OpenELEC
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS, RHEL 7+
    "/etc/ssl/cert.pem",                                  // Alpine, macOS
};

std::string conninfo_value(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string setting(const config::DatabaseUrl& url, const config::Environment& env, const char* param,
                    const char* variable) {
  if (auto value = url.param(param)) return *value;
  return env.get(variable).value_or("");
}

bool has_user_root_cert(const config::Environment& env, const FileExists& exists) {
  auto home = env.get("HOME");
  return home && !home->empty() && exists(*home + "/.postgresql/root.crt");
}

Result<std::string> bundle_param(const config::Environment& env, const FileExists& exists, std::string_view why) {
  auto bundle = find_ca_bundle(env, exists);
  if (!bundle) {
    return fail(Error(ErrorKind::config, fmt::format("{}, but this system has no CA bundle in any of the usual places "
                                                     "(/etc/ssl/certs/ca-certificates.crt, /etc/ssl/cert.pem, ...)",
                                                     why))
                    .with_hint("install the ca-certificates package, set SSL_CERT_FILE to a PEM bundle, or give "
                               "sslrootcert=<file> in the URL"));
  }
  return " sslrootcert=" + conninfo_value(*bundle);
}

}  // namespace

std::optional<std::string> find_ca_bundle(const config::Environment& env, const FileExists& exists) {
  if (auto file = env.get("SSL_CERT_FILE"); file && !file->empty()) return *file;
  for (std::string_view candidate : k_bundles) {
    if (exists(std::string(candidate))) return std::string(candidate);
  }
  return std::nullopt;
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

Result<std::string> postgres_trust_conninfo(const config::DatabaseUrl& url) {
  auto env = config::Environment::from_process();
  return postgres_trust_conninfo(url, env, [](const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
  });
}

}  // namespace authmigrate::db
