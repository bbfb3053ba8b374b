// Expected names were produced by @better-auth/core 1.7.25's getDatabaseIndexName.
#include <gtest/gtest.h>

#include <authmigrate/schema/index_name.hpp>

namespace authmigrate::schema {
namespace {

TEST(SchemaIndexName, ShortNamesAreTableColumnsKind) {
  EXPECT_EQ(field_index_name("session", "userId", false), "session_userId_idx");
  EXPECT_EQ(field_index_name("user", "nick", true), "user_nick_uidx");
  EXPECT_EQ(generated_index_name("oauthClientResource", {"clientId", "resourceId"}, true),
            "oauthClientResource_clientId_resourceId_uidx");
}

TEST(SchemaIndexName, LongNamesAreTruncatedWithTheFnvHash) {
  EXPECT_EQ(generated_index_name("oauthClientResource", {"clientId", "resourceId", "anotherVeryLongColumnName"}, true),
            "oauthClientResource_clientId_resourceId_anotherVe_02e87918_uidx");
  EXPECT_EQ(field_index_name("a_really_long_table_name_for_testing_purposes", "and_a_long_column_name_too", false),
            "a_really_long_table_name_for_testing_purposes_and__3270d43a_idx");
}

TEST(SchemaIndexName, HashRunsOverUtf16AndTruncationKeepsWholeCodePoints) {
  // An astral character is two UTF-16 code units; a two-byte character must not be split.
  EXPECT_EQ(generated_index_name("tâble_ñame_with_ünïcode_characters_that_is_long", {"cölumn_😀_x", "b"}, false),
            "tâble_ñame_with_ünïcode_characters_that_is_lon_02276c8a_idx");
}

TEST(SchemaIndexName, ExactlySixtyThreeBytesIsKept) {
  std::string table(63 - std::string("_c_idx").size(), 't');
  EXPECT_EQ(field_index_name(table, "c", false), table + "_c_idx");
  EXPECT_NE(field_index_name(table + "t", "c", false), table + "t_c_idx");
  EXPECT_EQ(field_index_name(table + "t", "c", false).size(), 63u);
}

}  // namespace
}  // namespace authmigrate::schema
