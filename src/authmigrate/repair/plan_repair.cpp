#include <authmigrate/repair/plan_repair.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>
#include <authmigrate/schema/index_name.hpp>

namespace authmigrate::repair {

namespace {

using Kind = Operation::Kind;

Error refusal(const RepairRequest& request, std::string why) {
  return Error(ErrorKind::unsafe_change, fmt::format("repair {}: {}", request.text, why));
}

// The table of a schema model found by the field keys only it has (its physical name may differ).
const schema::SchemaTable* table_with_fields(const schema::Schema& wanted,
                                             std::initializer_list<std::string_view> keys) {
  for (const auto& table : wanted.tables) {
    bool all = std::all_of(keys.begin(), keys.end(), [&](std::string_view key) {
      return std::any_of(table.columns.begin(), table.columns.end(),
                         [&](const schema::Column& c) { return c.field.key == key; });
    });
    if (all) return &table;
  }
  return nullptr;
}

std::vector<const dialect::LiveIndex*> indexes_on(const dialect::LiveSchema& live, std::string_view table,
                                                  std::string_view column) {
  std::vector<const dialect::LiveIndex*> found;
  for (const auto& index : live.indexes)
    if (lower(index.table) == lower(table) &&
        std::find(index.columns.begin(), index.columns.end(), column) != index.columns.end())
      found.push_back(&index);
  return found;
}

Result<RepairPlan> account_issuer(const RepairRequest& request, const schema::Schema& wanted,
                                  const dialect::LiveSchema& live) {
  const schema::SchemaTable* account = table_with_fields(wanted, {"accountId", "providerId"});
  std::string table = account ? account->name : "account";
  RepairPlan plan{request.text, "", {}, {}};
  const dialect::LiveTable* existing = live.find(table);
  const dialect::LiveColumn* issuer = existing ? existing->find("issuer") : nullptr;
  if (account && account->find("issuer"))
    return fail(refusal(request, fmt::format("this schema writes {}.issuer (Better Auth 1.7.0-1.7.2): the column is "
                                             "needed, upgrade Better Auth first",
                                             table)));
  for (const auto* index : indexes_on(live, table, "issuer"))
    plan.operations.push_back({Kind::drop_index, table, index->name, ""});
  if (!issuer) {
    plan.description = fmt::format("{} has no issuer column: nothing to do", table);
    return plan;
  }
  if (request.keep_column) {
    if (!issuer->nullable) plan.operations.push_back({Kind::make_nullable, table, "issuer", ""});
    plan.description =
        fmt::format("drop the unique index on {0}.issuer and make {0}.issuer nullable (values kept)", table);
  } else {
    plan.operations.push_back({Kind::drop_column, table, "issuer", ""});
    plan.description = fmt::format("drop the unique index on {0}.issuer, then the column {0}.issuer", table);
  }
  if (plan.operations.empty())
    plan.description = fmt::format("{}.issuer is already nullable and unindexed: nothing to do", table);
  return plan;
}

// A column Better Auth never writes, that exists: the target of nullable: and default:.
Result<const dialect::LiveColumn*> unwritten_column(const RepairRequest& request, const schema::Schema& wanted,
                                                    const dialect::LiveSchema& live) {
  const dialect::LiveTable* table = live.find(request.table);
  const dialect::LiveColumn* column = table ? table->find(request.column) : nullptr;
  if (!column)
    return fail(refusal(request, fmt::format("the database has no column {}.{}", request.table, request.column)));
  const schema::SchemaTable* modelled = wanted.find(request.table);
  if (request.column == "id" || (modelled && modelled->find(request.column)))
    return fail(refusal(request, fmt::format("Better Auth writes {}.{}; relaxing it would hide drift, not mend it",
                                             request.table, request.column)));
  return column;
}

Result<RepairPlan> relax_column(const RepairRequest& request, const schema::Schema& wanted,
                                const dialect::LiveSchema& live, const dialect::SqlDialect& d) {
  auto column = unwritten_column(request, wanted, live);
  if (!column) return fail(std::move(column.error()));
  RepairPlan plan{request.text, "", {}, {}};
  if (request.kind == RepairKind::nullable) {
    plan.description = fmt::format("make {}.{} nullable", request.table, request.column);
    if (!(*column)->nullable)
      plan.operations.push_back({Kind::make_nullable, request.table, request.column, ""});
    else
      plan.description += ": it already is";
  } else {
    plan.description = fmt::format("give {}.{} the default {}", request.table, request.column, request.value);
    if (!(*column)->has_default)
      plan.operations.push_back({Kind::set_default, request.table, request.column, default_literal(d, request.value)});
    else
      plan.description += ": it already has a default";
  }
  return plan;
}

Result<RepairPlan> apikey_reference_id(const RepairRequest& request, const schema::Schema& wanted,
                                       const dialect::LiveSchema& live) {
  const schema::SchemaTable* apikey = table_with_fields(wanted, {"configId", "referenceId", "key"});
  if (!apikey) return fail(refusal(request, "the schema has no api-key table of 1.5 or later (configId, referenceId)"));
  RepairPlan plan{
      request.text, fmt::format("rename {0}.userId to {0}.referenceId, keeping every key", apikey->name), {}, {}};
  const dialect::LiveTable* table = live.find(apikey->name);
  bool has_user = table && table->find("userId"), has_reference = table && table->find("referenceId");
  if (has_user && has_reference)
    return fail(refusal(request, fmt::format("{} has both userId and referenceId: copy the values you want into "
                                             "referenceId, then drop userId by hand",
                                             apikey->name)));
  if (!has_user) {
    plan.description = fmt::format("{} has no userId column: nothing to do", apikey->name);
    return plan;
  }
  plan.operations.push_back({Kind::rename_column, apikey->name, "userId", "referenceId"});
  std::string old_index = schema::field_index_name(apikey->name, "userId", false);
  for (const auto* index : indexes_on(live, apikey->name, "userId"))
    if (lower(index->name) == lower(old_index))
      plan.operations.push_back({Kind::rename_index, apikey->name, index->name,
                                 schema::field_index_name(apikey->name, "referenceId", false)});
  plan.notes.push_back(
      fmt::format("the foreign key from {}.userId to the user table stays on referenceId: drop it by "
                  "hand before keys reference an organization",
                  apikey->name));
  plan.notes.push_back("then `authmigrate migrate` adds configId (default \"default\") and the other 1.5 columns");
  return plan;
}

// -?[0-9]+(\.[0-9]+)?
bool is_number(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto dot = text.find('.');
  return dot == std::string_view::npos ? digits(text) : digits(text.substr(0, dot)) && digits(text.substr(dot + 1));
}

}  // namespace

std::string default_literal(const dialect::SqlDialect& d, std::string_view value) {
  if (is_number(value)) return std::string(value);
  if (value == "true" || value == "false") return d.boolean_literal(value == "true");
  if (value == "now") return d.timestamp_default(dialect::DdlRules{}).value_or("CURRENT_TIMESTAMP");
  return d.string_literal(value);
}

Result<RepairPlan> plan_repair(const RepairRequest& request, const schema::Schema& wanted,
                               const dialect::LiveSchema& live, const dialect::SqlDialect& d) {
  switch (request.kind) {
    case RepairKind::none:
      break;
    case RepairKind::account_issuer:
      return account_issuer(request, wanted, live);
    case RepairKind::nullable:
    case RepairKind::set_default:
      return relax_column(request, wanted, live, d);
    case RepairKind::apikey_reference_id:
      return apikey_reference_id(request, wanted, live);
  }
  return fail(Error(ErrorKind::internal, fmt::format("repair \"{}\" names no repair", request.text)));
}

}  // namespace authmigrate::repair
