// Fresh-database DDL against the golden files, which are the `generate` output of the published
// better-auth 1.7.25 for the same configurations (tests/golden/tools/capture.mjs). Byte for byte.
#include <gtest/gtest.h>

#include <authmigrate/dialect/change_set.hpp>
#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/schema_json.hpp>
#include <authmigrate/schema/toml_config.hpp>

#include "../schema/golden_files.hpp"
#include "../support/catalogue_tables.hpp"

namespace authmigrate::dialect {
namespace {

// Every table and table-level index of the schema is missing: what an empty database needs.
ChangeSet everything(const schema::Schema& schema) {
  ChangeSet changes;
  for (const auto& table : schema.tables) {
    if (table.disable_migrations) continue;
    changes.tables_to_create.push_back(table.name);
    for (const auto& index : table.indexes) changes.indexes_to_add.push_back({table.name, index});
  }
  return changes;
}

struct Case {
  std::string name;
  config::Dialect dialect;
};

std::string dialect_folder(config::Dialect d);

void PrintTo(const Case& c, std::ostream* os) { *os << c.name << "/" << dialect_folder(c.dialect); }

std::string dialect_folder(config::Dialect d) {
  return d == config::Dialect::postgres ? "postgres" : d == config::Dialect::mysql ? "mysql" : "sqlite";
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const auto& name : testing::golden_cases()) {
    for (auto d : {config::Dialect::postgres, config::Dialect::sqlite, config::Dialect::mysql})
      cases.push_back({name, d});
  }
  return cases;
}

class DialectGolden : public ::testing::TestWithParam<Case> {};

TEST_P(DialectGolden, FreshSchemaFromTomlMatchesBetterAuth) {
  const Case& c = GetParam();
  auto options = schema::read_better_auth_toml(testing::read_golden("toml/" + c.name + ".toml"), c.name);
  ASSERT_TRUE(options) << options.error().describe();
  auto resolved = schema::resolve_schema(testing::golden_tables(options->value_or(schema::AuthOptions{}), c.name));
  ASSERT_TRUE(resolved) << resolved.error().describe();
  auto dialect = make_dialect(c.dialect);
  std::string expected = testing::read_golden(dialect_folder(c.dialect) + "/" + c.name + ".sql");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(join_statements(render_statements(*dialect, *resolved, everything(*resolved))), expected);
}

TEST_P(DialectGolden, FreshSchemaFromExportedJsonMatchesBetterAuth) {
  const Case& c = GetParam();
  auto tables = schema::read_schema_json(testing::read_golden("json/" + c.name + ".json"), c.name);
  ASSERT_TRUE(tables) << tables.error().describe();
  auto resolved = schema::resolve_schema(*tables);
  ASSERT_TRUE(resolved) << resolved.error().describe();
  auto dialect = make_dialect(c.dialect);
  EXPECT_EQ(join_statements(render_statements(*dialect, *resolved, everything(*resolved))),
            testing::read_golden(dialect_folder(c.dialect) + "/" + c.name + ".sql"));
}

INSTANTIATE_TEST_SUITE_P(Dialect, DialectGolden, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return param.param.name + "_" + dialect_folder(param.param.dialect);
                         });

}  // namespace
}  // namespace authmigrate::dialect
