// Private to the catalogue: the compiled-in data documents, parsed once on first use (only those a
// command needs: a no-op pays for the core and the plugins it names), and release ranges in them.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <authmigrate/base/version.hpp>

namespace authmigrate::schema::catalogue_store {

using Json = nlohmann::ordered_json;

// "core", "index", "releases", "plugins/<name>"; a document that does not exist is null.
const Json& document(std::string_view name);

// The value at `path` (member names, from the top) in document `name`, parsing only that value; null
// when there is none. member_of("index", {"plugins", "username"}) reads one plugin's entry.
const Json& member_of(std::string_view name, std::initializer_list<std::string_view> path);

// The names of the top-level members of the object at `path` in document `name`, in order, unparsed.
std::vector<std::string_view> member_names(std::string_view name, std::initializer_list<std::string_view> path);

// The harvested releases of a package, oldest first.
const std::vector<base::Version>& releases(std::string_view package);

// The entry of `ranges` (an array of {from, to, ...}) in force for `version` of `package`: the one
// that holds the newest harvested release not after `version`. nullptr: none (older than every
// harvested release, or the package did not have that entry then).
const Json* select_range(const Json& ranges, std::string_view package, const base::Version& version);

// The same for the top-level `ranges` of document `name`, parsing only the range it returns (the core
// document holds every release range; a command uses one).
const Json* select_range_of(std::string_view name, std::string_view package, const base::Version& version);

}  // namespace authmigrate::schema::catalogue_store
