#include <authmigrate/verify/schema_check.hpp>

#include <fmt/format.h>

namespace authmigrate::verify {

namespace {

constexpr std::string_view kApplyHint = "Run `npx auth migrate` to add it.";
constexpr std::string_view kRelaxHint = "Drop the column, make it nullable, or give it a database default.";
constexpr std::string_view kIssuerNote =
    " If this column came from Better Auth 1.7.0 through 1.7.2, follow the upgrade guide before removing it: "
    "https://www.better-auth.com/docs/guides/1-7-upgrade-guide";

bool written(const schema::SchemaTable& table, std::string_view column) {
  return column == "id" || table.find(column) != nullptr;
}

Finding missing_column(const std::string& table, const std::string& column) {
  return {FindingKind::missing_column, table, column,
          fmt::format("Column \"{}\" is missing from table \"{}\". {}", column, table, kApplyHint)};
}

}  // namespace

std::vector<Finding> unexpected_required_columns(const schema::SchemaTable& table, const dialect::LiveTable& live) {
  std::vector<Finding> findings;
  for (const auto& column : live.columns) {
    if (written(table, column.name) || column.nullable || column.has_default) continue;
    findings.push_back(
        {FindingKind::unexpected_required_column, table.name, column.name,
         fmt::format("Column \"{}\" on table \"{}\" is required but Better Auth never writes it, so "
                     "every insert into \"{}\" fails. {}{}",
                     column.name, table.name, table.name, kRelaxHint, column.name == "issuer" ? kIssuerNote : "")});
  }
  return findings;
}

std::vector<Finding> check_schema(const schema::Schema& wanted, const dialect::LiveSchema& live) {
  std::vector<Finding> findings;
  for (const auto& table : wanted.tables) {
    if (table.disable_migrations) continue;
    const dialect::LiveTable* existing = live.find(table.name);
    if (!existing) {
      findings.push_back({FindingKind::missing_table, table.name, "",
                          fmt::format("Table \"{}\" is missing. {}", table.name, kApplyHint)});
      continue;
    }
    if (!existing->find("id")) findings.push_back(missing_column(table.name, "id"));
    for (const auto& column : table.columns)
      if (!existing->find(column.name)) findings.push_back(missing_column(table.name, column.name));
    auto required = unexpected_required_columns(table, *existing);
    findings.insert(findings.end(), required.begin(), required.end());
  }
  return findings;
}

}  // namespace authmigrate::verify
