#include <authmigrate/migrations/migration_plan.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace authmigrate::migrations {

std::string_view to_string(MigrationStatus status) {
  switch (status) {
    case MigrationStatus::applied:
      return "applied";
    case MigrationStatus::pending:
      return "pending";
    case MigrationStatus::edited:
      return "edited";
    case MigrationStatus::missing:
      return "missing";
    case MigrationStatus::interrupted:
      return "interrupted";
  }
  return "pending";
}

MigrationPlan make_plan(const std::vector<MigrationFile>& files, const std::vector<HistoryRow>& history) {
  std::map<std::string, const HistoryRow*> by_version;
  for (const auto& row : history) by_version[row.version] = &row;
  MigrationPlan plan;
  for (const auto& file : files) {
    PlannedMigration entry{MigrationStatus::pending, file.name.version, file.name.file_name, &file, std::nullopt};
    if (auto it = by_version.find(file.name.version); it != by_version.end()) {
      entry.history = *it->second;
      if (it->second->state != HistoryState::applied) {
        entry.status = MigrationStatus::interrupted;
      } else if (it->second->checksum != file.checksum) {
        entry.status = MigrationStatus::edited;
      } else {
        entry.status = MigrationStatus::applied;
      }
      by_version.erase(it);
    }
    plan.entries.push_back(std::move(entry));
  }
  for (const auto& [version, row] : by_version) {
    auto status = row->state == HistoryState::applied ? MigrationStatus::missing : MigrationStatus::interrupted;
    plan.entries.push_back(PlannedMigration{status, version, row->file_name, nullptr, *row});
  }
  std::sort(plan.entries.begin(), plan.entries.end(),
            [](const PlannedMigration& a, const PlannedMigration& b) { return a.version < b.version; });
  return plan;
}

std::vector<const PlannedMigration*> MigrationPlan::with(MigrationStatus status) const {
  std::vector<const PlannedMigration*> out;
  for (const auto& e : entries) {
    if (e.status == status) out.push_back(&e);
  }
  return out;
}

namespace {
std::vector<std::string> names(const std::vector<const PlannedMigration*>& entries) {
  std::vector<std::string> out;
  for (const auto* e : entries) out.push_back(e->file_name);
  return out;
}
}  // namespace

Result<void> MigrationPlan::check(const PlanOptions& options) const {
  if (auto edited = with(MigrationStatus::edited); !edited.empty()) {
    return fail(Error(ErrorKind::checksum_mismatch,
                      fmt::format("{} applied migration{} changed since {} applied: {}", edited.size(),
                                  edited.size() == 1 ? "" : "s", edited.size() == 1 ? "it was" : "they were",
                                  fmt::join(names(edited), ", ")))
                    .with_hint("an applied migration must not be edited: restore the file as it was (git) and "
                               "put the change in a new migration (`authmigrate new NAME`)"));
  }
  if (auto interrupted = with(MigrationStatus::interrupted); !interrupted.empty()) {
    const auto* first = interrupted.front();
    return fail(Error(ErrorKind::needs_resolve,
                      fmt::format("migration {} started at {} and did not finish: some of its statements may have "
                                  "run, and this database cannot roll DDL back",
                                  first->file_name, first->history->applied_at))
                    .with_hint(fmt::format("check the database by hand, finish or undo what the file did, then run "
                                           "`authmigrate resolve {} --applied` (it is done) or `--rolled-back` "
                                           "(run it again)",
                                           first->version)));
  }
  if (auto missing = with(MigrationStatus::missing); !missing.empty() && !options.allow_missing) {
    return fail(Error(ErrorKind::missing_migration,
                      fmt::format("{} applied migration{} no longer in the folder: {}", missing.size(),
                                  missing.size() == 1 ? " is" : "s are", fmt::join(names(missing), ", ")))
                    .with_hint("restore the files, or pass --allow-missing if they were removed on purpose"));
  }
  if (!options.allow_out_of_order) {
    std::string newest_applied;
    for (const auto& e : entries) {
      if (e.status != MigrationStatus::pending && e.history) newest_applied = std::max(newest_applied, e.version);
    }
    std::vector<std::string> late;
    for (const auto* e : with(MigrationStatus::pending)) {
      if (e->version < newest_applied) late.push_back(e->file_name);
    }
    if (!late.empty()) {
      return fail(Error(ErrorKind::migration_files,
                        fmt::format("{} sorts before the newest applied migration ({}), so it would run out of order",
                                    fmt::join(late, ", "), newest_applied))
                      .with_hint("rename it with a newer version (`authmigrate new`), or pass --allow-out-of-order"));
    }
  }
  return {};
}

}  // namespace authmigrate::migrations
