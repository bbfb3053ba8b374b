#include <gtest/gtest.h>

#include <chrono>

#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/plan/generate_file.hpp>
#include <authmigrate/plan/plan.hpp>
#include <authmigrate/schema/catalogue.hpp>

#include "../support/migrated_schema.hpp"

namespace authmigrate::plan {
namespace {

using testing::core_schema;
using testing::migrated;

const RowProbe kPopulated = [](std::string_view) -> Result<bool> { return true; };

TEST(Plan, AdoptingAnUpToDateDatabaseIsANoOp) {
  for (auto kind : {config::Dialect::postgres, config::Dialect::sqlite, config::Dialect::mysql}) {
    auto d = dialect::make_dialect(kind);
    schema::Schema wanted = core_schema({"organization", "deviceAuthorization", "passkey", "apiKey"});
    auto plan = make_plan(wanted, migrated(wanted, *d), *d, kPopulated);
    ASSERT_TRUE(plan) << plan.error().describe();
    EXPECT_TRUE(plan->empty());
    EXPECT_EQ(generate_file_content(*plan), "");
    EXPECT_TRUE(plan->warnings.empty()) << plan->warnings.front();
    EXPECT_TRUE(plan->schema_problems.empty());
  }
}

TEST(Plan, SqliteArrayColumnsWarnOnEveryRunAsBetterAuthDoes) {
  // Better Auth writes string[] as text on SQLite, then expects a json type when it reads it back.
  auto d = dialect::make_sqlite_dialect();
  schema::Schema wanted = core_schema({"jwt", "oauthProvider"});
  auto plan = make_plan(wanted, migrated(wanted, *d), *d, kPopulated);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->empty());
  ASSERT_FALSE(plan->warnings.empty());
  EXPECT_EQ(plan->warnings[0],
            "Field scopes in table oauthClient has a different type in the database. Expected string[] but got text.");
  auto pg = dialect::make_postgres_dialect();
  auto pg_plan = make_plan(wanted, migrated(wanted, *pg), *pg, kPopulated);
  ASSERT_TRUE(pg_plan);
  EXPECT_TRUE(pg_plan->warnings.empty());
}

TEST(Plan, MigrateRefusesARequiredColumnWithoutDefaultOnAPopulatedTable) {
  auto d = dialect::make_sqlite_dialect();
  schema::Schema wanted = core_schema({"organization"});
  // organization exists from an earlier run, without the later-added required "slug".
  auto live = migrated(wanted, *d);
  auto& org = live.tables[4];
  ASSERT_EQ(org.name, "organization");
  org.columns.erase(org.columns.begin() + 2);
  auto plan = make_plan(wanted, live, *d, kPopulated);
  ASSERT_TRUE(plan) << plan.error().describe();
  ASSERT_EQ(plan->unsafe_changes.size(), 1u);
  EXPECT_EQ(plan->unsafe_changes[0].table, "organization");
  EXPECT_EQ(plan->unsafe_changes[0].column, "slug");
  auto refused = refuse_unsafe_changes(*plan);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::unsafe_change);
  EXPECT_EQ(refused.error().message.rfind("Cannot add required column \"slug\" to populated table \"organization\"", 0),
            0u);
  // On an empty table the same column is safe.
  auto empty = make_plan(wanted, live, *d, [](std::string_view) -> Result<bool> { return false; });
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->unsafe_changes.empty());
  EXPECT_TRUE(refuse_unsafe_changes(*empty));
  // The unique column is added plain and gets its own index (SQLite cannot ADD a UNIQUE column).
  EXPECT_EQ(empty->statements, (std::vector<std::string>{
                                   "alter table \"organization\" add column \"slug\" text not null",
                                   "create unique index \"organization_slug_uidx\" on \"organization\" (\"slug\")"}));
}

TEST(Plan, ExistingIndexWithTheSameNameButOtherColumnsIsRefused) {
  auto d = dialect::make_postgres_dialect();
  schema::Schema wanted = core_schema({"deviceAuthorization"});
  auto live = migrated(wanted, *d);
  live.indexes[0].columns = {"userCode"};
  auto plan = make_plan(wanted, live, *d, kPopulated);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().kind, ErrorKind::unsafe_change);
  EXPECT_EQ(plan.error().message,
            "Database index \"deviceCode_deviceCode_uidx\" on table \"deviceCode\" does not match the configured "
            "fields and uniqueness. Rename or replace the existing index, then run the migration again.");
}

TEST(Plan, IncompatibleColumnTypeIsAWarningNeverARetype) {
  auto d = dialect::make_mysql_dialect();
  schema::Schema wanted = core_schema();
  auto live = migrated(wanted, *d);
  live.tables[0].columns[3].data_type = "int";  // user.emailVerified (after id, name, email)
  auto plan = make_plan(wanted, live, *d, kPopulated);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->empty());
  ASSERT_EQ(plan->warnings.size(), 1u);
  EXPECT_EQ(plan->warnings[0],
            "Field emailVerified in table user has a different type in the database. Expected boolean but got int.");
}

TEST(Plan, MysqlRefusesATableIndexOverAnUnboundedExistingColumn) {
  auto d = dialect::make_mysql_dialect();
  schema::Schema wanted = core_schema({"deviceAuthorization"});
  auto live = migrated(wanted, *d);
  live.indexes.clear();
  live.tables.back().columns[1].max_index_bytes = 65535;  // deviceCode stored as text
  auto plan = make_plan(wanted, live, *d, kPopulated);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "Cannot create database index \"deviceCode_deviceCode_uidx\" on existing table \"deviceCode\" because its "
            "columns can exceed MySQL's 3072-byte index-key limit. Bound the indexed string columns to the generated "
            "schema lengths, resolve oversized values, then run the migration again.");
}

TEST(Plan, DefaultFileNameIsTheIsoTimeWithDashes) {
  using namespace std::chrono;
  system_clock::time_point t{milliseconds(1795959587356)};  // 2026-11-29T13:39:47.356Z
  EXPECT_EQ(default_generate_file_name(t), "better-auth_migrations/2026-11-29T13-39-47.356Z.sql");
}

}  // namespace
}  // namespace authmigrate::plan
