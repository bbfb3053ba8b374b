// parse_dotenv: the .env format as dotenv (Node) and dbmate read it.
#include <authmigrate/config/dotenv.hpp>

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace authmigrate::config {
namespace {

EnvEntries parse_ok(std::string_view text) {
  auto entries = parse_dotenv(text, ".env");
  EXPECT_TRUE(entries.has_value()) << text << ": " << (entries ? "" : entries.error().message);
  return entries ? *entries : EnvEntries{};
}

std::string error_of(std::string_view text) {
  auto entries = parse_dotenv(text, ".env");
  EXPECT_FALSE(entries.has_value()) << text << " parsed";
  if (entries) return "";
  EXPECT_EQ(entries.error().kind, ErrorKind::config);
  return entries.error().message;
}

TEST(Dotenv, KeyValueLinesInOrder) {
  EXPECT_EQ(parse_ok("A=1\nB=two\nC=three four\n"), (EnvEntries{{"A", "1"}, {"B", "two"}, {"C", "three four"}}));
}

TEST(Dotenv, EmptyTextHasNoEntries) {
  EXPECT_TRUE(parse_ok("").empty());
  EXPECT_TRUE(parse_ok("\n\n   \n\t\n").empty());
}

TEST(Dotenv, LastLineNeedsNoNewline) { EXPECT_EQ(parse_ok("A=1\nB=2"), (EnvEntries{{"A", "1"}, {"B", "2"}})); }

TEST(Dotenv, ExportPrefixIsIgnored) {
  EXPECT_EQ(parse_ok("export A=1\nexport\tB=2\n  export   C = 3"), (EnvEntries{{"A", "1"}, {"B", "2"}, {"C", "3"}}));
}

TEST(Dotenv, ExportAloneBeforeEqualsIsAKey) {
  EXPECT_EQ(parse_ok("export=1\nexport =2"), (EnvEntries{{"export", "2"}}));
}

TEST(Dotenv, WhitespaceAroundKeyAndEqualsIsTolerated) {
  EXPECT_EQ(parse_ok("  A  =  1  \n\tB\t=\tx y\t\n"), (EnvEntries{{"A", "1"}, {"B", "x y"}}));
}

TEST(Dotenv, KeysMayHoldDotsAndDashes) {
  EXPECT_EQ(parse_ok("a.b-c_D9=1\n_X=2"), (EnvEntries{{"a.b-c_D9", "1"}, {"_X", "2"}}));
}

TEST(Dotenv, FullLineCommentsAndBlankLinesAreSkipped) {
  EXPECT_EQ(parse_ok("# top\n\n   # indented\nA=1\n\n#B=2\n"), (EnvEntries{{"A", "1"}}));
}

TEST(Dotenv, InlineCommentNeedsWhitespaceBeforeIt) {
  EXPECT_EQ(parse_ok("A=1 # note\nB=x#y\nC=x\t#tab\nD= #only a comment\nE=#not-a-comment"),
            (EnvEntries{{"A", "1"}, {"B", "x#y"}, {"C", "x"}, {"D", ""}, {"E", "#not-a-comment"}}));
}

TEST(Dotenv, EmptyValues) {
  EXPECT_EQ(parse_ok("A=\nB=\"\"\nC=''\nD=``\nE=   "),
            (EnvEntries{{"A", ""}, {"B", ""}, {"C", ""}, {"D", ""}, {"E", ""}}));
}

TEST(Dotenv, UnquotedValueIsTakenAsWritten) {
  EXPECT_EQ(parse_ok("URL=postgres://u:p@h/db?a=b&c=d\nQ=it's \"ok\"\nS=${HOME}/x"),
            (EnvEntries{{"URL", "postgres://u:p@h/db?a=b&c=d"}, {"Q", "it's \"ok\""}, {"S", "${HOME}/x"}}));
}

TEST(Dotenv, CrlfAndLoneCrLineEndings) {
  EXPECT_EQ(parse_ok("A=1\r\n\r\nB=2\r\nC=\"x\r\ny\"\rD=4"),
            (EnvEntries{{"A", "1"}, {"B", "2"}, {"C", "x\ny"}, {"D", "4"}}));
}

TEST(Dotenv, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(parse_ok("\xEF\xBB\xBF"
                     "A=1"),
            (EnvEntries{{"A", "1"}}));
}

TEST(Dotenv, SingleQuotesAreLiteral) {
  EXPECT_EQ(parse_ok(R"(A='a\nb # not a comment "q"')"), (EnvEntries{{"A", R"(a\nb # not a comment "q")"}}));
}

TEST(Dotenv, DoubleQuotesUnderstandEscapes) {
  EXPECT_EQ(parse_ok(R"(A="a\nb\r\tc \"q\" \\ \d")"), (EnvEntries{{"A", "a\nb\r\tc \"q\" \\ \\d"}}));
}

TEST(Dotenv, BackticksAreLiteral) { EXPECT_EQ(parse_ok(R"(A=`it's "q" \n`)"), (EnvEntries{{"A", R"(it's "q" \n)"}})); }

TEST(Dotenv, QuotesKeepInnerWhitespaceAndAllowATrailingComment) {
  EXPECT_EQ(parse_ok("A=\"  x  \"   # c\nB='#x' #c\nC=  `y`"), (EnvEntries{{"A", "  x  "}, {"B", "#x"}, {"C", "y"}}));
}

TEST(Dotenv, QuotedValuesMaySpanLines) {
  EXPECT_EQ(parse_ok("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nB='1\n2'\nC=`3\n\n4`\nD=5"),
            (EnvEntries{{"KEY", "-----BEGIN-----\nabc\n-----END-----"}, {"B", "1\n2"}, {"C", "3\n\n4"}, {"D", "5"}}));
}

