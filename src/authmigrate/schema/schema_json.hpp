// Reads the schema JSON that `authmigrate schema export` writes from an app's own Better Auth
// instance (getAuthTables), format "authmigrate-schema/1". See docs/schema-config.md.
#pragma once

#include <string_view>

#include <authmigrate/base/error.hpp>
#include <authmigrate/schema/auth_tables.hpp>

namespace authmigrate::schema {

inline constexpr std::string_view kSchemaJsonFormat = "authmigrate-schema/1";

// `source` names the file in messages ("auth-schema.json"). Errors are of kind config and name
// the JSON path of the offending value (tables.user.fields.email.type).
Result<AuthTables> read_schema_json(std::string_view text, std::string_view source);

}  // namespace authmigrate::schema
