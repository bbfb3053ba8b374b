#include <authmigrate/platform/railway_json.hpp>

#include <fmt/format.h>

#include <authmigrate/platform/json_text.hpp>

namespace authmigrate::platform {

namespace {

using Json = nlohmann::ordered_json;

bool command_runs_authmigrate(const Json& command) {
  if (command.is_string()) return runs_authmigrate(command.get<std::string>());
  if (command.is_array()) {
    for (const auto& part : command) {
      if (part.is_string() && runs_authmigrate(part.get<std::string>())) return true;
    }
  }
  return false;
}

std::string shown(const Json& command) { return command.is_string() ? command.get<std::string>() : command.dump(); }

// deploy.preDeployCommand: runs authmigrate already, or is added, or is the user's (a conflict).
bool ensure_pre_deploy(Json& deploy, FileChange& change, const ReleaseSetup& setup) {
  const Json wanted = Json::array({setup.deploy_command()});
  if (auto pre = deploy.find("preDeployCommand"); pre != deploy.end() && !pre->is_null()) {
    if (command_runs_authmigrate(*pre)) return true;
    if (!setup.force) {
      change.conflict(
          fmt::format("{}: deploy.preDeployCommand already runs `{}`; left as it is (--force replaces "
                      "it with `{}`)",
                      change.name, shown(*pre), setup.deploy_command()));
      change.reason = "kept your deploy.preDeployCommand";
      return false;
    }
    change.changes.push_back(fmt::format("replaced deploy.preDeployCommand `{}` (--force)", shown(*pre)));
    *pre = wanted;
    return true;
  }
  if (auto start = deploy.find("startCommand");
      start != deploy.end() && start->is_string() && runs_authmigrate(start->get<std::string>())) {
    change.warn(
        fmt::format("{}: deploy.startCommand already runs authmigrate; no deploy.preDeployCommand added "
                    "(migrations would run twice)",
                    change.name));
    return false;
  }
  deploy["preDeployCommand"] = wanted;
  change.changes.push_back(fmt::format("added deploy.preDeployCommand [\"{}\"]", setup.deploy_command()));
  return true;
}

void merge_pre_deploy(Json& railway, FileChange& change, const ReleaseSetup& setup) {
  auto& deploy = railway["deploy"];
  if (!ensure_pre_deploy(deploy, change, setup)) return;
  // The nixpacks.toml start command migrates (for hosts without a pre-deploy hook); on Railway
  // the start must be the app's own, or every container start would migrate again.
  if (setup.start.command.empty() || deploy.contains("startCommand")) return;
  if (setup.start.plain) {
    deploy["startCommand"] = *setup.start.plain;
    change.changes.push_back(
        fmt::format("added deploy.startCommand \"{}\" (the app's start: on Railway the "
                    "pre-deploy command migrates)",
                    *setup.start.plain));
  } else {
    change.warn(
        fmt::format("{}: the start command `{}` runs authmigrate, and so will the pre-deploy command; set "
                    "deploy.startCommand to the app's start without it",
                    change.name, setup.start.command));
  }
}

void merge_start_hook(Json& railway, FileChange& change, const ReleaseSetup& setup) {
  auto deploy = railway.find("deploy");
  if (deploy != railway.end()) {
    if (auto pre = deploy->find("preDeployCommand"); pre != deploy->end() && command_runs_authmigrate(*pre)) {
      change.warn(
          fmt::format("{}: deploy.preDeployCommand runs authmigrate too; with --release-hook start, remove "
                      "it (the pre-deploy container does not see volumes)",
                      change.name));
    }
    if (auto start = deploy->find("startCommand"); start != deploy->end() && start->is_string()) {
      auto command = start->get<std::string>();
      if (runs_authmigrate(command)) return;
      *start = setup.migrating(command);
      change.changes.push_back("deploy.startCommand runs migrations first");
      return;
    }
  }
  if (setup.start.command.empty()) {
    change.note(fmt::format("{}: no start command known, so no deploy.startCommand", change.name));
    return;
  }
  auto command = setup.start.migrates ? setup.start.command : setup.migrating(setup.start.command);
  railway["deploy"]["startCommand"] = command;
  change.changes.push_back(fmt::format("added deploy.startCommand \"{}\"", command));
}

Result<void> check_object(const Json& railway, std::string_view text, std::string_view name, const char* key) {
  auto part = railway.find(key);
  if (part != railway.end() && !part->is_object()) {
    return fail(
        json_shape_error(text, name, key, fmt::format("`{}` must be an object, not {}", key, part->type_name())));
  }
  return {};
}

}  // namespace

Result<nlohmann::ordered_json> read_railway_json(std::string_view text, std::string_view display_name) {
  auto railway = parse_json_object(text, display_name);
  if (!railway) return railway;
  AM_TRY(check_object(*railway, text, display_name, "build"));
  AM_TRY(check_object(*railway, text, display_name, "deploy"));
  if (auto deploy = railway->find("deploy"); deploy != railway->end()) {
    if (auto pre = deploy->find("preDeployCommand"); pre != deploy->end()) {
      bool ok = pre->is_null() || pre->is_string() || pre->is_array();
      for (const auto& part : pre->is_array() ? *pre : Json::array()) ok = ok && part.is_string();
      if (!ok) {
        return fail(json_shape_error(text, display_name, "preDeployCommand",
                                     "`deploy.preDeployCommand` must be a string or an array of strings"));
      }
    }
    if (auto start = deploy->find("startCommand"); start != deploy->end() && !start->is_null() && !start->is_string()) {
      return fail(json_shape_error(text, display_name, "startCommand", "`deploy.startCommand` must be a string"));
    }
  }
  return railway;
}

Result<FileChange> merge_railway_json(const std::optional<std::string>& existing, std::string display_name,
                                      const ReleaseSetup& setup) {
  FileChange change;
  change.name = std::move(display_name);
  change.before = existing;
  Json railway = Json::object();
  if (existing) {
    auto parsed = read_railway_json(*existing, change.name);
    if (!parsed) return fail(std::move(parsed.error()));
    railway = std::move(*parsed);
  } else {
    railway["$schema"] = k_railway_schema;
  }
  if (setup.hook == ReleaseHook::pre_deploy) {
    merge_pre_deploy(railway, change, setup);
  } else {
    merge_start_hook(railway, change, setup);
  }
  if (change.changes.empty()) {
    change.after = existing.value_or("");
    if (!existing) {
      change.status = FileStatus::skipped;
      change.reason = "nothing to set";
    }
  } else {
    change.after = dump_json_like(railway, existing.value_or(""));
  }
  change.settle();
  return change;
}

}  // namespace authmigrate::platform
