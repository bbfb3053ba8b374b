#include <authmigrate/platform/authmigrate_toml.hpp>

namespace authmigrate::platform {

std::string authmigrate_toml_starter() {
  return R"(# authmigrate.toml: how `authmigrate deploy` keeps this app's database correct at every deploy.
# Written by `authmigrate init`; edit freely, it is never rewritten. Command-line flags win over
# this file. Docs: README.md and docs/platforms.md.

# The database to migrate. Its URL is read from an environment variable at deploy time: keep the
# URL (and its password) in the platform's variables, never in this file. One [[database]] per
# database (tenants, regions); `authmigrate deploy --jobs N` migrates several at once.
[[database]]
name = "main"
url_env = "DATABASE_URL"
# SQL migration files, applied once each in version order. This is the default; a folder named
# here must exist.
# dir = "better-auth_migrations"

# A backup before migrating, restored if the deploy fails (files 0600 in a 0700 folder):
#   authmigrate deploy --backup --backup-dir .authmigrate/backups --keep 5

# The Better Auth schema without Node: the plugins and options of your betterAuth({...}).
# Or export it from the app at build time with `authmigrate schema export` (auth-schema.json).
# Every option is in docs/schema-config.md.
# [better_auth]
# plugins = ["twoFactor", "organization"]
)";
}

FileChange merge_authmigrate_toml(const std::optional<std::string>& existing, std::string display_name) {
  FileChange change;
  change.name = std::move(display_name);
  change.before = existing;
  if (existing) {
    change.after = *existing;
    change.reason = "it is yours; never rewritten";
  } else {
    change.after = authmigrate_toml_starter();
    change.changes.push_back("a commented starter");
  }
  change.settle();
  return change;
}

}  // namespace authmigrate::platform
