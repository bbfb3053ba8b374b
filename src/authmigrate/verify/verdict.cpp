#include <authmigrate/verify/verdict.hpp>

#include <authmigrate/base/version.hpp>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/dialect/introspect.hpp>
#include <authmigrate/verify/drift.hpp>
#include <authmigrate/verify/schema_check.hpp>

namespace authmigrate::verify {

bool has_runtime_check(const std::string& better_auth_version) {
  auto version = base::parse_version(better_auth_version);
  return !version || *version >= base::Version{1, 7, 3, ""};
}

bool Verdict::has(FindingKind kind) const {
  return std::any_of(refusals.begin(), refusals.end(), [&](const Finding& f) { return f.kind == kind; }) ||
         std::any_of(drift.begin(), drift.end(), [&](const Finding& f) { return f.kind == kind; });
}

Verdict judge(const schema::Schema& wanted, const dialect::LiveSchema& tables, const dialect::LiveSchema& live,
              const dialect::SqlDialect& d) {
  return {check_schema(wanted, tables), find_drift(wanted, live, d)};
}

Result<Verdict> verify_database(db::Connection& connection, const schema::Schema& wanted) {
  AM_TRY(dialect::check_schema_name(wanted, connection.dialect()));
  auto live = dialect::introspect(connection, wanted.schema_name, dialect::LiveScope::of(wanted));
  if (!live) return fail(std::move(live.error()).within("reading the live schema"));
  return verify_database(connection, wanted, *live);
}

Result<Verdict> verify_database(db::Connection& connection, const schema::Schema& wanted,
                                const dialect::LiveSchema& live) {
  AM_TRY(dialect::check_schema_name(wanted, connection.dialect()));
  auto d = dialect::make_dialect(connection.dialect());
  if (connection.dialect() != config::Dialect::postgres) return judge(wanted, live, live, *d);
  auto visible = dialect::introspect_visible_tables(connection, wanted.schema_name, dialect::LiveScope::of(wanted));
  if (!visible) return fail(std::move(visible.error()));
  return judge(wanted, *visible, live, *d);
}

std::string mismatch_summary(const std::vector<Finding>& refusals) {
  std::vector<std::string> tables, columns, required, affected;
  bool issuer = false;
  for (const auto& finding : refusals) {
    switch (finding.kind) {
      case FindingKind::missing_table:
        tables.push_back(finding.table);
        break;
      case FindingKind::missing_column:
        columns.push_back(finding.table + "." + finding.column);
        break;
      case FindingKind::unexpected_required_column:
        required.push_back(finding.table + "." + finding.column);
        if (std::find(affected.begin(), affected.end(), finding.table) == affected.end())
          affected.push_back(finding.table);
        issuer = issuer || finding.column == "issuer";
        break;
      default:
        break;
    }
  }
  std::vector<std::string> sections{"Database schema mismatch"};
  if (!tables.empty()) sections.push_back(fmt::format("  Missing tables\n    {}", fmt::join(tables, ", ")));
  if (!columns.empty()) sections.push_back(fmt::format("  Missing columns\n    {}", fmt::join(columns, "\n    ")));
  if (!required.empty()) {
    sections.push_back(
        fmt::format("  Required columns Better Auth never writes\n    {}", fmt::join(required, "\n    ")));
    sections.push_back(fmt::format("  Inserts into {} will fail.", fmt::join(affected, ", ")));
  }
  std::vector<std::string> help;
  if (!required.empty()) help.push_back("Make the listed columns nullable, give them defaults, or remove them.");
  if (!tables.empty() || !columns.empty())
    help.push_back("Run `npx auth migrate` to add the missing tables and columns.");
  if (!help.empty()) sections.push_back(fmt::format("  help: {}", fmt::join(help, "\n        ")));
  if (issuer)
    sections.push_back(
        "  note: If this column came from Better Auth 1.7.0 through 1.7.2,\n"
        "        follow the upgrade guide before removing it:\n"
        "        https://www.better-auth.com/docs/guides/1-7-upgrade-guide");
  return fmt::format("{}", fmt::join(sections, "\n\n"));
}

}  // namespace authmigrate::verify
