// A verdict as events: one per finding (the command's output), then the verdict with what to do.
// Shared by `verify` and `status`, so both say the same about one database.
#pragma once

#include <string>

#include <authmigrate/report/reporter.hpp>
#include <authmigrate/verify/verdict.hpp>

namespace authmigrate::cli {

// `with_missing` false leaves out missing tables and columns (status lists them as pending changes).
void report_findings(report::Reporter& reporter, const verify::Verdict& verdict, bool with_missing = true);
// The findings, then "verify.verdict": refuses/accepts, the counts, Better Auth's own message and
// the commands that fix it.
// `release`: the better-auth the schema is built for ("" when unknown), named in the verdict.
void report_verdict(report::Reporter& reporter, const verify::Verdict& verdict, const std::string& database,
                    const std::string& release = "");
// What to run for the refusals: `authmigrate migrate` for missing tables and columns,
// `authmigrate repair ...` for required columns Better Auth never writes.
std::string next_steps(const verify::Verdict& verdict);

}  // namespace authmigrate::cli
