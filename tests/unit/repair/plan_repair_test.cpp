// plan_repair, case by case: a request and a live database in, the operations (or the refusal) out.
// Each case names only the live columns it is about; the wanted schema is better-auth 1.7.25 with the
// api-key plugin (whose apikey table has configId and referenceId since 1.5).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <authmigrate/repair/plan_repair.hpp>
#include <authmigrate/schema/schema.hpp>

#include "../support/catalogue_tables.hpp"

namespace authmigrate::repair {
namespace {

struct Col {
  const char* table;
  const char* name;
  bool nullable;
  bool has_default;
};

struct Idx {
  const char* table;
  const char* name;
  const char* column;
};

struct Case {
  const char* what;
  const char* request;
  std::vector<Col> columns;
  std::vector<Idx> indexes;
  std::vector<std::string> operations;  // "kind table name [to]"; empty: nothing left to do
  const char* description;              // a part of RepairPlan::description
  const char* refusal = nullptr;        // a part of the error (kind unsafe_change); then no plan
};

const char* kind_name(Operation::Kind kind) {
  switch (kind) {
    case Operation::Kind::drop_index:
      return "drop_index";
    case Operation::Kind::drop_column:
      return "drop_column";
    case Operation::Kind::make_nullable:
      return "make_nullable";
    case Operation::Kind::set_default:
      return "set_default";
    case Operation::Kind::rename_column:
      return "rename_column";
    case Operation::Kind::rename_index:
      return "rename_index";
  }
  return "?";
}

const schema::Schema& wanted() {
  static const schema::Schema schema = [] {
    schema::AuthOptions options;
    options.plugins.push_back(schema::PluginConfig{"apiKey", {}, {}});
    auto resolved = schema::resolve_schema(testing::catalogue_tables(options, "1.7.25"));
    if (!resolved) throw std::runtime_error(resolved.error().describe());
    return *resolved;
  }();
  return schema;
}

dialect::LiveSchema live_of(const Case& c) {
  dialect::LiveSchema live;
  for (const auto& col : c.columns) {
    auto table =
        std::find_if(live.tables.begin(), live.tables.end(), [&](const auto& t) { return t.name == col.table; });
    if (table == live.tables.end()) table = live.tables.insert(live.tables.end(), dialect::LiveTable{col.table, {}});
    table->columns.push_back({col.name, "text", col.nullable, col.has_default, std::nullopt});
  }
  for (const auto& idx : c.indexes) live.indexes.push_back({idx.table, idx.name, {idx.column}, true, true});
  return live;
}

const std::vector<Case> kCases = {
    {"issuer with its unique index: index, then column",
     "account-issuer",
     {{"account", "id", false, false}, {"account", "issuer", false, false}},
     {{"account", "account_issuer_uidx", "issuer"}},
     {"drop_index account account_issuer_uidx", "drop_column account issuer"},
     "then the column account.issuer"},
    {"issuer kept: index dropped, column made nullable",
     "account-issuer:keep-column",
     {{"account", "issuer", false, false}},
     {{"account", "account_issuer_uidx", "issuer"}},
     {"drop_index account account_issuer_uidx", "make_nullable account issuer"},
     "values kept"},
    {"issuer kept, already nullable and unindexed: nothing",
     "account-issuer:keep-column",
     {{"account", "issuer", true, false}},
     {},
     {},
     "already nullable and unindexed"},
    {"no issuer column: nothing", "account-issuer", {{"account", "id", false, false}}, {}, {}, "has no issuer column"},
    {"nullable on a column Better Auth never writes",
     "nullable:user.legacy_code",
     {{"user", "legacy_code", false, false}},
     {},
     {"make_nullable user legacy_code"},
     "make user.legacy_code nullable"},
    {"nullable twice: nothing the second time",
     "nullable:user.legacy_code",
     {{"user", "legacy_code", true, false}},
     {},
     {},
     "it already is"},
    {"nullable on a column Better Auth writes is refused",
     "nullable:user.email",
     {{"user", "email", false, false}},
     {},
     {},
     "",
     "Better Auth writes user.email"},
    {"nullable on id is refused",
     "nullable:user.id",
     {{"user", "id", false, false}},
     {},
     {},
     "",
     "Better Auth writes user.id"},
    {"nullable on a column that is not there is refused",
     "nullable:user.nope",
     {{"user", "id", false, false}},
     {},
     {},
     "",
     "the database has no column user.nope"},
    {"default: a number stays a number",
     "default:user.score=-1.5",
     {{"user", "score", false, false}},
     {},
     {"set_default user score -1.5"},
     "the default -1.5"},
    {"default: text becomes a string literal, quotes doubled",
     "default:user.tier=o'brien",
     {{"user", "tier", false, false}},
     {},
     {"set_default user tier 'o''brien'"},
     "the default o'brien"},
    {"default: a column with one already is left alone",
     "default:user.tier=free",
     {{"user", "tier", false, true}},
     {},
     {},
     "it already has a default"},
    {"api key 1.4 -> 1.5: userId renamed with its index",
     "apikey-reference-id",
     {{"apikey", "userId", false, false}},
     {{"apikey", "apikey_userId_idx", "userId"}},
     {"rename_column apikey userId referenceId", "rename_index apikey apikey_userId_idx apikey_referenceId_idx"},
     "rename apikey.userId to apikey.referenceId"},
    {"api key: an index of another name keeps its name",
     "apikey-reference-id",
     {{"apikey", "userId", false, false}},
     {{"apikey", "my_own_index", "userId"}},
     {"rename_column apikey userId referenceId"},
     "keeping every key"},
    {"api key already renamed: nothing",
     "apikey-reference-id",
     {{"apikey", "referenceId", false, false}},
     {},
     {},
     "has no userId column"},
    {"api key with both columns is refused",
     "apikey-reference-id",
     {{"apikey", "userId", false, false}, {"apikey", "referenceId", true, false}},
     {},
     {},
     "",
     "has both userId and referenceId"},
};

TEST(RepairPlan, EveryCase) {
  auto postgres = dialect::make_dialect(config::Dialect::postgres);
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.what);
    auto request = parse_repair(c.request);
    ASSERT_TRUE(request) << request.error().describe();
    auto plan = plan_repair(*request, wanted(), live_of(c), *postgres);
    if (c.refusal) {
      ASSERT_FALSE(plan) << "planned instead of refused";
      EXPECT_EQ(plan.error().kind, ErrorKind::unsafe_change);
      EXPECT_NE(plan.error().message.find(c.refusal), std::string::npos) << plan.error().message;
      continue;
    }
    ASSERT_TRUE(plan) << plan.error().describe();
    std::vector<std::string> operations;
    for (const auto& op : plan->operations) {
      std::string line = fmt::format("{} {} {}", kind_name(op.kind), op.table, op.name);
      if (!op.to.empty()) line += " " + op.to;
      operations.push_back(line);
    }
    EXPECT_EQ(operations, c.operations);
    EXPECT_NE(plan->description.find(c.description), std::string::npos) << plan->description;
  }
}

// The literal a default is written as, per dialect: what default:TABLE.COLUMN=VALUE puts in the SQL.
TEST(RepairPlan, DefaultLiteralPerDialect) {
  struct Literal {
    config::Dialect dialect;
    const char* value;
    const char* sql;
  };
  const Literal cases[] = {
      {config::Dialect::postgres, "42", "42"},
      {config::Dialect::postgres, "4.2", "4.2"},
      {config::Dialect::postgres, "4.", "'4.'"},  // not a number: text
      {config::Dialect::postgres, "1e3", "'1e3'"},
      {config::Dialect::postgres, "true", "true"},
      {config::Dialect::sqlite, "true", "1"},
      {config::Dialect::mysql, "false", "false"},
      {config::Dialect::postgres, "now", "CURRENT_TIMESTAMP"},
      {config::Dialect::mysql, "it's", "'it''s'"},
      {config::Dialect::postgres, "", "''"},
  };
  for (const auto& c : cases) {
    auto d = dialect::make_dialect(c.dialect);
    EXPECT_EQ(default_literal(*d, c.value), c.sql) << c.value;
  }
}

}  // namespace
}  // namespace authmigrate::repair
