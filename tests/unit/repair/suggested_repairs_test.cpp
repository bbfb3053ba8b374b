// Which repair a verdict's findings call for (repair/suggested_repairs).
#include <gtest/gtest.h>

#include <authmigrate/repair/suggested_repairs.hpp>

namespace authmigrate::repair {
namespace {

using verify::FindingKind;
using List = std::vector<std::string>;

verify::Finding finding(FindingKind kind, std::string table, std::string column) {
  return {kind, std::move(table), std::move(column), "message"};
}

TEST(SuggestedRepairs, PerFinding) {
  struct Case {
    const char* what;
    std::vector<verify::Finding> refusals;
    std::vector<verify::Finding> drift;
    List repairs;
  };
  const Case cases[] = {
      {"nothing refused", {}, {}, {}},
      {"account.issuer: the issuer repair",
       {finding(FindingKind::unexpected_required_column, "account", "issuer")},
       {},
       {"account-issuer"}},
      {"another required column Better Auth never writes: nullable",
       {finding(FindingKind::unexpected_required_column, "user", "legacy_code")},
       {},
       {"nullable:user.legacy_code"}},
      {"what migrate mends is no repair",
       {finding(FindingKind::missing_table, "session", ""), finding(FindingKind::missing_column, "user", "role")},
       {},
       {}},
      {"drift is no repair", {}, {finding(FindingKind::unexpected_required_column, "user", "x")}, {}},
      {"sorted, each once",
       {finding(FindingKind::unexpected_required_column, "user", "b"),
        finding(FindingKind::unexpected_required_column, "account", "issuer"),
        finding(FindingKind::unexpected_required_column, "user", "b"),
        finding(FindingKind::unexpected_required_column, "session", "a")},
       {},
       {"account-issuer", "nullable:session.a", "nullable:user.b"}},
  };
  for (const auto& c : cases) {
    verify::Verdict verdict{c.refusals, c.drift};
    EXPECT_EQ(suggested_repairs(verdict), c.repairs) << c.what;
  }
}

}  // namespace
}  // namespace authmigrate::repair
