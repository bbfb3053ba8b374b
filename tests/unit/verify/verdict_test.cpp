#include <gtest/gtest.h>

#include <authmigrate/verify/verdict.hpp>

#include "../support/migrated_schema.hpp"

namespace authmigrate::verify {
namespace {

using testing::core_schema;
using testing::migrated;

dialect::LiveTable& table_named(dialect::LiveSchema& live, const std::string& name) {
  for (auto& table : live.tables)
    if (table.name == name) return table;
  throw std::runtime_error("no table " + name);
}

void drop_column(dialect::LiveTable& table, const std::string& column) {
  std::erase_if(table.columns, [&](const dialect::LiveColumn& c) { return c.name == column; });
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(std::string(code_of(f.kind)) + " " + f.table + "." + f.column);
  return out;
}

TEST(Verdict, AFreshlyMigratedDatabaseIsAcceptedWithoutDrift) {
  for (auto kind : {config::Dialect::postgres, config::Dialect::sqlite, config::Dialect::mysql}) {
    auto d = dialect::make_dialect(kind);
    auto wanted = core_schema({"organization", "twoFactor", "admin", "apiKey"});
    auto live = migrated(wanted, *d, true);
    auto verdict = judge(wanted, live, live, *d);
    EXPECT_FALSE(verdict.refused()) << codes(verdict.refusals).front();
    EXPECT_TRUE(verdict.drift.empty()) << verdict.drift.front().message;
  }
}

TEST(Verdict, FindingsComeInBetterAuthsOrderWithItsWording) {
  auto d = dialect::make_postgres_dialect();
  auto wanted = core_schema();
  auto live = migrated(wanted, *d, true);
  drop_column(table_named(live, "session"), "ipAddress");
  std::erase_if(live.tables, [](const dialect::LiveTable& t) { return t.name == "verification"; });
  table_named(live, "account").columns.push_back({"issuer", "text", false, false, std::nullopt});
  auto verdict = judge(wanted, live, live, *d);
  EXPECT_EQ(codes(verdict.refusals),
            (std::vector<std::string>{"missing-column session.ipAddress", "unexpected-required-column account.issuer",
                                      "missing-table verification."}));
  EXPECT_EQ(verdict.refusals[0].message,
            "Column \"ipAddress\" is missing from table \"session\". Run `npx auth migrate` to add it.");
  EXPECT_EQ(verdict.refusals[1].message,
            "Column \"issuer\" on table \"account\" is required but Better Auth never writes it, so every insert into "
            "\"account\" fails. Drop the column, make it nullable, or give it a database default. If this column came "
            "from Better Auth 1.7.0 through 1.7.2, follow the upgrade guide before removing it: "
            "https://www.better-auth.com/docs/guides/1-7-upgrade-guide");
  EXPECT_EQ(verdict.refusals[2].message, "Table \"verification\" is missing. Run `npx auth migrate` to add it.");
  EXPECT_EQ(
      mismatch_summary(verdict.refusals),
      "Database schema mismatch\n\n  Missing tables\n    verification\n\n  Missing columns\n    session.ipAddress\n\n"
      "  Required columns Better Auth never writes\n    account.issuer\n\n  Inserts into account will fail.\n\n"
      "  help: Make the listed columns nullable, give them defaults, or remove them.\n"
      "        Run `npx auth migrate` to add the missing tables and columns.\n\n"
      "  note: If this column came from Better Auth 1.7.0 through 1.7.2,\n"
      "        follow the upgrade guide before removing it:\n"
      "        https://www.better-auth.com/docs/guides/1-7-upgrade-guide");
}

TEST(Verdict, AColumnWithADefaultOrThatTakesNullIsNoProblem) {
  auto d = dialect::make_sqlite_dialect();
  auto wanted = core_schema();
  auto live = migrated(wanted, *d, true);
  auto& account = table_named(live, "account");
  account.columns.push_back({"legacy", "text", true, false, std::nullopt});
  account.columns.push_back({"tenant", "text", false, true, std::nullopt});
  account.columns.push_back({"serial", "integer", false, true, std::nullopt});
  EXPECT_FALSE(judge(wanted, live, live, *d).refused());
}

TEST(Verdict, AMissingIdIsAMissingColumn) {
  auto d = dialect::make_sqlite_dialect();
  auto wanted = core_schema();
  auto live = migrated(wanted, *d, true);
  drop_column(table_named(live, "user"), "id");
  EXPECT_EQ(codes(judge(wanted, live, live, *d).refusals), (std::vector<std::string>{"missing-column user.id"}));
}

TEST(Verdict, TablesWithDisableMigrationsAreNotChecked) {
  auto d = dialect::make_postgres_dialect();
  auto wanted = core_schema();
  for (auto& table : wanted.tables)
    if (table.name == "verification") table.disable_migrations = true;
  auto live = migrated(wanted, *d, true);
  std::erase_if(live.tables, [](const dialect::LiveTable& t) { return t.name == "verification"; });
  EXPECT_FALSE(judge(wanted, live, live, *d).refused());
}

TEST(Verdict, DriftIsReportedButAccepted) {
  auto d = dialect::make_postgres_dialect();
  auto wanted = core_schema();
  auto live = migrated(wanted, *d, true);
  for (auto& column : table_named(live, "user").columns) {
    if (column.name == "name") column.nullable = true;
    if (column.name == "emailVerified") column.data_type = "int4";
  }
  std::erase_if(live.indexes,
                [](const dialect::LiveIndex& i) { return i.table == "session" && i.columns[0] == "userId"; });
  std::erase_if(live.indexes, [](const dialect::LiveIndex& i) { return i.table == "user" && i.columns[0] == "email"; });
  auto verdict = judge(wanted, live, live, *d);
  EXPECT_FALSE(verdict.refused());
  EXPECT_EQ(codes(verdict.drift),
            (std::vector<std::string>{"nullable-required user.name", "type-mismatch user.emailVerified",
                                      "missing-index user.email", "missing-index session.userId"}));
  EXPECT_EQ(verdict.drift[3].message,
            "Table \"session\" has no index on (userId), which the schema declares as \"session_userId_idx\", so every "
            "lookup by it reads the whole table. Create it: create index \"session_userId_idx\" on \"session\" "
            "(\"userId\");");
}

TEST(Verdict, ANonUniqueIndexDoesNotStandForAUniqueOne) {
  auto d = dialect::make_mysql_dialect();
  auto wanted = core_schema();
  auto live = migrated(wanted, *d, true);
  for (auto& index : live.indexes)
    if (index.table == "user" && index.columns[0] == "email") index.unique = false;
  auto verdict = judge(wanted, live, live, *d);
  ASSERT_EQ(codes(verdict.drift), (std::vector<std::string>{"missing-index user.email"}));
  EXPECT_NE(verdict.drift[0].message.find("create unique index `user_email_uidx` on `user` (`email`)"),
            std::string::npos)
      << verdict.drift[0].message;
}

}  // namespace
}  // namespace authmigrate::verify
