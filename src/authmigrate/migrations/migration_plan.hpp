// Files on disk against rows in the history table: what is applied, pending, edited, missing or
// left half-done, and whether it is safe to go on.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/migrations/history_table.hpp>
#include <authmigrate/migrations/migration_file.hpp>

namespace authmigrate::migrations {

enum class MigrationStatus { applied, pending, edited, missing, interrupted };

std::string_view to_string(MigrationStatus status);

struct PlannedMigration {
  MigrationStatus status;
  std::string version;
  std::string file_name;
  const MigrationFile* file = nullptr;  // null when missing
  std::optional<HistoryRow> history;    // null when pending
};

struct PlanOptions {
  bool allow_out_of_order = false;
  bool allow_missing = false;
};

struct MigrationPlan {
  std::vector<PlannedMigration> entries;  // by version

  std::vector<const PlannedMigration*> with(MigrationStatus status) const;
  // The first problem that must stop a run, in this order: edited (exit 5), interrupted (needs
  // resolve), missing (exit 5 unless allowed), out of order (unless allowed).
  Result<void> check(const PlanOptions& options) const;
};

MigrationPlan make_plan(const std::vector<MigrationFile>& files, const std::vector<HistoryRow>& history);

}  // namespace authmigrate::migrations
