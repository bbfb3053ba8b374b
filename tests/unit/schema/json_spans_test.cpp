// json_spans finds a part of a JSON text without parsing the rest: every case is checked against what
// a full parse (nlohmann) says the same text holds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <authmigrate/schema/catalogue_data.hpp>
#include <authmigrate/schema/json_spans.hpp>

namespace authmigrate::schema {
namespace {

struct MemberCase {
  const char* object;
  const char* key;
  const char* expected;  // the value as written; "" when absent
};

TEST(SchemaJsonSpans, MemberFindsTheValueAsWritten) {
  const MemberCase cases[] = {
      {R"({"a":1,"b":"two"})", "b", R"("two")"},
      {R"({"a":1,"b":"two"})", "a", "1"},
      {R"( { "a" : [1, {"b": 2}] , "b" : {"c":"}"} } )", "b", R"({"c":"}"})"},
      {R"({"a":"x\"b\":1","b":true})", "b", "true"},  // a quote escaped inside a string
      {R"({"a":"x\\","b":2})", "b", "2"},             // an escaped backslash: the quote after it ends the string
      {R"({"a":"\\\"}","b":3})", "b", "3"},           // a backslash, then an escaped quote
      {R"({"a":"\\","b":"\"\\"})", "b", R"("\"\\")"},
      {R"({"a":"unterminated\"})", "a", ""},
      {R"({"a":{"b":1}})", "b", ""},  // nested members are not top-level ones
      {R"({"a":null})", "a", "null"},
      {R"({"a":-1.5e3,"b":2})", "a", "-1.5e3"},
      {R"({})", "a", ""},
      {R"([{"a":1}])", "a", ""},  // not an object
      {R"({"a":1,)", "b", ""},    // cut short
      {"", "a", ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(json_spans::member(c.object, c.key), c.expected) << c.object << " [" << c.key << "]";
}

TEST(SchemaJsonSpans, ElementsSplitAnArrayAsWritten) {
  using List = std::vector<std::string_view>;
  EXPECT_EQ(json_spans::elements(R"([1, "a,]", {"b":[2,3]}, [], null])"),
            (List{"1", R"("a,]")", R"({"b":[2,3]})", "[]", "null"}));
  EXPECT_EQ(json_spans::elements("[]"), List{});
  EXPECT_EQ(json_spans::elements(" [ \"x\" ] "), List{R"("x")"});
  EXPECT_EQ(json_spans::elements(R"([1, 2)"), List{});  // cut short: nothing, not a guess
  EXPECT_EQ(json_spans::elements(R"({"a":1})"), List{});
}

TEST(SchemaJsonSpans, MemberNamesInOrder) {
  using List = std::vector<std::string_view>;
  EXPECT_EQ(json_spans::member_names(R"({"b":1, "a":{"c":2}, "d":"e"})"), (List{"b", "a", "d"}));
  EXPECT_EQ(json_spans::member_names("{}"), List{});
  EXPECT_EQ(json_spans::member_names(R"({"a":1,"b")"), List{});
  EXPECT_EQ(json_spans::member_names("[1]"), List{});
}

TEST(SchemaJsonSpans, PlainStringHasNoEscapes) {
  EXPECT_EQ(json_spans::plain_string(R"("1.7.3")"), "1.7.3");
  EXPECT_EQ(json_spans::plain_string(R"("")"), "");
  EXPECT_EQ(json_spans::plain_string(R"("a\"b")"), std::nullopt);
  EXPECT_EQ(json_spans::plain_string("17"), std::nullopt);
  EXPECT_EQ(json_spans::plain_string("\""), std::nullopt);
}

// On the catalogue the binary carries, the spans are exactly what a full parse reads.
TEST(SchemaJsonSpans, EveryCatalogueRangeIsWhatAFullParseReads) {
  for (const auto& doc : catalogue_documents()) {
    std::string_view ranges = json_spans::member(doc.text, "ranges");
    auto whole = nlohmann::ordered_json::parse(doc.text);
    if (!whole.contains("ranges")) {
      EXPECT_EQ(ranges, "") << doc.name;
      continue;
    }
    auto spans = json_spans::elements(ranges);
    ASSERT_EQ(spans.size(), whole["ranges"].size()) << doc.name;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      EXPECT_EQ(nlohmann::ordered_json::parse(spans[i]), whole["ranges"][i]) << doc.name << " range " << i;
      EXPECT_EQ(json_spans::plain_string(json_spans::member(spans[i], "from")),
                whole["ranges"][i]["from"].get<std::string>());
    }
  }
}

}  // namespace
}  // namespace authmigrate::schema
