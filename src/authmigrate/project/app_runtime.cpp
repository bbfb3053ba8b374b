#include <authmigrate/project/app_runtime.hpp>

#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <authmigrate/base/files.hpp>
#include <authmigrate/project/directories.hpp>

namespace authmigrate::project {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<std::string_view, JsRuntime>, 9> k_markers{{
    {"bun.lock", JsRuntime::bun},
    {"bun.lockb", JsRuntime::bun},
    {"deno.json", JsRuntime::deno},
    {"deno.jsonc", JsRuntime::deno},
    {"deno.lock", JsRuntime::deno},
    {"package-lock.json", JsRuntime::node},
    {"npm-shrinkwrap.json", JsRuntime::node},
    {"pnpm-lock.yaml", JsRuntime::node},
    {"yarn.lock", JsRuntime::node},
}};

// package.json's "packageManager": "bun@1.2.3" (corepack's field), when the file says so.
bool declares_bun(const fs::path& dir) {
  auto text = base::read_file(dir / "package.json");
  if (!text) return false;
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) return false;
  auto manager = json.find("packageManager");
  return manager != json.end() && manager->is_string() && manager->get<std::string>().starts_with("bun@");
}

std::optional<RuntimeEvidence> marker_in(const fs::path& dir) {
  for (const auto& [file, runtime] : k_markers) {
    if (is_file(dir / file)) return RuntimeEvidence{runtime, fmt::format("{} in {}", file, dir.string())};
  }
  if (declares_bun(dir))
    return RuntimeEvidence{JsRuntime::bun,
                           fmt::format("\"packageManager\": \"bun@...\" in {}", (dir / "package.json").string())};
  return std::nullopt;
}

#ifdef _WIN32
constexpr char k_path_separator = ';';
constexpr std::string_view k_program_suffix = ".exe";  // CreateProcessW runs .exe files, not .cmd shims
#else
constexpr char k_path_separator = ':';
constexpr std::string_view k_program_suffix = "";
#endif

bool is_executable_file(const fs::path& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status)) return false;
#ifdef _WIN32
  return true;  // no execute bit: the .exe name says it
#else
  return (status.permissions() & fs::perms::owner_exec) != fs::perms::none;
#endif
}

std::optional<fs::path> in_path(std::string_view name, std::string_view path_variable) {
  std::string file = std::string(name) + std::string(k_program_suffix);
  size_t start = 0;
  while (start <= path_variable.size()) {
    size_t end = path_variable.find(k_path_separator, start);
    if (end == std::string_view::npos) end = path_variable.size();
    fs::path dir(std::string(path_variable.substr(start, end - start)));
    if (dir.empty()) dir = ".";
    if (is_executable_file(dir / file)) return dir / file;
    start = end + 1;
  }
  return std::nullopt;
}

std::string install_hint(JsRuntime runtime) {
  switch (runtime) {
    case JsRuntime::bun:
      return "install Bun (https://bun.sh, or from npm: npm install -D bun) so that `bun` is on PATH, or pass "
             "--runtime node to load the config with Node";
    case JsRuntime::deno:
      return "install Deno (https://deno.com, or from npm: npm install -D deno) so that `deno` is on PATH, or pass "
             "--runtime node to load the config with Node";
    case JsRuntime::node:
      break;
  }
  return "install Node.js (>= 20) or put it on PATH. Node is needed only for the export, at build time; "
         "migrate and deploy never need it";
}

}  // namespace

std::string_view runtime_name(JsRuntime runtime) {
  switch (runtime) {
    case JsRuntime::bun:
      return "bun";
    case JsRuntime::deno:
      return "deno";
    case JsRuntime::node:
      break;
  }
  return "node";
}

std::optional<JsRuntime> parse_runtime(std::string_view name) {
  for (auto runtime : {JsRuntime::node, JsRuntime::bun, JsRuntime::deno}) {
    if (runtime_name(runtime) == name) return runtime;
  }
  return std::nullopt;
}

std::optional<fs::path> find_deno_config(const fs::path& directory) {
  auto dirs = directories_up(directory);
  if (!dirs) return std::nullopt;
  for (const auto& dir : *dirs) {
    for (std::string_view name : {"deno.json", "deno.jsonc"}) {
      if (is_file(dir / name)) return dir / name;
    }
  }
  return std::nullopt;
}

RuntimeEvidence detect_runtime(const fs::path& directory, std::string_view user_agent) {
  if (auto dirs = directories_up(directory)) {
    for (const auto& dir : *dirs) {
      if (auto evidence = marker_in(dir)) return *evidence;
    }
  }
  if (user_agent.starts_with("bun/"))
    return {JsRuntime::bun, "started by Bun (npm_config_user_agent), no lock file or deno.json"};
  return {JsRuntime::node, "no bun.lock, deno.json or other lock file: Node"};
}

Result<fs::path> find_runtime_program(JsRuntime runtime, const fs::path& directory, std::string_view path_variable,
                                      std::string_view reason) {
  std::string name(runtime_name(runtime));
  if (auto found = in_path(name, path_variable)) return *found;
  std::vector<std::string> looked{"PATH"};
  if (runtime != JsRuntime::node) {
    if (auto dirs = directories_up(directory)) {
      for (const auto& dir : *dirs) {
        fs::path local = dir / "node_modules" / ".bin" / (name + std::string(k_program_suffix));
        if (is_executable_file(local)) return local;
      }
    }
    looked.emplace_back("node_modules/.bin from the project up");
  }
  auto message = runtime == JsRuntime::node
                     ? std::string(
                           "node is not installed or not on PATH: `authmigrate schema export` runs the app's "
                           "own Better Auth with Node to read its schema")
                     : fmt::format("the app runs on {} ({}), and {} is not installed (looked in {})", name, reason,
                                   name, fmt::join(looked, " and "));
  return fail(Error(ErrorKind::config, std::move(message)).with_hint(install_hint(runtime)));
}

}  // namespace authmigrate::project
