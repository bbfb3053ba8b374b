// Private to the TOML reader: one `additional_fields.<name>` table to a Field.
#pragma once

#include <optional>
#include <string>

#include <toml++/toml.h>

#include <authmigrate/schema/field.hpp>
#include <authmigrate/schema/toml_issues.hpp>

namespace authmigrate::schema {

// Reads `type`, `required`, `unique`, `index`, `sortable`, `bigint`, `default`, `field_name` and
// `references`; `input` and `returned` are accepted and ignored (they shape the API, not the
// table). Problems go to `issues`; nullopt when the field could not be read.
std::optional<Field> read_toml_field(const std::string& key, const toml::node& node, TomlIssues& issues);

}  // namespace authmigrate::schema
