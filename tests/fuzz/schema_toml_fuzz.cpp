// Fuzzes the declarative schema source: schema::read_better_auth_toml and, when it reads, the
// catalogue (build_auth_tables) and buildSchema (resolve_schema). Properties: no crash, no
// exception escapes, every error is of kind config.
#include <string_view>

#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/schema/toml_config.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace authmigrate;
  const auto text = authmigrate::fuzz::as_text(data, size);
  auto options = schema::read_better_auth_toml(text, "authmigrate.toml");
  if (!options) {
    AM_FUZZ_CHECK(options.error().kind == ErrorKind::config, options.error().message);
    return 0;
  }
  if (!*options) return 0;  // no [better_auth] section
  const auto tables = schema::build_auth_tables(**options, schema::newest_release());
  if (!tables) {
    AM_FUZZ_CHECK(tables.error().kind == ErrorKind::config, tables.error().message);
    return 0;
  }
  auto resolved = schema::resolve_schema(*tables);
  if (!resolved) AM_FUZZ_CHECK(resolved.error().kind == ErrorKind::config, resolved.error().message);
  return 0;
}