TEST(Dotenv, LaterDuplicateOverridesButKeepsFirstPosition) {
  EXPECT_EQ(parse_ok("A=1\nB=2\nA=3\n"), (EnvEntries{{"A", "3"}, {"B", "2"}}));
}

TEST(Dotenv, ValueMayContainEquals) { EXPECT_EQ(parse_ok("A=b=c=="), (EnvEntries{{"A", "b=c=="}})); }

// ---- errors ------------------------------------------------------------------------------------------

TEST(Dotenv, LineWithoutEqualsIsAnErrorWithItsLine) {
  EXPECT_EQ(error_of("A=1\n\ngarbage\n"), R"(.env:3: expected KEY=value, got "garbage")");
}

TEST(Dotenv, SourceNameIsUsedInErrors) {
  auto entries = parse_dotenv("oops", "config/.env.local");
  ASSERT_FALSE(entries);
  EXPECT_EQ(entries.error().message, R"(config/.env.local:1: expected KEY=value, got "oops")");
}

TEST(Dotenv, UnterminatedQuotePointsAtTheOpeningLine) {
  EXPECT_EQ(error_of("A=1\nB=2\n\n# c\nC=\"abc\nD=4\n"), ".env:5: unterminated double-quoted value (opened here)");
  EXPECT_EQ(error_of("A='abc"), ".env:1: unterminated single-quoted value (opened here)");
  EXPECT_EQ(error_of("\nA=`abc"), ".env:2: unterminated backtick-quoted value (opened here)");
  EXPECT_EQ(error_of(R"(A="abc\")"), ".env:1: unterminated double-quoted value (opened here)");
}

TEST(Dotenv, LineNumbersCountLinesInsideQuotedValues) {
  EXPECT_EQ(error_of("A=\"x\ny\nz\"\ngarbage"), R"(.env:4: expected KEY=value, got "garbage")");
  EXPECT_EQ(error_of("A=1\r\nB=2\r\nbad line\r\n"), R"(.env:3: expected KEY=value, got "bad ...")");
}

TEST(Dotenv, InvalidKeysAreNamed) {
  EXPECT_EQ(error_of("1A=x"),
            R"(.env:1: invalid key "1A" (use letters, digits, "_", "." and "-", starting with a letter or "_"))");
  EXPECT_EQ(error_of("MY$KEY=x"),
            R"(.env:1: invalid key "MY$KEY" (use letters, digits, "_", "." and "-", starting with a letter or "_"))");
  EXPECT_EQ(error_of("-A=x").substr(0, 23), R"(.env:1: invalid key "-A)");
}

TEST(Dotenv, MissingKeyBeforeEquals) { EXPECT_EQ(error_of("A=1\n  =x"), R"(.env:2: missing key before "=")"); }

TEST(Dotenv, TextAfterClosingQuoteIsAnError) {
  EXPECT_EQ(error_of(R"(A="x" y)"), ".env:1: unexpected text after the closing double quote");
  EXPECT_EQ(error_of("A='x'y"), ".env:1: unexpected text after the closing single quote");
}

TEST(Dotenv, EveryBadLineIsReportedAtOnce) {
  EXPECT_EQ(error_of("garbage\nA=1\nfoo bar\n=x\n"),
            R"(.env:1: expected KEY=value, got "garbage" (and 2 more on lines 3, 4))");
  EXPECT_EQ(error_of("x\ny"), R"(.env:1: expected KEY=value, got "x" (and 1 more on line 2))");
}

TEST(Dotenv, ErrorsDoNotEchoWhatFollowsTheFirstWord) {
  auto message = error_of("DATABASE_URL: postgres://app:S3cr3tPw@db/x");
  EXPECT_EQ(message, R"(.env:1: expected KEY=value, got "DATABASE_URL: ...")");
  EXPECT_EQ(error_of("DATABASE_URL:postgres://app:S3cr3tPw@db/x"),
            R"(.env:1: expected KEY=value, got "DATABASE_URL: ...")");
  EXPECT_EQ(error_of("postgres://app:S3cr3tPw@db/x"), R"(.env:1: expected KEY=value, got "postgres: ...")");
  EXPECT_EQ(error_of("export PASSWORD S3cr3tPw").find("S3cr3tPw"), std::string::npos);
  EXPECT_EQ(error_of("1PASS=S3cr3tPw").find("S3cr3tPw"), std::string::npos);
}

TEST(Dotenv, ControlCharactersInErrorsAreEscaped) {
  EXPECT_EQ(error_of("\x01\x02"), R"(.env:1: expected KEY=value, got "\x01\x02")");
}

TEST(Dotenv, ArbitraryInputNeverCrashes) {
  std::mt19937 random(2024);
  const std::string_view pieces[] = {"A",
                                     "=",
                                     "\"",
                                     "'",
                                     "`",
                                     "\\",
                                     "#",
                                     " ",
                                     "\t",
                                     "\n",
                                     "\r",
                                     "export ",
                                     "1",
                                     ".",
                                     "\xEF\xBB\xBF",
                                     std::string_view("\0", 1),
                                     "\xff",
                                     "x",
                                     ":"};
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = random() % 16; n > 0; --n) text += pieces[random() % std::size(pieces)];
    auto entries = parse_dotenv(text, ".env");
    if (!entries) {
      EXPECT_EQ(entries.error().kind, ErrorKind::config) << text;
    }
  }
}

}  // namespace
}  // namespace authmigrate::config
