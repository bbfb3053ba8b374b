// Reads the schema JSON that `authmigrate schema export` writes from an app's own Better Auth
// instance (getAuthTables), format "authmigrate-schema/1". See docs/schema-config.md.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <authmigrate/base/error.hpp>
#include <authmigrate/schema/auth_tables.hpp>

namespace authmigrate::schema {

inline constexpr std::string_view kSchemaJsonFormat = "authmigrate-schema/1";

// `source` names the file in messages ("auth-schema.json"). Errors are of kind config and name
// the JSON path of the offending value (tables.user.fields.email.type).
Result<AuthTables> read_schema_json(std::string_view text, std::string_view source);

// The `tables` object of the catalogue data: the same shape, with modelName optional (a plugin's
// table without one is named by its key, as buildAuthTables does).
Result<std::vector<Table>> read_catalogue_tables(const nlohmann::ordered_json& tables, std::string_view source);

}  // namespace authmigrate::schema
