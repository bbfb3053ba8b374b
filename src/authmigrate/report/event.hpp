// What the core tells the outside world: one event per step, rendered by a Reporter as text or JSON.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace authmigrate::report {

enum class Level { info, warning, error };

struct Event {
  Level level = Level::info;
  std::string name;     // stable, machine-readable: "migration.applied", "lock.waiting", ...
  std::string message;  // a sentence for people: "applied 0001_users.sql"
  std::optional<double> duration_ms;
  nlohmann::json fields = nlohmann::json::object();  // extra data for JSON lines
};

inline Event info(std::string name, std::string message) {
  return Event{Level::info, std::move(name), std::move(message), std::nullopt, nlohmann::json::object()};
}
inline Event warning(std::string name, std::string message) {
  return Event{Level::warning, std::move(name), std::move(message), std::nullopt, nlohmann::json::object()};
}

}  // namespace authmigrate::report
