#include <authmigrate/sync/app_version.hpp>

#include <fmt/format.h>

#include <authmigrate/project/installed_package.hpp>
#include <authmigrate/project/version.hpp>
#include <authmigrate/schema/catalogue.hpp>

namespace authmigrate::sync {

namespace {

void against_catalogue(const project::Version& installed, AppVersion& out) {
  auto lowest = project::parse_version(kCatalogueLowestVersion);
  auto highest = project::parse_version(schema::kCatalogueBetterAuthVersion);
  if (!lowest || !highest || project::VersionRange{*lowest, *highest}.contains(installed)) return;
  out.mismatch = fmt::format("the app installed better-auth {} ({}), but the [better_auth] catalogue describes "
                             "better-auth {} to {}",
                             out.installed, out.file.string(), kCatalogueLowestVersion,
                             schema::kCatalogueBetterAuthVersion);
  out.hint = "export the app's own schema with `authmigrate schema export` (it reads the installed Better Auth) "
             "and use --schema auth-schema.json, or pin better-auth to a release the catalogue describes";
}

void against_export(const project::Version& installed, const LoadedSchema& loaded, AppVersion& out) {
  auto exported = project::parse_version(loaded.schema.better_auth_version);
  if (exported && *exported == installed) return;
  out.mismatch = fmt::format("{} was exported from better-auth {}, but the app installed better-auth {} ({})",
                             loaded.source, loaded.schema.better_auth_version, out.installed, out.file.string());
  out.hint = "export it again with `authmigrate schema export` after installing, and commit it";
}

}  // namespace

Result<std::optional<AppVersion>> check_app_version(const LoadedSchema& loaded,
                                                    const std::filesystem::path& directory) {
  auto found = project::find_installed(directory, "better-auth");
  if (!found) return fail(std::move(found.error()).within("reading the app's installed Better Auth version"));
  if (!*found) return std::optional<AppVersion>{};
  auto installed = project::parse_version((*found)->version);
  if (!installed) return std::optional<AppVersion>{};
  AppVersion out{(*found)->version, (*found)->source, {}, {}};
  if (loaded.from_catalogue) {
    against_catalogue(*installed, out);
  } else {
    against_export(*installed, loaded, out);
  }
  return std::optional<AppVersion>{std::move(out)};
}

}  // namespace authmigrate::sync
