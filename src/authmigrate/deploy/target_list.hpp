// Which databases a deploy covers, and the folder of each, decided before any is reached. The first
// source that names any wins: --url (repeatable), --urls-file, the [[database]] entries of
// authmigrate.toml, DATABASE_URL. Problems are collected, never stopped at, so that a preflight lists
// them all at once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <authmigrate/config/environment.hpp>
#include <authmigrate/deploy/pipeline.hpp>
#include <authmigrate/deploy/targets.hpp>

namespace authmigrate::deploy {

struct TargetSources {
  std::vector<std::string> urls;      // --url
  std::filesystem::path urls_file;    // --urls-file; empty: none
  std::filesystem::path config_path;  // authmigrate.toml
};

// The databases as written (unparsed URLs); `problems` gets what is wrong with the sources.
std::vector<TargetSpec> target_specs(const TargetSources& sources, const config::Environment& env,
                                     std::vector<std::string>& problems);

// Each spec with its URL parsed and its folder read (each folder once, however many databases use it;
// `default_dir` for a spec that names none, required when `dir_given`). A spec whose URL or folder is
// wrong adds a problem and no target. A target without a name is named by its database (one) or its
// redacted URL (several).
std::vector<DeployTarget> resolve_targets(const std::vector<TargetSpec>& specs,
                                          const std::filesystem::path& default_dir, bool dir_given,
                                          std::vector<std::string>& problems);

}  // namespace authmigrate::deploy
