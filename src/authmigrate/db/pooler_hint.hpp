// What a PostgreSQL URL says about a connection pooler in front of the server, before connecting:
// Prisma's `pgbouncer=true`, Supabase's transaction pooler (port 6543), Neon's `-pooler` hosts.
#pragma once

#include <string>

#include <authmigrate/config/database_url.hpp>

namespace authmigrate::db {

struct PoolerHint {
  enum class Verdict { unknown, pooled, direct };
  Verdict verdict = Verdict::unknown;
  std::string why;  // for pooled: what in the URL said so
};

PoolerHint pooler_hint(const config::DatabaseUrl& url);

}  // namespace authmigrate::db
