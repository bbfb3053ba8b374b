#include <authmigrate/platform/init_plan.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/platform/authmigrate_toml.hpp>
#include <authmigrate/platform/nixpacks_toml.hpp>
#include <authmigrate/platform/package_json.hpp>
#include <authmigrate/platform/procfile.hpp>
#include <authmigrate/platform/railway_json.hpp>

namespace authmigrate::platform {

namespace {

struct ParsedProject {
  std::optional<toml::table> nixpacks;
  std::optional<nlohmann::ordered_json> package;
  std::optional<std::vector<ProcfileEntry>> procfile;
};

template <class T, class Reader>
void check(const std::optional<std::string>& text, std::string name, Reader reader, std::optional<T>& out,
           std::vector<std::string>& problems) {
  if (!text) return;
  auto parsed = reader(*text, name);
  if (parsed)
    out = std::move(*parsed);
  else
    problems.push_back(parsed.error().message);
}

// Every file is read and checked before anything is decided, and all problems are told at once.
Result<ParsedProject> check_project(const ProjectFiles& project) {
  ParsedProject parsed;
  std::vector<std::string> problems;
  std::optional<nlohmann::ordered_json> railway;
  check(project.nixpacks_toml, project.display(k_nixpacks_toml), read_nixpacks_toml, parsed.nixpacks, problems);
  check(project.railway_json, project.display(k_railway_json), read_railway_json, railway, problems);
  check(project.procfile, project.display(k_procfile), read_procfile, parsed.procfile, problems);
  check(project.package_json, project.display(k_package_json), read_package_json, parsed.package, problems);
  if (problems.empty()) return parsed;
  std::string message;
  for (const auto& problem : problems) message += (message.empty() ? "" : "\n") + problem;
  return fail(Error(ErrorKind::config, message).with_hint("nothing was written; fix the file and run init again"));
}

// The app's own start: nixpacks.toml [start] cmd, else --start, else the Procfile's web: line,
// else package.json's start script.
AppStart resolve_start(const ProjectFiles& project, const ParsedProject& parsed, const InitOptions& options,
                       std::vector<Notice>& notices) {
  if (auto cmd = parsed.nixpacks ? nixpacks_start_command(*parsed.nixpacks) : std::nullopt) {
    if (options.start && *options.start != *cmd) {
      notices.push_back({NoticeLevel::warning,
                         fmt::format("--start ignored: {} already has [start] cmd = \"{}\", which is kept",
                                     project.display(k_nixpacks_toml), *cmd),
                         false});
    }
    return describe_start(*cmd, project.display(k_nixpacks_toml) + " [start] cmd");
  }
  if (options.start) return describe_start(*options.start, "--start");
  if (auto web = parsed.procfile ? procfile_command(*parsed.procfile, "web") : std::nullopt) {
    return describe_start(*web, project.display(k_procfile) + " web:");
  }
  if (auto script = parsed.package ? package_start_script(*parsed.package) : std::nullopt) {
    auto start = describe_start("npm run start", project.display(k_package_json) + " scripts.start");
    if (runs_authmigrate(*script)) {
      start.migrates = true;
      start.plain = describe_start(*script, "").plain;
    }
    return start;
  }
  notices.push_back({NoticeLevel::warning,
                     "no start command found (nixpacks.toml [start] cmd, Procfile web:, package.json scripts.start): "
                     "the start command is left alone; pass --start CMD to run migrations before it",
                     false});
  return {};
}

bool release_runs_authmigrate(const FileChange& procfile) {
  if (procfile.after.empty()) return false;
  auto entries = read_procfile(procfile.after, procfile.name);
  auto release = entries ? procfile_command(*entries, "release") : std::nullopt;
  return release && runs_authmigrate(*release);
}

bool lists(const nlohmann::ordered_json& package, const char* section) {
  auto it = package.find(section);
  return it != package.end() && it->is_object() && it->contains("authmigrate");
}

// With the npm package, the app must depend on it, and at run time: Heroku's Node buildpack prunes
// devDependencies before the release phase runs, so a -D install leaves the release without it.
void add_dependency_notice(const ProjectFiles& project, const ParsedProject& parsed, std::vector<Notice>& notices) {
  if (!parsed.package || lists(*parsed.package, "dependencies")) return;
  std::string name = project.display(k_package_json);
  notices.push_back({NoticeLevel::warning,
                     lists(*parsed.package, "devDependencies")
                         ? fmt::format("{} has authmigrate in devDependencies: move it to dependencies (`npm "
                                       "install authmigrate`); hosts prune devDependencies before the release runs",
                                       name)
                         : fmt::format("{} does not depend on authmigrate yet: run `npm install authmigrate` (a "
                                       "regular dependency, not -D) and commit package.json and the lock file",
                                       name),
                     false});
}

void add_project_notices(const ProjectFiles& project, const ParsedProject& parsed, const ReleaseSetup& setup,
                         std::vector<Notice>& notices) {
  if (setup.from_npm()) add_dependency_notice(project, parsed, notices);
  if (!setup.start.command.empty()) {
    notices.push_back({NoticeLevel::info,
                       setup.start.migrates
                           ? fmt::format("the start command already runs migrations: `{}` ({})", setup.start.command,
                                         setup.start.source)
                           : fmt::format("the app's start command: `{}` ({})", setup.start.command, setup.start.source),
                       false});
  }
  if (project.has_dockerfile) {
    notices.push_back({NoticeLevel::warning,
                       setup.from_npm()
                           ? std::string("a Dockerfile is here: Railway builds with it and never reads nixpacks.toml; "
                                         "keep node_modules (with authmigrate) in the image that runs the release")
                           : "a Dockerfile is here: Railway builds with it and never reads nixpacks.toml; copy the "
                             "authmigrate binary into that image to " +
                                 setup.binary + " yourself",
                       false});
  }
  if (project.has_railway_toml) {
    notices.push_back({NoticeLevel::warning,
                       "railway.toml is here too: keep one Railway config file (move its settings into railway.json, "
                       "or the pre-deploy command into it)",
                       false});
  }
}

}  // namespace

bool InitPlan::writes_anything() const {
  return std::any_of(files.begin(), files.end(), [](const FileChange& f) { return f.writes(); });
}

size_t InitPlan::count(FileStatus status) const {
  return static_cast<size_t>(
      std::count_if(files.begin(), files.end(), [status](const FileChange& f) { return f.status == status; }));
}

size_t InitPlan::conflicts() const {
  size_t n = 0;
  for (const auto& file : files) {
    n += static_cast<size_t>(
        std::count_if(file.notices.begin(), file.notices.end(), [](const Notice& notice) { return notice.conflict; }));
  }
  return n;
}

Result<InitPlan> plan_init(const ProjectFiles& project, const InitOptions& options) {
  auto parsed = check_project(project);
  if (!parsed) return fail(std::move(parsed.error()));
  InitPlan plan;
  plan.setup.binary = options.binary;
  plan.setup.hook = options.hook;
  plan.setup.force = options.force;
  plan.setup.schema_export = options.schema_export || project.has_auth_schema_json;
  plan.setup.start = resolve_start(project, *parsed, options, plan.notices);
  add_project_notices(project, *parsed, plan.setup, plan.notices);

  auto procfile = merge_procfile(project.procfile, project.display(k_procfile), plan.setup);
  if (!procfile) return fail(std::move(procfile.error()));
  auto railway = merge_railway_json(project.railway_json, project.display(k_railway_json), plan.setup);
  if (!railway) return fail(std::move(railway.error()));
  auto nixpacks = merge_nixpacks_toml(project.nixpacks_toml, project.display(k_nixpacks_toml), plan.setup,
                                      release_runs_authmigrate(*procfile));
  if (!nixpacks) return fail(std::move(nixpacks.error()));
  auto package = merge_package_json(project.package_json, project.display(k_package_json), plan.setup);
  if (!package) return fail(std::move(package.error()));
  auto starter = merge_authmigrate_toml(project.authmigrate_toml, project.display(k_authmigrate_toml));

  nixpacks->file = k_nixpacks_toml;
  railway->file = k_railway_json;
  procfile->file = k_procfile;
  package->file = k_package_json;
  starter.file = k_authmigrate_toml;
  plan.files = {std::move(*nixpacks), std::move(*railway), std::move(*procfile), std::move(*package),
                std::move(starter)};
  return plan;
}

Result<void> write_init_plan(const std::filesystem::path& dir, const InitPlan& plan) {
  for (const auto& file : plan.files) {
    if (!file.writes()) continue;
    auto path = dir / file.file;
    std::error_code link_ec;
    if (std::filesystem::is_symlink(path, link_ec)) {
      // Write through the link, as an editor would; replacing it with a file would break the link.
      auto target = std::filesystem::canonical(path, link_ec);
      if (!link_ec) path = target;
    }
    unsigned mode = 0644;  // config, no secrets
    std::error_code ec;
    if (file.before) {
      auto status = std::filesystem::status(path, ec);
      if (!ec) mode = static_cast<unsigned>(status.permissions() & std::filesystem::perms::mask);
    }
    auto written = base::write_file_atomic(path, file.after, mode);
    if (!written) return fail(std::move(written.error().within("writing " + file.name)));
  }
  return {};
}

Result<InitPlan> run_init(const std::filesystem::path& dir, const InitOptions& options, bool dry_run) {
  auto project = read_project_files(dir);
  if (!project) return fail(std::move(project.error()));
  auto plan = plan_init(*project, options);
  if (!plan) return plan;
  if (!dry_run) AM_TRY(write_init_plan(dir, *plan));
  return plan;
}

}  // namespace authmigrate::platform
