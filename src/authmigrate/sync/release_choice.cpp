#include <authmigrate/sync/release_choice.hpp>

#include <fmt/format.h>

#include <authmigrate/project/installed_package.hpp>

namespace authmigrate::sync {

namespace {

struct Asked {
  std::string version;
  std::string said_by;
};

Asked asked_version(const std::string& flag, const schema::AuthOptions& options) {
  if (!flag.empty()) return {flag, "--better-auth-version"};
  if (!options.better_auth_version.empty()) return {options.better_auth_version, "[better_auth] version"};
  return {};
}

// The plugin packages the config's plugins come from, as the app installed them.
Result<void> add_installed_plugins(const schema::AuthOptions& options, const std::filesystem::path& directory,
                                   schema::CatalogueRelease& release) {
  for (const auto& plugin : options.plugins) {
    const schema::PluginSpec* spec = schema::find_plugin(plugin.name);
    if (!spec) continue;
    for (const auto& package : spec->packages) {
      if (package == "better-auth" || release.packages.count(package)) continue;
      auto found = project::find_installed(directory, package);
      if (!found) return fail(std::move(found.error()));
      if (!*found) continue;
      if (auto v = base::parse_version((*found)->version)) release.packages.emplace(package, *v);
    }
  }
  return {};
}

void check_known(ReleaseChoice& choice) {
  const auto& known = schema::known_releases();
  if (known.empty() || choice.release.better_auth <= known.back()) return;
  std::string newest = base::to_string(known.back());
  choice.beyond_known = fmt::format(
      "better-auth {} ({}) is newer than the newest release this authmigrate knows "
      "({}): the schema of {} is used; update authmigrate, or export the app's own "
      "schema with `authmigrate schema export`",
      base::to_string(choice.release.better_auth), choice.said_by, newest, newest);
}

}  // namespace

Result<ReleaseChoice> choose_release(const std::string& flag, const schema::AuthOptions& options,
                                     const std::filesystem::path& directory) {
  ReleaseChoice choice;
  auto found = project::find_installed(directory, "better-auth");
  if (!found) return fail(std::move(found.error()).within("reading the app's installed Better Auth version"));
  std::optional<base::Version> installed;
  if (*found) {
    installed = base::parse_version((*found)->version);
    if (installed) {
      choice.installed = (*found)->version;
      choice.installed_file = (*found)->source;
    }
  }
  Asked asked = asked_version(flag, options);
  if (!asked.version.empty()) {
    auto v = base::parse_version(asked.version);
    if (!v)
      return fail(Error(ErrorKind::config,
                        fmt::format("{} \"{}\" is not an exact better-auth version", asked.said_by, asked.version))
                      .with_hint("give a release as npm records it, e.g. 1.6.22"));
    choice.release.better_auth = *v;
    choice.said_by = asked.said_by;
  } else if (installed) {
    choice.release.better_auth = *installed;
    choice.said_by = choice.installed_file.string();
  } else {
    choice.release = schema::newest_release();
    choice.said_by = "the newest release authmigrate knows; the app's better-auth was not found";
  }
  const auto& known = schema::known_releases();
  if (!known.empty() && choice.release.better_auth < known.front())
    return fail(Error(ErrorKind::config, fmt::format("better-auth {} ({}) is older than every release the catalogue "
                                                     "knows ({})",
                                                     base::to_string(choice.release.better_auth), choice.said_by,
                                                     schema::known_release_span()))
                    .with_hint("export the app's own schema with `authmigrate schema export` and use --schema"));
  if (installed && *installed != choice.release.better_auth) {
    choice.mismatch = fmt::format(
        "the schema is built for better-auth {} ({}), but the app installed better-auth {} "
        "({})",
        base::to_string(choice.release.better_auth), choice.said_by, choice.installed, choice.installed_file.string());
    choice.hint = "drop the version to follow the installed one, or install the release you name";
  } else if (auto added = add_installed_plugins(options, directory, choice.release); !added) {
    return fail(added.error());
  }
  check_known(choice);
  return choice;
}

}  // namespace authmigrate::sync
