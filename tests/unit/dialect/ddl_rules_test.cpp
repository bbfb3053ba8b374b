// The generator's changes between releases, at their boundaries (found by running every release's
// getMigrations: docs/releases.md).
#include <gtest/gtest.h>

#include <authmigrate/dialect/ddl_rules.hpp>
#include <authmigrate/dialect/sql_dialect.hpp>

namespace authmigrate::dialect {
namespace {

struct Boundary {
  const char* last_without;
  const char* first_with;
  bool DdlRules::*rule;
  const char* name;
};

TEST(DdlRules, EachChangeStartsAtItsRelease) {
  const Boundary boundaries[] = {
      {"1.3.6", "1.3.7", &DdlRules::timestamp_defaults, "timestamp defaults"},
      {"1.3.6", "1.3.7", &DdlRules::on_delete, "on delete"},
      {"1.3.23", "1.3.24", &DdlRules::own_on_delete, "the field's own onDelete"},
      {"1.3.9", "1.3.10", &DdlRules::jsonb, "jsonb"},
      {"1.3.24", "1.3.25", &DdlRules::serial_references_integer, "integer serial references"},
      {"1.3.34", "1.4.0", &DdlRules::field_indexes, "field indexes"},
      {"1.3.34", "1.4.0", &DdlRules::uuid_ids, "uuid ids"},
      {"1.3.34", "1.4.0", &DdlRules::identity_serial, "identity serial"},
      {"1.3.34", "1.4.0", &DdlRules::mysql_keyed_varchar, "MySQL keyed varchar"},
      {"1.4.5", "1.4.6", &DdlRules::mysql_arrays_json, "MySQL json arrays"},
      {"1.6.34", "1.7.0", &DdlRules::add_column_defaults, "ADD COLUMN defaults"},
      {"1.6.34", "1.7.0", &DdlRules::unique_added_as_index, "unique index for an added column"},
  };
  for (const auto& b : boundaries) {
    EXPECT_FALSE(ddl_rules(b.last_without).*b.rule) << b.name << " in " << b.last_without;
    EXPECT_TRUE(ddl_rules(b.first_with).*b.rule) << b.name << " in " << b.first_with;
  }
}

TEST(DdlRules, TheUniqueIndexTwinLivedFromOnePointFourToOnePointSixTwentyThree) {
  EXPECT_FALSE(ddl_rules("1.3.34").unique_index_twin);
  EXPECT_TRUE(ddl_rules("1.4.0").unique_index_twin);
  EXPECT_TRUE(ddl_rules("1.6.23").unique_index_twin);
  EXPECT_FALSE(ddl_rules("1.6.24").unique_index_twin);
  EXPECT_FALSE(ddl_rules("1.7.29").unique_index_twin);
}

TEST(DdlRules, DatesChangedTwice) {
  schema::Field date;
  date.type = schema::FieldType::date;
  auto pg = make_postgres_dialect();
  auto my = make_mysql_dialect();
  EXPECT_EQ(pg->field_type(date, std::nullopt, ddl_rules("1.3.10")), "timestamp");
  EXPECT_EQ(pg->field_type(date, std::nullopt, ddl_rules("1.3.11")), "timestamptz");
  EXPECT_EQ(my->field_type(date, std::nullopt, ddl_rules("1.3.10")), "datetime");
  EXPECT_EQ(my->field_type(date, std::nullopt, ddl_rules("1.3.11")), "timestamp");
  EXPECT_EQ(my->field_type(date, std::nullopt, ddl_rules("1.3.24")), "timestamp(3)");
  EXPECT_EQ(my->timestamp_default(ddl_rules("1.3.23")), "CURRENT_TIMESTAMP");
  EXPECT_EQ(my->timestamp_default(ddl_rules("1.3.24")), "CURRENT_TIMESTAMP(3)");
  EXPECT_FALSE(pg->timestamp_default(ddl_rules("1.3.6")).has_value());
}

TEST(DdlRules, NoVersionMeansTheNewestRules) {
  DdlRules newest = ddl_rules("");
  EXPECT_TRUE(newest.add_column_defaults);
  EXPECT_FALSE(newest.unique_index_twin);
  EXPECT_EQ(newest.date_era, 2);
  EXPECT_TRUE(ddl_rules("not a version").field_indexes);
}

}  // namespace
}  // namespace authmigrate::dialect
