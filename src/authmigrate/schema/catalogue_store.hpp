// Private to the catalogue: the compiled-in data documents, parsed once on first use (only those a
// command needs: a no-op pays for the core and the plugins it names), and release ranges in them.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <authmigrate/base/version.hpp>

namespace authmigrate::schema::catalogue_store {

using Json = nlohmann::ordered_json;

// "core", "index", "releases", "plugins/<name>"; a document that does not exist is null.
const Json& document(std::string_view name);

// The harvested releases of a package, oldest first.
const std::vector<base::Version>& releases(std::string_view package);

// The entry of `ranges` (an array of {from, to, ...}) in force for `version` of `package`: the one
// that holds the newest harvested release not after `version`. nullptr: none (older than every
// harvested release, or the package did not have that entry then).
const Json* select_range(const Json& ranges, std::string_view package, const base::Version& version);

}  // namespace authmigrate::schema::catalogue_store
