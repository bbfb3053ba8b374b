// OpenSSL's process-wide set-up, which libpq and libmariadb start on their own: loading openssl.cnf
// (about 1.7 M instructions) and registering a clean-up at exit (1.1 M) are a third of a no-op's own
// work. A connection that cannot use TLS skips the configuration file; the first later connection that
// can use TLS loads it, so every TLS session is made with the system's settings (Debian's openssl.cnf
// raises the security level). The clean-up at exit is skipped always: the process is ending.
#pragma once

namespace authmigrate::db {

// Called before each connection is opened, with whether that connection may use TLS.
void prepare_tls_library(bool connection_may_use_tls);

}  // namespace authmigrate::db
