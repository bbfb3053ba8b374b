#include <authmigrate/repair/suggested_repairs.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace authmigrate::repair {

std::vector<std::string> suggested_repairs(const verify::Verdict& verdict) {
  std::vector<std::string> repairs;
  for (const auto& finding : verdict.refusals) {
    if (finding.kind != verify::FindingKind::unexpected_required_column) continue;
    repairs.push_back(finding.column == "issuer" ? std::string("account-issuer")
                                                 : fmt::format("nullable:{}.{}", finding.table, finding.column));
  }
  std::sort(repairs.begin(), repairs.end());
  repairs.erase(std::unique(repairs.begin(), repairs.end()), repairs.end());
  return repairs;
}

}  // namespace authmigrate::repair
