#include <authmigrate/deploy/repair_session.hpp>

#include <fmt/format.h>

#include <authmigrate/migrations/migration_lock.hpp>
#include <authmigrate/repair/run_repairs.hpp>
#include <authmigrate/topology/direct_url.hpp>
#include <authmigrate/topology/writable.hpp>

namespace authmigrate::deploy {

Error repair_through_pooler(std::string_view pooler) {
  return topology::pooler_refusal(fmt::format("a repair cannot run through a transaction pooler ({})", pooler));
}

Result<verify::Verdict> repair_database(db::Connection& connection, const config::DatabaseUrl& url,
                                        const schema::Schema& wanted,
                                        const std::vector<repair::RepairRequest>& requests,
                                        const RepairSettings& settings, report::Reporter& reporter) {
  migrations::MigrationLock lock(connection);
  if (!settings.dry_run) {
    AM_TRY(topology::require_writable(connection, url));
    if (!connection.pooler().empty()) return fail(repair_through_pooler(connection.pooler()));
    AM_TRY(lock.acquire(settings.lock_deadline, reporter));
    if (settings.backup) {
      auto taken = backup::take_backup(url, connection, *settings.backup, reporter);
      if (!taken)
        return fail(std::move(taken.error().with_hint("nothing was repaired: the backup must succeed first")));
    }
  }
  auto done = repair::run_repairs(connection, wanted, requests, settings.dry_run, reporter);
  if (!done) return fail(std::move(done.error()));
  if (!settings.dry_run) AM_TRY(lock.release());
  auto verdict = verify::verify_database(connection, wanted);
  if (!verdict) return fail(std::move(verdict.error().within("verifying after the repair")));
  return verdict;
}

}  // namespace authmigrate::deploy
