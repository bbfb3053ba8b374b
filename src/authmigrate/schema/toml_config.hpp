// Reads the `[better_auth]` section of authmigrate.toml (the declarative schema source) into
// AuthOptions. The format is described in docs/schema-config.md. Every problem in the section is
// reported at once, each as `file:line:column: message`.
#pragma once

#include <optional>
#include <string_view>

#include <toml++/toml.h>

#include <authmigrate/base/error.hpp>
#include <authmigrate/schema/auth_options.hpp>

namespace authmigrate::schema {

// Parses `text` (named `path` in messages) and reads its [better_auth] section; nullopt when the
// file has no such section. Other top-level sections belong to other readers and are ignored.
Result<std::optional<AuthOptions>> read_better_auth_toml(std::string_view text, std::string_view path);

// The same, from an already-parsed document (sources carry the path given to toml::parse).
Result<std::optional<AuthOptions>> read_better_auth_section(const toml::table& root);

}  // namespace authmigrate::schema
