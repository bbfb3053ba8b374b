// authmigrate.toml: a commented starter, written only when the project has none.
#pragma once

#include <optional>
#include <string>

#include <authmigrate/platform/file_change.hpp>

namespace authmigrate::platform {

// The starter's text.
std::string authmigrate_toml_starter();

// Created when absent; an existing file is the user's and is never rewritten.
FileChange merge_authmigrate_toml(const std::optional<std::string>& existing, std::string display_name);

}  // namespace authmigrate::platform
