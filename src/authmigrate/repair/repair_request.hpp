// A repair as the user names it (`authmigrate repair NAME...`, `deploy --repair NAME`,
// `[deploy] repairs` in authmigrate.toml):
//   account-issuer               drop the 1.7.0-1.7.2 unique index on account.issuer, then the column
//   account-issuer:keep-column   drop the index, make the column nullable (keep its values)
//   nullable:TABLE.COLUMN        make a column Better Auth never writes nullable
//   default:TABLE.COLUMN=VALUE   give it a database default (a number, true/false, now, else text)
//   apikey-reference-id          api-key 1.4 -> 1.5: rename apikey.userId to referenceId (and its index)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <authmigrate/base/error.hpp>

namespace authmigrate::repair {

// `none` first: a request nobody filled in repairs nothing (plan_repair refuses it), rather than dropping
// a column.
enum class RepairKind { none, account_issuer, nullable, set_default, apikey_reference_id };

struct RepairRequest {
  RepairKind kind = RepairKind::none;
  std::string text;          // as given, for messages
  std::string table;         // nullable, set_default
  std::string column;        // nullable, set_default
  std::string value;         // set_default: as given
  bool keep_column = false;  // account_issuer
};

// Errors of kind usage, naming the forms above.
Result<RepairRequest> parse_repair(std::string_view text);
// Every request, all problems at once.
Result<std::vector<RepairRequest>> parse_repairs(const std::vector<std::string>& texts);

}  // namespace authmigrate::repair
