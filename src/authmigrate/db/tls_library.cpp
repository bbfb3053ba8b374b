#include <authmigrate/db/tls_library.hpp>

#include <mutex>

#include <openssl/conf.h>
#include <openssl/crypto.h>
#include <openssl/ssl.h>

namespace authmigrate::db {

void prepare_tls_library(bool connection_may_use_tls) {
  static std::once_flag initialised;
  static std::once_flag configured;
  static bool config_skipped = false;
  std::call_once(initialised, [&] {
    uint64_t options = OPENSSL_INIT_NO_ATEXIT;
    if (!connection_may_use_tls) {
      options |= OPENSSL_INIT_NO_LOAD_CONFIG;
      config_skipped = true;
    }
    OPENSSL_init_ssl(options, nullptr);
  });
  if (!connection_may_use_tls || !config_skipped) return;
  // OPENSSL_init_ssl would not load it now: the configuration step counts as done.
  std::call_once(configured, [] {
    CONF_modules_load_file(nullptr, nullptr, CONF_MFLAGS_DEFAULT_SECTION | CONF_MFLAGS_IGNORE_MISSING_FILE);
  });
}

}  // namespace authmigrate::db
