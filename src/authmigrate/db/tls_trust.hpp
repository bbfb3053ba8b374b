// Which certificate authorities a server's TLS certificate is checked against. The static binary
// carries no distribution's OpenSSL configuration, and libpq 15 never looks at the system's store
// (sslrootcert=system arrives in libpq 16), so the system's CA bundle is found here, where each Linux
// distribution keeps it (on Windows: exported from the certificate store; system_ca_bundle.hpp), and
// handed to the driver explicitly.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <authmigrate/base/error.hpp>
#include <authmigrate/config/database_url.hpp>
#include <authmigrate/config/environment.hpp>
#include <authmigrate/db/system_ca_bundle.hpp>

namespace authmigrate::db {

// SSL_CERT_FILE when set, else the system's: the first bundle that exists (Debian/Ubuntu/Alpine's
// ca-certificates.crt, Fedora/RHEL's, openSUSE's, ..., Alpine's and macOS's /etc/ssl/cert.pem), or on
// Windows the certificate store's roots.
std::optional<std::string> find_ca_bundle(const config::Environment& env, const FileExists& exists);

// The libpq parameters to append to a URL's conninfo so that verification works as users expect:
// sslrootcert=system means the system bundle; sslmode=verify-ca/verify-full without a root certificate
// (no sslrootcert, no PGSSLROOTCERT, no ~/.postgresql/root.crt) uses the system bundle too, where
// libpq 15 alone would fail. Empty when nothing is needed; an error when no bundle can be found.
Result<std::string> postgres_trust_conninfo(const config::DatabaseUrl& url, const config::Environment& env,
                                            const FileExists& exists);

// The same, for the process as it runs (its environment and file system).
Result<std::string> postgres_trust_conninfo(const config::DatabaseUrl& url);

// Whether libpq may talk TLS on this URL: every sslmode but `disable` (from the URL, else PGSSLMODE).
bool postgres_may_use_tls(const config::DatabaseUrl& url, const config::Environment& env);

// TLS for MySQL/MariaDB, from the URL parameters users copy from their hosts: `ssl-mode` (MySQL's
// DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY), `sslmode` (libpq's disable ... verify-full),
// `sslaccept=strict|accept_invalid_certs` (Prisma's), `ssl=true`; the CA from `ssl-ca` or `sslrootcert`,
// else the system bundle when the certificate is verified.
struct MysqlTls {
  bool attempt = false;  // use TLS when the server offers it
  bool enforce = false;  // fail rather than talk in the clear
  bool verify = false;   // check the certificate chain and the host name
  std::string ca_file;   // when verifying: the CA bundle
};
Result<MysqlTls> mysql_tls(const config::DatabaseUrl& url, const config::Environment& env, const FileExists& exists);
Result<MysqlTls> mysql_tls(const config::DatabaseUrl& url);

}  // namespace authmigrate::db
