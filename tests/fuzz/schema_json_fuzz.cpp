// Fuzzes the exported schema source: schema::read_schema_json and, when it reads, resolve_schema.
// Properties: no crash, no exception escapes, every error is of kind config.
#include <string_view>

#include <authmigrate/schema/schema.hpp>
#include <authmigrate/schema/schema_json.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace authmigrate;
  const auto text = authmigrate::fuzz::as_text(data, size);
  auto tables = schema::read_schema_json(text, "auth-schema.json");
  if (!tables) {
    AM_FUZZ_CHECK(tables.error().kind == ErrorKind::config, tables.error().message);
    return 0;
  }
  auto resolved = schema::resolve_schema(*tables);
  if (!resolved) AM_FUZZ_CHECK(resolved.error().kind == ErrorKind::config, resolved.error().message);
  return 0;
}
