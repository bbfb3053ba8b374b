#include <authmigrate/schema/catalogue_store.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>

#include <authmigrate/schema/catalogue_data.hpp>

namespace authmigrate::schema::catalogue_store {

namespace {

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

base::Version version_of(const Json& text) {
  return text.is_string() ? base::parse_version(text.get<std::string>()).value_or(base::Version{}) : base::Version{};
}

}  // namespace

const Json& document(std::string_view name) {
  // Nodes of a std::map never move: a reference handed out stays valid while others are added.
  static std::map<std::string, Json, std::less<>> parsed;
  std::lock_guard lock(cache_mutex());
  if (auto it = parsed.find(name); it != parsed.end()) return it->second;
  Json value;
  for (const auto& doc : catalogue_documents()) {
    if (doc.name == name) value = Json::parse(doc.text);  // the build embedded it: it parses
  }
  return parsed.emplace(std::string(name), std::move(value)).first->second;
}

const std::vector<base::Version>& releases(std::string_view package) {
  static std::map<std::string, std::vector<base::Version>, std::less<>> by_package;
  static std::once_flag once;
  std::call_once(once, [] {
    for (const auto& [pkg, list] : document("releases").items()) {
      auto& versions = by_package[pkg];
      for (const auto& v : list) versions.push_back(version_of(v));
      std::sort(versions.begin(), versions.end());
    }
  });
  static const std::vector<base::Version> none;
  auto it = by_package.find(package);
  return it == by_package.end() ? none : it->second;
}

const Json* select_range(const Json& ranges, std::string_view package, const base::Version& version) {
  const auto& harvested = releases(package);
  auto after = std::upper_bound(harvested.begin(), harvested.end(), version);
  if (after == harvested.begin() || !ranges.is_array()) return nullptr;
  const base::Version& in_force = *std::prev(after);
  for (const auto& range : ranges) {
    if (version_of(range["from"]) <= in_force && in_force <= version_of(range["to"])) return &range;
  }
  return nullptr;
}

}  // namespace authmigrate::schema::catalogue_store
