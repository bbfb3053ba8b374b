// Which Better Auth release the [better_auth] catalogue builds the schema for: --better-auth-version,
// else `version` in [better_auth], else the better-auth the app installed (node_modules, else its lock
// file), else the newest release the catalogue knows. Plugin packages the app installed select their
// own schema when the release is the installed one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/schema/auth_options.hpp>
#include <authmigrate/schema/catalogue.hpp>

namespace authmigrate::sync {

struct ReleaseChoice {
  schema::CatalogueRelease release;
  std::string said_by;    // "--better-auth-version", "authmigrate.toml [better_auth] version", ...
  std::string installed;  // the app's better-auth ("1.6.22"); empty when none was found
  std::filesystem::path installed_file;
  std::string mismatch;  // empty, or why the choice may not describe the app (a warning; --strict refuses)
  std::string hint;
  std::string beyond_known;  // empty, or: the release is newer than every one the catalogue knows
};

// `asked`: --better-auth-version ("" when not given). Errors (kind config): a version that is not an
// exact one, a release older than every one the catalogue knows, an unreadable lock file.
Result<ReleaseChoice> choose_release(const std::string& asked, const schema::AuthOptions& options,
                                     const std::filesystem::path& directory);

}  // namespace authmigrate::sync
