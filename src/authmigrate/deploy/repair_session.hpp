// `authmigrate repair` on one database, the way a deploy runs its repairs: a replica or a transaction
// pooler is refused, the migration lock taken, a backup made first when asked, the repairs run, the
// lock released, then the database verified. With dry_run nothing is locked, copied or changed.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <authmigrate/backup/backup.hpp>
#include <authmigrate/base/deadline.hpp>
#include <authmigrate/base/error.hpp>
#include <authmigrate/config/database_url.hpp>
#include <authmigrate/db/connection.hpp>
#include <authmigrate/repair/repair_request.hpp>
#include <authmigrate/report/reporter.hpp>
#include <authmigrate/schema/schema.hpp>
#include <authmigrate/verify/verdict.hpp>

namespace authmigrate::deploy {

struct RepairSettings {
  bool dry_run = false;
  std::optional<backup::BackupOptions> backup;  // set: copy the database first
  base::Deadline lock_deadline = base::Deadline::never();
};

// The verdict on the database after the repairs (before them, with dry_run).
Result<verify::Verdict> repair_database(db::Connection& connection, const config::DatabaseUrl& url,
                                        const schema::Schema& wanted,
                                        const std::vector<repair::RepairRequest>& requests,
                                        const RepairSettings& settings, report::Reporter& reporter);

// The refusal of a repair through a transaction pooler (`pooler` names it): a repair needs a session.
Error repair_through_pooler(std::string_view pooler);

}  // namespace authmigrate::deploy
