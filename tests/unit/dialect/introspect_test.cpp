// Round trip: the DDL we render, applied to a real database and read back by the introspector,
// plans to nothing. SQLite runs in memory; PostgreSQL and MariaDB only when
// AM_SCHEMA_TEST_POSTGRES_URL / AM_SCHEMA_TEST_MYSQL_URL name a scratch database (else skipped).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include <authmigrate/db/open.hpp>
#include <authmigrate/dialect/introspect.hpp>
#include <authmigrate/plan/plan.hpp>
#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/toml_config.hpp>

#include "../schema/golden_files.hpp"
#include "../support/catalogue_tables.hpp"

namespace authmigrate::dialect {
namespace {

schema::Schema golden_schema(const std::string& name) {
  auto options = schema::read_better_auth_toml(testing::read_golden("toml/" + name + ".toml"), name);
  return *schema::resolve_schema(testing::golden_tables(options->value_or(schema::AuthOptions{}), name));
}

std::vector<std::string> describe(const LiveSchema& live, const schema::Schema& wanted) {
  std::vector<std::string> out;
  for (const auto& table : live.tables) {
    if (!wanted.find(table.name)) continue;
    for (const auto& c : table.columns)
      out.push_back(table.name + "." + c.name + " " + c.data_type + (c.nullable ? " null" : "") +
                    (c.has_default ? " default" : ""));
  }
  for (const auto& index : live.indexes) {
    if (!wanted.find(index.table)) continue;
    std::string line = index.table + " index " + index.name + (index.unique ? " unique" : "") +
                       (index.valid_full_columns ? "" : " partial") + " (";
    for (const auto& column : index.columns) line += column + ",";
    out.push_back(line + ")");
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The scoped read of a no-op (only the wanted tables, names found by to_regclass, index keys named from
// the column numbers) sees what the whole-schema read sees of those tables.
void expect_scoped_read_agrees(db::Connection& connection, const schema::Schema& wanted, const LiveSchema& whole) {
  auto scoped = introspect(connection, "", LiveScope::of(wanted));
  ASSERT_TRUE(scoped) << scoped.error().describe();
  auto lines = describe(*scoped, wanted);
  EXPECT_EQ(lines, describe(whole, wanted));
  EXPECT_GT(lines.size(), 100u);
  EXPECT_EQ(scoped->tables.size(), wanted.tables.size());
}

void expect_round_trip(db::Connection& connection, const std::string& case_name) {
  schema::Schema wanted = golden_schema(case_name);
  auto d = make_dialect(connection.dialect());
  plan::RowProbe probe = [&](std::string_view table) { return table_has_rows(connection, *d, "", table); };
  auto live = introspect(connection);
  ASSERT_TRUE(live) << live.error().describe();
  auto first = plan::make_plan(wanted, *live, *d, probe);
  ASSERT_TRUE(first) << first.error().describe();
  ASSERT_FALSE(first->empty());
  for (const auto& statement : first->statements) {
    auto done = connection.execute(statement);
    ASSERT_TRUE(done) << statement << ": " << done.error().describe();
  }
  auto after = introspect(connection);
  ASSERT_TRUE(after) << after.error().describe();
  auto second = plan::make_plan(wanted, *after, *d, probe);
  ASSERT_TRUE(second) << second.error().describe();
  EXPECT_TRUE(second->empty()) << (second->statements.empty() ? "" : second->statements.front());
  EXPECT_TRUE(second->schema_problems.empty());
  ASSERT_NE(after->find("user"), nullptr);
  EXPECT_EQ(after->find("user")->columns.front().name, "id");
  auto rows = table_has_rows(connection, *d, "", "user");
  ASSERT_TRUE(rows);
  EXPECT_FALSE(*rows);
  expect_scoped_read_agrees(connection, wanted, *after);
}

TEST(DialectIntrospect, SqliteRoundTripPlansNothing) {
  config::DatabaseUrl url;
  url.dialect = config::Dialect::sqlite;
  url.scheme = "sqlite";
  url.database = ":memory:";
  auto connection = db::open_sqlite(url, {});
  ASSERT_TRUE(connection) << connection.error().describe();
  expect_round_trip(**connection, "all_plugins");
  auto live = introspect(**connection);
  ASSERT_TRUE(live);
  // Table-level indexes are read back with their columns and uniqueness.
  auto index = std::find_if(live->indexes.begin(), live->indexes.end(), [](const LiveIndex& i) {
    return i.name == "oauthClientResource_clientId_resourceId_uidx";
  });
  ASSERT_NE(index, live->indexes.end());
  EXPECT_EQ(index->columns, (std::vector<std::string>{"clientId", "resourceId"}));
  EXPECT_TRUE(index->unique);
}

void server_round_trip(const char* variable) {
  const char* text = std::getenv(variable);
  if (!text) GTEST_SKIP() << variable << " is not set";
  auto url = config::parse_database_url(text);
  ASSERT_TRUE(url) << url.error().describe();
  auto connection = db::open_connection(*url, {});
  ASSERT_TRUE(connection) << connection.error().describe();
  expect_round_trip(**connection, "all_plugins");
}

TEST(DialectIntrospect, PostgresRoundTripPlansNothing) { server_round_trip("AM_SCHEMA_TEST_POSTGRES_URL"); }
TEST(DialectIntrospect, MysqlRoundTripPlansNothing) { server_round_trip("AM_SCHEMA_TEST_MYSQL_URL"); }

}  // namespace
}  // namespace authmigrate::dialect
