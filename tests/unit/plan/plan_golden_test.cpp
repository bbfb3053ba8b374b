// The planner against the published better-auth 1.7.25: from an empty database (every golden
// configuration) and from existing tables (tests/golden/live/*.json, captured with a fake catalog
// by tests/golden/tools/capture-alter.mjs), the `generate` file and the summary lines must match.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include <authmigrate/plan/generate_file.hpp>
#include <authmigrate/plan/plan.hpp>
#include <authmigrate/plan/summary.hpp>
#include <authmigrate/schema/catalogue.hpp>
#include <authmigrate/schema/toml_config.hpp>

#include "../schema/golden_files.hpp"
#include "../support/catalogue_tables.hpp"

namespace authmigrate::plan {
namespace {

schema::Schema load_schema(const std::string& name) {
  auto options = schema::read_better_auth_toml(testing::read_golden("toml/" + name + ".toml"), name);
  EXPECT_TRUE(options) << options.error().describe();
  auto resolved = schema::resolve_schema(testing::golden_tables(options->value_or(schema::AuthOptions{}), name));
  EXPECT_TRUE(resolved) << resolved.error().describe();
  return *resolved;
}

// The live description shared with the capture script: table -> {rows, columns: [name, type, nullable]}.
struct LiveFixture {
  dialect::LiveSchema schema;
  std::set<std::string> populated;
};

LiveFixture load_live(const std::string& name) {
  auto json = nlohmann::ordered_json::parse(testing::read_golden("live/" + name + ".json"));
  LiveFixture fixture;
  for (const auto& [table, spec] : json["tables"].items()) {
    dialect::LiveTable live{table, {}};
    for (const auto& c : spec["columns"]) live.columns.push_back({c[0], c[1], c[2], false, std::nullopt});
    if (spec["rows"].get<bool>()) fixture.populated.insert(table);
    fixture.schema.tables.push_back(std::move(live));
  }
  for (const auto& i : json["indexes"])
    fixture.schema.indexes.push_back({i["table"], i["name"], i["columns"], i["unique"], true});
  return fixture;
}

const RowProbe kEmptyTables = [](std::string_view) -> Result<bool> { return false; };

class PlanFromEmpty : public ::testing::TestWithParam<std::string> {};

TEST_P(PlanFromEmpty, GenerateFileMatchesBetterAuthOnEveryDialect) {
  schema::Schema wanted = load_schema(GetParam());
  for (auto [kind, folder] :
       {std::pair{config::Dialect::postgres, "postgres"}, std::pair{config::Dialect::sqlite, "sqlite"},
        std::pair{config::Dialect::mysql, "mysql"}}) {
    auto d = dialect::make_dialect(kind);
    auto plan = make_plan(wanted, dialect::LiveSchema{}, *d, kEmptyTables);
    ASSERT_TRUE(plan) << plan.error().describe();
    EXPECT_EQ(generate_file_content(*plan), testing::read_golden(std::string(folder) + "/" + GetParam() + ".sql"))
        << folder;
    EXPECT_TRUE(plan->unsafe_changes.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Plan, PlanFromEmpty, ::testing::ValuesIn(testing::golden_cases()));

class PlanFromExisting : public ::testing::TestWithParam<std::string> {};

TEST_P(PlanFromExisting, GenerateFileAndSummaryMatchBetterAuth) {
  const std::string name = GetParam();
  schema::Schema wanted = load_schema(name);
  LiveFixture live = load_live(name);
  auto d = dialect::make_postgres_dialect();
  std::vector<std::string> probed;
  RowProbe probe = [&](std::string_view table) -> Result<bool> {
    probed.emplace_back(table);
    return live.populated.count(std::string(table)) > 0;
  };
  auto plan = make_plan(wanted, live.schema, *d, probe);
  ASSERT_TRUE(plan) << plan.error().describe();
  EXPECT_EQ(generate_file_content(*plan), testing::read_golden("postgres/" + name + ".sql"));
  std::string summary;
  for (const auto& line : summary_lines(wanted, *plan)) summary += line + "\n";
  for (const auto& problem : plan->schema_problems) summary += "problem: " + problem + "\n";
  EXPECT_EQ(summary, testing::read_golden("live/" + name + ".summary.txt"));
  // A table is probed at most once, and only when a required column without default is added.
  std::set<std::string> unique_probes(probed.begin(), probed.end());
  EXPECT_EQ(unique_probes.size(), probed.size());
}

INSTANTIATE_TEST_SUITE_P(Plan, PlanFromExisting,
                         ::testing::Values("alter_additional_fields", "alter_populated_plugins"));

}  // namespace
}  // namespace authmigrate::plan
