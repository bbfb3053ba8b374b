#include "verdict_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <authmigrate/repair/suggested_repairs.hpp>

namespace authmigrate::cli {

namespace {

report::Event finding_event(const verify::Finding& finding) {
  bool refuses = verify::refuses(finding.kind);
  auto event = report::info("verify.finding", fmt::format("{:<8} {:<27} {}", refuses ? "refuses" : "drift",
                                                          verify::code_of(finding.kind), finding.message));
  event.fields["code"] = std::string(verify::code_of(finding.kind));
  event.fields["severity"] = refuses ? "refuses" : "drift";
  event.fields["table"] = finding.table;
  if (!finding.column.empty()) event.fields["column"] = finding.column;
  return event;
}

}  // namespace

void report_findings(report::Reporter& reporter, const verify::Verdict& verdict, bool with_missing) {
  for (const auto& finding : verdict.refusals)
    if (with_missing || finding.kind == verify::FindingKind::unexpected_required_column)
      reporter.emit(finding_event(finding));
  for (const auto& finding : verdict.drift) reporter.emit(finding_event(finding));
}

std::string next_steps(const verify::Verdict& verdict) {
  std::vector<std::string> steps;
  if (verdict.has(verify::FindingKind::missing_table) || verdict.has(verify::FindingKind::missing_column))
    steps.push_back("`authmigrate migrate` adds the missing tables and columns");
  std::vector<std::string> repairs = repair::suggested_repairs(verdict);
  if (!repairs.empty())
    steps.push_back(
        fmt::format("`authmigrate repair --dry-run {0}` shows the repair, `authmigrate repair {0}` makes it",
                    fmt::join(repairs, " ")));
  return fmt::format("{}", fmt::join(steps, "; "));
}

void report_verdict(report::Reporter& reporter, const verify::Verdict& verdict, const std::string& database,
                    const std::string& release) {
  report_findings(reporter, verdict);
  std::string drift = verdict.drift.empty() ? "no drift"
                                            : fmt::format("{} drift finding{}", verdict.drift.size(),
                                                          verdict.drift.size() == 1 ? "" : "s");
  std::string who = release.empty() ? "Better Auth" : fmt::format("Better Auth {}", release);
  std::string effect = verify::has_runtime_check(release)
                           ? "every auth request fails with \"Database schema mismatch\""
                           : "it has no runtime schema check (that came in 1.7.3): the requests that need what is "
                             "missing fail with database errors";
  auto event =
      verdict.refused()
          ? report::warning("verify.verdict",
                            fmt::format("{}: {} will refuse this database ({} finding{}; {}): {}. Fix: {}", database,
                                        who, verdict.refusals.size(), verdict.refusals.size() == 1 ? "" : "s", drift,
                                        effect, next_steps(verdict)))
          : report::info("verify.verdict", fmt::format("{}: {} accepts this database ({})", database, who, drift));
  if (!release.empty()) event.fields["better_auth_version"] = release;
  event.fields["verdict"] = verdict.refused() ? "refuses" : "accepts";
  event.fields["refusals"] = verdict.refusals.size();
  event.fields["drift"] = verdict.drift.size();
  if (verdict.refused()) event.fields["better_auth_message"] = verify::mismatch_summary(verdict.refusals);
  reporter.emit(event);
}

}  // namespace authmigrate::cli
