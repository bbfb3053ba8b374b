#include <authmigrate/platform/nixpacks_toml.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/platform/toml_text.hpp>

namespace authmigrate::platform {

namespace {

constexpr const char* k_new_file =
    "# How Nixpacks builds and starts this app. authmigrate migrates at release time, never in a build\n"
    "# phase: the database is not reachable while the image builds (docs/platforms.md).\n";

Error shape_error(std::string_view name, const toml::node& node, std::string_view message) {
  const auto& at = node.source().begin;
  return Error(ErrorKind::config, fmt::format("{}:{}:{}: {}", name, at.line, at.column, message));
}

std::vector<std::string> strings_of(const toml::array& array) {
  std::vector<std::string> out;
  for (const auto& item : array) {
    if (auto text = item.value<std::string>()) out.push_back(*text);
  }
  return out;
}

toml::array array_of(const std::vector<std::string>& values) {
  toml::array array;
  for (const auto& value : values) array.push_back(value);
  return array;
}

// The table at `key` in `parent`, created when absent (for the tree the edits should produce).
toml::table& subtable(toml::table& parent, std::string_view key) {
  if (!parent.get_as<toml::table>(key)) parent.insert_or_assign(key, toml::table{});
  return *parent.get_as<toml::table>(key);
}

// What the file and its expected meaning go through together: every edit of the text is matched
// by the same change to `expected`, and at the end the re-parsed text must equal it.
struct Edit {
  TomlText doc;
  toml::table expected;
  FileChange& change;
  const ReleaseSetup& setup;
};

Result<void> ensure_binary_phase(Edit& edit) {
  auto wanted = binary_phase_commands(edit.setup);
  auto& expected_phase = subtable(subtable(edit.expected, "phases"), "authmigrate");
  if (edit.doc.table().at_path("phases.authmigrate").as_table()) {
    if (const auto* cmds = edit.doc.table().at_path("phases.authmigrate.cmds").as_array()) {
      auto now = strings_of(*cmds);
      std::vector<std::string> missing;
      for (const auto& cmd : wanted) {
        if (std::find(now.begin(), now.end(), cmd) == now.end()) missing.push_back(cmd);
      }
      if (missing.empty()) return {};
      now.insert(now.end(), missing.begin(), missing.end());
      AM_TRY(edit.doc.replace_value("phases.authmigrate.cmds", toml_string_array(now)));
      expected_phase.insert_or_assign("cmds", array_of(now));
      for (const auto& cmd : missing) edit.change.changes.push_back(fmt::format("[phases.authmigrate] runs `{}`", cmd));
      return {};
    }
    auto inserted = edit.doc.insert_below_header("phases.authmigrate", "cmds = " + toml_string_array(wanted) + "\n");
    if (!inserted) return fail(std::move(inserted.error()));
    if (!*inserted) {
      edit.change.conflict(
          fmt::format("{}: phases.authmigrate is not a [phases.authmigrate] table; add cmds = {} "
                      "to it by hand",
                      edit.change.name, toml_string_array(wanted)));
      return {};
    }
    expected_phase.insert_or_assign("cmds", array_of(wanted));
    edit.change.changes.push_back("added cmds to [phases.authmigrate]");
    return {};
  }
  std::string where =
      edit.setup.from_npm()
          ? "# authmigrate comes from node_modules (`npm install authmigrate`: a regular dependency, not -D,\n"
            "# since hosts prune devDependencies before the release).\n# "
          : "# The authmigrate binary must be in the image at " + edit.setup.binary + " (docs/platforms.md).\n# ";
  std::string block =
      where + "This step checks, at build time, that it runs here" +
      (edit.setup.schema_export ? std::string(", and exports\n# the Better Auth schema to auth-schema.json (needs "
                                              "node_modules, not the database).\n")
                                : std::string("; it never\n# connects to the database.\n")) +
      "[phases.authmigrate]\ndependsOn = [\"install\"]\ncmds = " + toml_string_array(wanted) + "\n";
  AM_TRY(edit.doc.insert_block(block, "start"));
  expected_phase.insert_or_assign("dependsOn", array_of({"install"}));
  expected_phase.insert_or_assign("cmds", array_of(wanted));
  edit.change.changes.push_back(edit.setup.schema_export
                                    ? "added [phases.authmigrate]: checks the binary, exports the schema at build time"
                                    : "added [phases.authmigrate]: checks the binary at build time");
  return {};
}

Result<void> empty_release_phase(Edit& edit) {
  if (const auto* release = edit.doc.table().at_path("phases.release").as_table()) {
    const auto* cmds = release->get_as<toml::array>("cmds");
    for (const auto& cmd : cmds ? strings_of(*cmds) : std::vector<std::string>()) {
      if (runs_authmigrate(cmd)) {
        edit.change.warn(
            fmt::format("{}: [phases.release] runs `{}` while the image builds; remove it", edit.change.name, cmd));
      }
    }
    return {};
  }
  AM_TRY(edit.doc.insert_block(
      "# The Procfile's release: line is Heroku's release phase; Nixpacks would run it while building the\n"
      "# image, where the database is not reachable. Here migrations run at release time instead.\n"
      "[phases.release]\ncmds = []\n",
      "start"));
  subtable(subtable(edit.expected, "phases"), "release").insert_or_assign("cmds", toml::array{});
  edit.change.changes.push_back(
      "added an empty [phases.release] (Nixpacks would run the Procfile's release: while building)");
  return {};
}

Result<void> ensure_start(Edit& edit) {
  const auto& start = edit.setup.start;
  if (start.command.empty()) return {};
  if (auto current = edit.doc.table().at_path("start.cmd").value<std::string>()) {
    if (runs_authmigrate(*current)) return {};
    auto command = edit.setup.migrating(*current);
    AM_TRY(edit.doc.replace_value("start.cmd", toml_string(command)));
    subtable(edit.expected, "start").insert_or_assign("cmd", command);
    edit.change.changes.push_back(fmt::format("[start] cmd runs `{}` first", edit.setup.deploy_command()));
    return {};
  }
  auto command = start.migrates ? start.command : edit.setup.migrating(start.command);
  std::string comment = edit.setup.hook == ReleaseHook::start
                            ? "# Migrations run before the app at every start (--release-hook start).\n"
                            : "# Migrations run before the app at every start on hosts without a pre-deploy hook.\n"
                              "# Railway runs them in railway.json's preDeployCommand and starts with its\n"
                              "# startCommand instead.\n";
  std::string line = "cmd = " + toml_string(command) + "\n";
  if (edit.doc.table().contains("start")) {
    auto inserted = edit.doc.insert_below_header("start", line);
    if (!inserted) return fail(std::move(inserted.error()));
    if (!*inserted) {
      edit.change.conflict(fmt::format("{}: `start` is not a [start] table; add cmd = {} to it by hand",
                                       edit.change.name, toml_string(command)));
      return {};
    }
  } else {
    AM_TRY(edit.doc.insert_block(comment + "[start]\n" + line, ""));
  }
  subtable(edit.expected, "start").insert_or_assign("cmd", command);
  edit.change.changes.push_back(fmt::format("added [start] cmd = {}", toml_string(command)));
  return {};
}

// The shell recipe's [phases.migrate]: migrations in a build phase. Named, never removed.
void warn_build_time_migrations(const toml::table& nixpacks, FileChange& change) {
  const auto* phases = nixpacks.get_as<toml::table>("phases");
  if (!phases) return;
  for (const auto& [name, phase] : *phases) {
    if (name == "authmigrate" || !phase.is_table()) continue;
    const auto* cmds = phase.as_table()->get_as<toml::array>("cmds");
    for (const auto& cmd : cmds ? strings_of(*cmds) : std::vector<std::string>()) {
      if (cmd.find("migrat") != std::string::npos || cmd.find("psql") != std::string::npos ||
          cmd.find("pg_isready") != std::string::npos) {
        auto shown = cmd.size() > 60 ? cmd.substr(0, 57) + "..." : cmd;
        change.warn(
            fmt::format("{}: [phases.{}] runs `{}` while the image builds, where the database is not "
                        "reachable; remove that phase: migrations now run at release time",
                        change.name, name.str(), shown));
        break;
      }
    }
  }
}

}  // namespace

std::vector<std::string> binary_phase_commands(const ReleaseSetup& setup) {
  std::vector<std::string> commands = {setup.binary + " --version"};
  if (setup.schema_export) commands.push_back(setup.binary + " schema export");
  return commands;
}

Result<toml::table> read_nixpacks_toml(std::string_view text, std::string_view display_name) {
  auto table = parse_toml(text, display_name);
  if (!table) return table;
  if (const auto* start = table->get("start")) {
    if (!start->is_table()) return fail(shape_error(display_name, *start, "`start` must be a table"));
    if (const auto* cmd = start->as_table()->get("cmd"); cmd && !cmd->is_string()) {
      return fail(shape_error(display_name, *cmd, "`start.cmd` must be a string"));
    }
  }
  if (const auto* phases = table->get("phases"); phases && !phases->is_table()) {
    return fail(shape_error(display_name, *phases, "`phases` must be a table"));
  }
  if (const auto* cmds = table->at_path("phases.authmigrate.cmds").node()) {
    bool ok = cmds->is_array() && cmds->as_array()->is_homogeneous(toml::node_type::string);
    if (!ok && !(cmds->is_array() && cmds->as_array()->empty())) {
      return fail(shape_error(display_name, *cmds, "`phases.authmigrate.cmds` must be an array of strings"));
    }
  }
  return table;
}

std::optional<std::string> nixpacks_start_command(const toml::table& nixpacks) {
  return nixpacks.at_path("start.cmd").value<std::string>();
}

Result<FileChange> merge_nixpacks_toml(const std::optional<std::string>& existing, std::string display_name,
                                       const ReleaseSetup& setup, bool empty_procfile_release) {
  FileChange change;
  change.name = std::move(display_name);
  change.before = existing;
  if (existing) AM_TRY(read_nixpacks_toml(*existing, change.name));
  auto doc = TomlText::parse(existing.value_or(k_new_file), change.name);
  if (!doc) return fail(std::move(doc.error()));
  Edit edit{std::move(*doc), {}, change, setup};
  edit.expected = edit.doc.table();
  AM_TRY(ensure_binary_phase(edit));
  if (empty_procfile_release) AM_TRY(empty_release_phase(edit));
  AM_TRY(ensure_start(edit));
  warn_build_time_migrations(edit.doc.table(), change);
  if (!(edit.doc.table() == edit.expected)) {
    return fail(
        Error(ErrorKind::internal, fmt::format("{}: the edited file does not mean what was intended", change.name))
            .with_hint("nothing was written; please report this with the file"));
  }
  change.after = edit.doc.text();
  change.settle();
  return change;
}

}  // namespace authmigrate::platform
