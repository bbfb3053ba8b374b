// The databases a deploy covers: --url (repeatable), --urls-file (one URL per line, # comments), or
// [[database]] entries in authmigrate.toml (name, url or url_env, direct_url or direct_url_env, dir).
// Every problem is collected.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/config/environment.hpp>

namespace authmigrate::deploy {

struct TargetSpec {
  std::string name;
  std::string url_text;         // unparsed; the caller parses it (and registers its password as a secret)
  std::string origin;           // "--url", "urls.txt:3", "authmigrate.toml [[database]] acme"
  std::filesystem::path dir;    // empty: the default folder
  std::string direct_url_text;  // [[database]] direct_url(_env): migrate through it (url is pooled)
};

Result<std::vector<TargetSpec>> read_urls_file(const std::filesystem::path& path);

// [[database]] tables of an authmigrate.toml; an empty list when there are none.
Result<std::vector<TargetSpec>> read_database_entries(const std::filesystem::path& path,
                                                      const config::Environment& env);

// `[deploy] repairs = ["account-issuer", ...]` of an authmigrate.toml: the repairs every deploy
// runs (names as `authmigrate repair` takes them); empty when the file or the key is absent.
Result<std::vector<std::string>> read_deploy_repairs(const std::filesystem::path& path);

}  // namespace authmigrate::deploy
