#include <authmigrate/sync/app_version.hpp>

#include <fmt/format.h>

#include <authmigrate/base/version.hpp>
#include <authmigrate/project/installed_package.hpp>

namespace authmigrate::sync {

namespace {

AppVersion from_catalogue(const ReleaseChoice& choice) {
  AppVersion out{
      choice.installed, choice.installed_file, base::to_string(choice.release.better_auth), choice.said_by, {},
      choice.hint};
  if (!choice.mismatch.empty()) out.mismatches.push_back(choice.mismatch);
  if (!choice.beyond_known.empty()) out.mismatches.push_back(choice.beyond_known);
  return out;
}

Result<AppVersion> from_export(const LoadedSchema& loaded, const std::filesystem::path& directory) {
  AppVersion out;
  out.release = loaded.schema.better_auth_version;
  out.said_by = loaded.asked_version.empty() ? loaded.source : "--better-auth-version";
  if (!loaded.asked_version.empty()) {
    out.mismatches.push_back(
        fmt::format("{} was not exported from better-auth {} (--better-auth-version): its "
                    "tables are those of the release it was exported from, with {}'s DDL rules",
                    loaded.source, loaded.asked_version, loaded.asked_version));
    out.hint = "export it again with `authmigrate schema export` after installing that release";
  }
  auto found = project::find_installed(directory, "better-auth");
  if (!found) return fail(std::move(found.error()).within("reading the app's installed Better Auth version"));
  if (!*found || !base::parse_version((*found)->version)) return out;
  out.installed = (*found)->version;
  out.file = (*found)->source;
  auto exported = base::parse_version(loaded.schema.better_auth_version);
  if (loaded.asked_version.empty() && !(exported && *exported == *base::parse_version(out.installed))) {
    out.mismatches.push_back(
        fmt::format("{} was exported from better-auth {}, but the app installed better-auth {} ({})", loaded.source,
                    loaded.schema.better_auth_version, out.installed, out.file.string()));
    out.hint = "export it again with `authmigrate schema export` after installing, and commit it";
  }
  return out;
}

}  // namespace

Result<AppVersion> check_app_version(const LoadedSchema& loaded, const std::filesystem::path& directory) {
  if (loaded.release) return from_catalogue(*loaded.release);
  return from_export(loaded, directory);
}

}  // namespace authmigrate::sync
