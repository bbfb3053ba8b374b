#include <authmigrate/repair/repair_request.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace authmigrate::repair {

namespace {

constexpr std::string_view kForms =
    "account-issuer, account-issuer:keep-column, nullable:TABLE.COLUMN, default:TABLE.COLUMN=VALUE, "
    "apikey-reference-id";

Error bad(std::string_view text, std::string_view why) {
  return Error(ErrorKind::usage, fmt::format("unknown repair \"{}\": {}", text, why))
      .with_hint(fmt::format("the repairs are {} (docs/upgrades.md)", kForms));
}

// "TABLE.COLUMN" (the last dot splits, so a table name may hold none; a column never holds one).
Result<void> read_target(std::string_view text, std::string_view target, RepairRequest& request) {
  auto dot = target.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == target.size())
    return fail(bad(text, "name the column as TABLE.COLUMN"));
  request.table = std::string(target.substr(0, dot));
  request.column = std::string(target.substr(dot + 1));
  return {};
}

}  // namespace

Result<RepairRequest> parse_repair(std::string_view text) {
  RepairRequest request;
  request.text = std::string(text);
  if (text == "account-issuer" || text == "account-issuer:keep-column") {
    request.kind = RepairKind::account_issuer;
    request.keep_column = text.ends_with(":keep-column");
    return request;
  }
  if (text == "apikey-reference-id") {
    request.kind = RepairKind::apikey_reference_id;
    return request;
  }
  if (text.starts_with("nullable:")) {
    request.kind = RepairKind::nullable;
    AM_TRY(read_target(text, text.substr(9), request));
    return request;
  }
  if (text.starts_with("default:")) {
    request.kind = RepairKind::set_default;
    auto rest = text.substr(8);
    auto equals = rest.find('=');
    if (equals == std::string_view::npos) return fail(bad(text, "give the default as default:TABLE.COLUMN=VALUE"));
    AM_TRY(read_target(text, rest.substr(0, equals), request));
    request.value = std::string(rest.substr(equals + 1));
    return request;
  }
  return fail(bad(text, "no repair has this name"));
}

Result<std::vector<RepairRequest>> parse_repairs(const std::vector<std::string>& texts) {
  std::vector<RepairRequest> requests;
  std::vector<std::string> problems;
  for (const auto& text : texts) {
    auto parsed = parse_repair(text);
    if (parsed)
      requests.push_back(std::move(*parsed));
    else
      problems.push_back(parsed.error().message);
  }
  if (!problems.empty())
    return fail(Error(ErrorKind::usage, fmt::format("{}", fmt::join(problems, "\n")))
                    .with_hint(fmt::format("the repairs are {} (docs/upgrades.md)", kForms)));
  return requests;
}

}  // namespace authmigrate::repair
