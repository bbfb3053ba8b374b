#include <authmigrate/deploy/target_list.hpp>

#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include <authmigrate/migrations/migration_file.hpp>

namespace authmigrate::deploy {

namespace {

using SharedFiles = std::shared_ptr<const std::vector<migrations::MigrationFile>>;

// Each migrations folder read once, however many databases use it; a folder's problem reported once.
class Folders {
 public:
  std::optional<SharedFiles> read(const std::filesystem::path& dir, bool required, std::vector<std::string>& problems) {
    if (auto known = m_read.find(dir); known != m_read.end()) return known->second;
    if (m_broken.contains(dir)) return std::nullopt;
    auto files = migrations::read_migration_directory(dir, required);
    if (!files) {
      problems.push_back(files.error().message);
      m_broken.insert(dir);
      return std::nullopt;
    }
    auto shared = std::make_shared<const std::vector<migrations::MigrationFile>>(std::move(*files));
    m_read.emplace(dir, shared);
    return shared;
  }

 private:
  std::map<std::filesystem::path, SharedFiles> m_read;
  std::set<std::filesystem::path> m_broken;
};

}  // namespace

std::vector<TargetSpec> target_specs(const TargetSources& sources, const config::Environment& env,
                                     std::vector<std::string>& problems) {
  std::vector<TargetSpec> specs;
  for (const auto& url : sources.urls) specs.push_back({"", url, "--url", {}, {}});
  if (!sources.urls_file.empty()) {
    auto listed = read_urls_file(sources.urls_file);
    if (!listed)
      problems.push_back(listed.error().describe());
    else
      specs.insert(specs.end(), listed->begin(), listed->end());
  }
  if (specs.empty()) {
    auto entries = read_database_entries(sources.config_path, env);
    if (!entries)
      problems.push_back(entries.error().describe());
    else
      specs = std::move(*entries);
  }
  if (specs.empty()) {
    auto url = env.get("DATABASE_URL");
    if (!url || url->empty())
      problems.push_back("no database: pass --url, --urls-file, [[database]] in authmigrate.toml, or set DATABASE_URL");
    else
      specs.push_back({"", *url, "DATABASE_URL", {}, {}});
  }
  return specs;
}

std::vector<DeployTarget> resolve_targets(const std::vector<TargetSpec>& specs,
                                          const std::filesystem::path& default_dir, bool dir_given,
                                          std::vector<std::string>& problems) {
  std::vector<DeployTarget> targets;
  Folders folders;
  for (const auto& spec : specs) {
    auto url = config::parse_database_url(spec.url_text);
    if (!url) {
      problems.push_back(fmt::format("{}: {}", spec.origin, url.error().message));
      continue;
    }
    auto files = folders.read(spec.dir.empty() ? default_dir : spec.dir, dir_given || !spec.dir.empty(), problems);
    if (!files) continue;
    std::string name = spec.name.empty() ? (specs.size() == 1 ? url->database : url->redacted()) : spec.name;
    targets.push_back(DeployTarget{name, std::move(*url), *files});
  }
  return targets;
}

}  // namespace authmigrate::deploy
