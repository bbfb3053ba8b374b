// Which JavaScript runtime an app runs on (Node, Bun or Deno), from what its project holds, and where that
// runtime's program is. `schema export` loads the app's auth config in the app's own runtime: a Bun app
// may import `bun:sqlite`, a Deno app resolves its imports through deno.json. Reads files only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <authmigrate/base/error.hpp>

namespace authmigrate::project {

enum class JsRuntime { node, bun, deno };

std::string_view runtime_name(JsRuntime runtime);  // "node", "bun", "deno"
std::optional<JsRuntime> parse_runtime(std::string_view name);

struct RuntimeEvidence {
  JsRuntime runtime = JsRuntime::node;
  std::string reason;  // e.g. "bun.lock in /srv/app", "--runtime bun", "no bun or deno marker: node"
};

// A Deno app's deno.json or deno.jsonc, from `directory` up: `deno run` must be given it (--config) when the
// script it runs lives outside the app, or the app's import map and node_modules are not used.
std::optional<std::filesystem::path> find_deno_config(const std::filesystem::path& directory);

// From `directory` up: the first directory holding a marker decides. bun.lock / bun.lockb and
// package.json's "packageManager": "bun@..." mean Bun; deno.json / deno.jsonc / deno.lock mean Deno;
// package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml and yarn.lock mean Node. With no marker:
// `user_agent` (npm_config_user_agent, which bunx and `bun run` set to "bun/...") starting with "bun/"
// means Bun, else Node.
RuntimeEvidence detect_runtime(const std::filesystem::path& directory, std::string_view user_agent);

// The program to start: `name` in `path_variable` (PATH), else, for Bun and Deno installed from npm as the
// app's own dependency, node_modules/.bin/<name> from `directory` up. Node is always looked up in PATH
// alone. Fails (kind config) naming where it looked and how to install it, or how to choose another runtime.
Result<std::filesystem::path> find_runtime_program(JsRuntime runtime, const std::filesystem::path& directory,
                                                   std::string_view path_variable, std::string_view reason);

}  // namespace authmigrate::project
