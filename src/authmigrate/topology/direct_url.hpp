// The URL to migrate through when the app's own URL goes through a connection pooler: `--direct-url`,
// or what hosts set beside DATABASE_URL for it — Prisma's DIRECT_URL, and DATABASE_URL_UNPOOLED and
// POSTGRES_URL_NON_POOLING from the Neon and Vercel integrations.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>
#include <authmigrate/config/environment.hpp>

namespace authmigrate::topology {

struct DirectUrl {
  std::string text;
  std::string source;  // "--direct-url" or the variable's name
};

// The variables, in the order they are looked at.
const std::vector<std::string>& direct_url_variables();

// `flag` wins; then the first variable that is set and not empty.
std::optional<DirectUrl> find_direct_url(const config::Environment& env, std::string_view flag);

// What cannot run through a transaction pooler (kind config), with the hint naming the direct URL.
Error pooler_refusal(std::string message);

}  // namespace authmigrate::topology
