#include <authmigrate/schema/catalogue_store.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <authmigrate/schema/catalogue_data.hpp>
#include <authmigrate/schema/json_spans.hpp>

namespace authmigrate::schema::catalogue_store {

namespace {

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

base::Version version_of(const Json& text) {
  return text.is_string() ? base::parse_version(text.get<std::string>()).value_or(base::Version{}) : base::Version{};
}

base::Version version_of(std::string_view text) {
  auto plain = json_spans::plain_string(text);
  return plain ? base::parse_version(*plain).value_or(base::Version{}) : base::Version{};
}

std::string_view embedded_text(std::string_view name) {
  for (const auto& doc : catalogue_documents()) {
    if (doc.name == name) return doc.text;
  }
  return {};
}

// The parsed texts by key, kept to the end of the process and never destroyed: tearing the trees down
// at exit cost a no-op a fifth of its instructions. Nodes of a std::map never move, so a reference
// handed out stays valid while others are added.
const Json& parsed(const std::string& key, std::string_view text) {
  static auto& cache = *new std::map<std::string, Json, std::less<>>;
  std::lock_guard lock(cache_mutex());
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  Json value = text.empty() ? Json() : Json::parse(text);  // the build embedded it: it parses
  return cache.emplace(key, std::move(value)).first->second;
}

// The release of `package` in force for `version`: the newest harvested one not after it.
std::optional<base::Version> in_force(std::string_view package, const base::Version& version) {
  const auto& harvested = releases(package);
  auto after = std::upper_bound(harvested.begin(), harvested.end(), version);
  if (after == harvested.begin()) return std::nullopt;
  return *std::prev(after);
}

// The text at `path` in document `name`, and the cache key that names it ("index/plugins/username").
std::string_view text_at(std::string_view name, std::initializer_list<std::string_view> path, std::string& key) {
  std::string_view text = embedded_text(name);
  key = name;
  for (std::string_view step : path) {
    text = json_spans::member(text, step);
    key += fmt::format("/{}", step);
  }
  return text;
}

// Whether the range `range` (its text: {"from": ..., "to": ..., ...}) spans `release`.
bool holds(std::string_view range, const base::Version& release) {
  return version_of(json_spans::member(range, "from")) <= release &&
         release <= version_of(json_spans::member(range, "to"));
}

// The texts of the top-level `ranges` of document `name`, split once.
const std::vector<std::string_view>& range_texts(std::string_view name) {
  static auto& split = *new std::map<std::string, std::vector<std::string_view>, std::less<>>;
  std::lock_guard lock(cache_mutex());
  if (auto it = split.find(name); it != split.end()) return it->second;
  auto texts = json_spans::elements(json_spans::member(embedded_text(name), "ranges"));
  return split.emplace(std::string(name), std::move(texts)).first->second;
}

}  // namespace

const Json& document(std::string_view name) { return parsed(std::string(name), embedded_text(name)); }

const Json& member_of(std::string_view name, std::initializer_list<std::string_view> path) {
  std::string key;
  std::string_view text = text_at(name, path, key);
  return parsed(key, text);
}

std::vector<std::string_view> member_names(std::string_view name, std::initializer_list<std::string_view> path) {
  std::string key;
  return json_spans::member_names(text_at(name, path, key));
}

const std::vector<base::Version>& releases(std::string_view package) {
  static auto& by_package = *new std::map<std::string, std::vector<base::Version>, std::less<>>;
  std::lock_guard lock(cache_mutex());
  if (auto it = by_package.find(package); it != by_package.end()) return it->second;
  std::vector<base::Version> versions;
  for (std::string_view v : json_spans::elements(json_spans::member(embedded_text("releases"), package)))
    versions.push_back(version_of(v));
  std::sort(versions.begin(), versions.end());
  return by_package.emplace(std::string(package), std::move(versions)).first->second;
}

const Json* select_range(const Json& ranges, std::string_view package, const base::Version& version) {
  auto release = in_force(package, version);
  if (!release || !ranges.is_array()) return nullptr;
  for (const auto& range : ranges) {
    if (version_of(range["from"]) <= *release && *release <= version_of(range["to"])) return &range;
  }
  return nullptr;
}

const Json* select_range_of(std::string_view name, std::string_view package, const base::Version& version) {
  auto release = in_force(package, version);
  if (!release) return nullptr;
  const auto& ranges = range_texts(name);
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (holds(ranges[i], *release)) return &parsed(fmt::format("{}#range{}", name, i), ranges[i]);
  }
  return nullptr;
}

}  // namespace authmigrate::schema::catalogue_store
