// The differences between dialects that the fresh-schema goldens do not reach: the ALTER path's
// literal defaults, quoting of awkward names, and number formatting.
#include <gtest/gtest.h>

#include <authmigrate/dialect/change_set.hpp>
#include <authmigrate/dialect/ddl.hpp>
#include <authmigrate/schema/schema.hpp>

namespace authmigrate::dialect {
namespace {

schema::Schema one_table(schema::Field field) {
  schema::AuthTables tables;
  tables.tables.push_back(schema::Table{"user", "user", 1, false, {std::move(field)}, {}});
  return *schema::resolve_schema(tables);
}

schema::Field field(std::string key, schema::FieldType type) {
  schema::Field f;
  f.key = std::move(key);
  f.type = type;
  return f;
}

std::string add_column(const SqlDialect& d, const schema::Schema& s) {
  return render_add_column(d, s, s.tables[0], s.tables[0].columns[0]);
}

TEST(DialectDdl, BooleanDefaultsAreOneAndZeroOnSqliteOnly) {
  schema::Field banned = field("banned", schema::FieldType::boolean);
  banned.required = false;
  banned.default_value = false;
  auto s = one_table(banned);
  EXPECT_EQ(add_column(*make_sqlite_dialect(), s), "alter table \"user\" add column \"banned\" integer default 0");
  EXPECT_EQ(add_column(*make_postgres_dialect(), s),
            "alter table \"user\" add column \"banned\" boolean default false");
  EXPECT_EQ(add_column(*make_mysql_dialect(), s), "alter table `user` add column `banned` boolean default false");
  // CREATE TABLE never carries the literal default.
  EXPECT_EQ(render_create_table(*make_sqlite_dialect(), s, s.tables[0]),
            "create table \"user\" (\"id\" text not null primary key, \"banned\" integer)");
}

TEST(DialectDdl, MysqlStringLiteralsDoubleBackslashes) {
  schema::Field quote = field("quote", schema::FieldType::string);
  quote.default_value = std::string("it's \\ ok");
  auto s = one_table(quote);
  EXPECT_EQ(add_column(*make_mysql_dialect(), s),
            "alter table `user` add column `quote` text default 'it''s \\\\ ok' not null");
  EXPECT_EQ(add_column(*make_postgres_dialect(), s),
            "alter table \"user\" add column \"quote\" text default 'it''s \\ ok' not null");
}

TEST(DialectDdl, OptionalUniqueColumnGetsNoStaticDefault) {
  schema::Field code = field("code", schema::FieldType::string);
  code.required = false;
  code.unique = true;
  code.default_value = std::string("x");
  auto s = one_table(code);
  EXPECT_EQ(add_column(*make_postgres_dialect(), s), "alter table \"user\" add column \"code\" text");
}

TEST(DialectDdl, TimestampDefaultNeverOnSqlite) {
  schema::Field seen = field("seen", schema::FieldType::date);
  seen.default_value = schema::DefaultFunction{};
  auto s = one_table(seen);
  EXPECT_EQ(add_column(*make_sqlite_dialect(), s), "alter table \"user\" add column \"seen\" date not null");
  EXPECT_EQ(add_column(*make_mysql_dialect(), s),
            "alter table `user` add column `seen` timestamp(3) default CURRENT_TIMESTAMP(3) not null");
}

TEST(DialectDdl, IdentifiersDoubleTheirQuoteCharacter) {
  EXPECT_EQ(make_postgres_dialect()->quote_identifier("we\"ird"), "\"we\"\"ird\"");
  EXPECT_EQ(make_mysql_dialect()->quote_identifier("we`ird\""), "`we``ird\"`");
  EXPECT_EQ(render_create_index(*make_sqlite_dialect(), "i", "", "t", {"a", "b"}, true),
            "create unique index \"i\" on \"t\" (\"a\", \"b\")");
}

// database.schemaName: every table qualified, indexes named bare, and `create schema` only first and
// only when a table is created (Better Auth 1.7.7+).
TEST(DialectDdl, SchemaNameQualifiesTablesAndCreatesTheSchemaOnlyForNewTables) {
  schema::Field plan = field("plan", schema::FieldType::string);
  plan.index = true;
  schema::Schema s = one_table(plan);
  s.schema_name = "auth";
  auto pg = make_postgres_dialect();
  ChangeSet create;
  create.tables_to_create = {"user"};
  auto made = render_statements(*pg, s, create);
  ASSERT_EQ(made.size(), 3u);
  EXPECT_EQ(made[0], "create schema if not exists \"auth\"");
  EXPECT_EQ(made[1].rfind("create table \"auth\".\"user\" (", 0), 0u) << made[1];
  EXPECT_EQ(made[2], "create index \"user_plan_idx\" on \"auth\".\"user\" (\"plan\")");
  ChangeSet add;
  add.columns_to_add = {{"user", {"plan"}}};
  auto added = render_statements(*pg, s, add);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0], "alter table \"auth\".\"user\" add column \"plan\" text not null");
  EXPECT_TRUE(check_schema_name(s, config::Dialect::postgres).has_value());
  auto refused = check_schema_name(s, config::Dialect::sqlite);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("only supported on PostgreSQL"), std::string::npos);
}

TEST(DialectDdl, NumbersAreWrittenAsJavaScriptWritesThem) {
  EXPECT_EQ(js_number(86400000), "86400000");
  EXPECT_EQ(js_number(0), "0");
  EXPECT_EQ(js_number(-3), "-3");
  EXPECT_EQ(js_number(0.5), "0.5");
  EXPECT_EQ(js_number(1e21), "1e+21");
  EXPECT_EQ(js_number(1.5e-7), "1.5e-7");
}

TEST(DialectDdl, MysqlBoundsStringsInCompoundIndexesByTheKeyBudget) {
  schema::AuthTables tables;
  schema::Field a = field("a", schema::FieldType::string);
  schema::Field b = field("b", schema::FieldType::string);
  schema::Field n = field("n", schema::FieldType::number);
  tables.tables.push_back(schema::Table{
      "t", "t", std::nullopt, false, {a, b, n}, {schema::IndexSpec{{"a", "b", "n"}, false, std::nullopt}}});
  auto s = *schema::resolve_schema(tables);
  auto d = make_mysql_dialect();
  // floor((3072 - 16) / 4 / 2) = 382, capped at 191.
  EXPECT_EQ(index_string_length(*d, s.tables[0], "a"), 191);
  EXPECT_EQ(index_string_length(*make_postgres_dialect(), s.tables[0], "a"), std::nullopt);
  EXPECT_EQ(column_type(*d, s, s.tables[0], s.tables[0].columns[1]), "varchar(191)");
}

TEST(DialectDdl, ColumnTypeNamesAcceptedOnExistingColumns) {
  schema::Field flag = field("flag", schema::FieldType::boolean);
  EXPECT_TRUE(make_mysql_dialect()->accepts_column_type("tinyint(1)", flag));
  EXPECT_TRUE(make_postgres_dialect()->accepts_column_type("bool", flag));
  EXPECT_FALSE(make_postgres_dialect()->accepts_column_type("text", flag));
  schema::Field tags = field("tags", schema::FieldType::string_array);
  EXPECT_TRUE(make_postgres_dialect()->accepts_column_type("jsonb", tags));
  EXPECT_FALSE(make_sqlite_dialect()->accepts_column_type("TEXT", tags));
}

}  // namespace
}  // namespace authmigrate::dialect
