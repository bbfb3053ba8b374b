#include <authmigrate/verify/finding.hpp>

namespace authmigrate::verify {

std::string_view code_of(FindingKind kind) {
  switch (kind) {
    case FindingKind::missing_table:
      return "missing-table";
    case FindingKind::missing_column:
      return "missing-column";
    case FindingKind::unexpected_required_column:
      return "unexpected-required-column";
    case FindingKind::type_mismatch:
      return "type-mismatch";
    case FindingKind::nullable_required:
      return "nullable-required";
    case FindingKind::missing_index:
      return "missing-index";
    case FindingKind::table_name_clash:
      return "table-name-clash";
  }
  return "unknown";
}

bool refuses(FindingKind kind) {
  return kind == FindingKind::missing_table || kind == FindingKind::missing_column ||
         kind == FindingKind::unexpected_required_column;
}

}  // namespace authmigrate::verify
