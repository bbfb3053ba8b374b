#include <authmigrate/db/pooler_hint.hpp>

#include <authmigrate/base/text.hpp>

namespace authmigrate::db {

PoolerHint pooler_hint(const config::DatabaseUrl& url) {
  using Verdict = PoolerHint::Verdict;
  if (auto said = url.param("pgbouncer")) {
    if (lower(*said) == "true") return {Verdict::pooled, "the URL says pgbouncer=true"};
    return {Verdict::direct, ""};  // the user says there is none (or a session-mode one)
  }
  auto host = lower(url.host);
  if (host.find("-pooler.") != std::string::npos) {
    return {Verdict::pooled,
            "a Neon pooler host (\"-pooler\" in the host name), which is PgBouncer in transaction mode"};
  }
  if (url.port == 6543) {
    return {Verdict::pooled, host.ends_with("pooler.supabase.com")
                                 ? "Supabase's transaction pooler (port 6543)"
                                 : "port 6543, the port of Supabase's transaction pooler"};
  }
  return {};
}

}  // namespace authmigrate::db
