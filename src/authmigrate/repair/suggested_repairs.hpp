// Which repair mends which finding of verify: a column Better Auth never writes that the database
// requires is made nullable, the 1.7.0-1.7.2 account.issuer goes with its unique index. Only repairs
// are named here; the findings migrate mends (a missing table or column) are not repairs.
#pragma once

#include <string>
#include <vector>

#include <authmigrate/verify/verdict.hpp>

namespace authmigrate::repair {

// The repair names (as `authmigrate repair` takes them) that mend the verdict's refusals, sorted, each once.
std::vector<std::string> suggested_repairs(const verify::Verdict& verdict);

}  // namespace authmigrate::repair
