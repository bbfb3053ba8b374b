// parse_database_url, DatabaseUrl::redacted and DatabaseUrl::libpq_conninfo.
#include <authmigrate/config/database_url.hpp>

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace authmigrate::config {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

DatabaseUrl parse_ok(std::string_view text) {
  auto url = parse_database_url(text);
  EXPECT_TRUE(url.has_value()) << text << ": " << (url ? "" : url.error().message);
  return url ? *url : DatabaseUrl{};
}

Error parse_error(std::string_view text) {
  auto url = parse_database_url(text);
  EXPECT_FALSE(url.has_value()) << text << " parsed";
  return url ? Error{} : url.error();
}

// ---- good URLs -------------------------------------------------------------------------------

TEST(DatabaseUrl, PostgresUrlIsSplitIntoItsParts) {
  auto url = parse_ok(
      "postgres://app:S3cr3tPw@db.example.com:6543/appdb?sslmode=require&connect_timeout=10"
      "&application_name=auth%20migrate");
  EXPECT_EQ(url.dialect, Dialect::postgres);
  EXPECT_EQ(url.scheme, "postgres");
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, "S3cr3tPw");
  EXPECT_EQ(url.host, "db.example.com");
  EXPECT_EQ(url.port, 6543);
  EXPECT_EQ(url.database, "appdb");
  EXPECT_EQ(url.params,
            (Params{{"sslmode", "require"}, {"connect_timeout", "10"}, {"application_name", "auth migrate"}}));
}

TEST(DatabaseUrl, PostgresqlSchemeIsPostgres) {
  auto url = parse_ok("postgresql://app@localhost/appdb");
  EXPECT_EQ(url.dialect, Dialect::postgres);
  EXPECT_EQ(url.scheme, "postgresql");
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, std::nullopt);
  EXPECT_EQ(url.host, "localhost");
  EXPECT_EQ(url.port, std::nullopt);
  EXPECT_EQ(url.database, "appdb");
}

TEST(DatabaseUrl, SchemeIsCaseInsensitiveAndStoredLowerCase) {
  auto url = parse_ok("PostgreSQL://db/x");
  EXPECT_EQ(url.scheme, "postgresql");
  EXPECT_EQ(url.dialect, Dialect::postgres);
}

TEST(DatabaseUrl, BarePostgresUrlMeansAllDefaults) {
  auto url = parse_ok("postgres://");
  EXPECT_EQ(url.host, "");
  EXPECT_EQ(url.user, "");
  EXPECT_EQ(url.database, "");
  EXPECT_EQ(url.port, std::nullopt);
  EXPECT_TRUE(url.params.empty());
}

TEST(DatabaseUrl, PostgresAllowsAnEmptyHostForTheDefaultSocket) {
  auto url = parse_ok("postgres://app:pw@/appdb");
  EXPECT_EQ(url.host, "");
  EXPECT_EQ(url.database, "appdb");
}

TEST(DatabaseUrl, UnixSocketFolderFromHostParameter) {
  auto url = parse_ok("postgresql:///appdb?host=/var/run/postgresql&sslmode=disable");
  EXPECT_EQ(url.host, "/var/run/postgresql");
  EXPECT_EQ(url.database, "appdb");
  EXPECT_EQ(url.params, (Params{{"host", "/var/run/postgresql"}, {"sslmode", "disable"}}));
  EXPECT_EQ(url.redacted(), "postgresql:///appdb?host=/var/run/postgresql&sslmode=disable");
  EXPECT_EQ(url.libpq_conninfo(), "host='/var/run/postgresql' dbname='appdb' sslmode='disable'");
}

TEST(DatabaseUrl, PercentEncodedUnixSocketFolderInTheHost) {
  auto url = parse_ok("postgres://%2Fvar%2Frun%2Fpostgresql/appdb");
  EXPECT_EQ(url.host, "/var/run/postgresql");
  EXPECT_EQ(url.redacted(), "postgres://%2Fvar%2Frun%2Fpostgresql/appdb");
}

TEST(DatabaseUrl, Ipv6HostIsStoredWithoutBrackets) {
  auto url = parse_ok("postgres://app@[::1]:5432/appdb");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.port, 5432);
  EXPECT_EQ(url.redacted(), "postgres://app@[::1]:5432/appdb");
  EXPECT_EQ(url.libpq_conninfo(), "host='::1' port='5432' user='app' dbname='appdb'");
}

TEST(DatabaseUrl, PercentEncodedPasswordIsDecoded) {
  auto url = parse_ok("postgres://app:p%40ss%3Aw%2Fo%3Frd%23%25%20x%26y@db/x");
  EXPECT_EQ(url.password, "p@ss:w/o?rd#% x&y");
  EXPECT_EQ(url.host, "db");
}

TEST(DatabaseUrl, RawAtSignInPasswordUsesTheLastAtAsSeparator) {
  auto url = parse_ok("postgres://app:S3cr@3t@Pw@db:5432/x");
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, "S3cr@3t@Pw");
  EXPECT_EQ(url.host, "db");
  EXPECT_EQ(url.port, 5432);
}

TEST(DatabaseUrl, RawColonInPasswordBelongsToThePassword) {
  auto url = parse_ok("mysql://app:a:b:c@db/x");
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, "a:b:c");
}

TEST(DatabaseUrl, EmptyPasswordIsPresentButEmpty) {
  auto url = parse_ok("postgres://app:@db/x");
  EXPECT_EQ(url.password, "");
}

TEST(DatabaseUrl, PercentEncodedUserAndDatabaseAreDecoded) {
  auto url = parse_ok("postgres://app%40corp@db/my%20db%2Fx");
  EXPECT_EQ(url.user, "app@corp");
  EXPECT_EQ(url.database, "my db/x");
}

TEST(DatabaseUrl, QueryParametersAreDecodedButPlusStaysPlus) {
  auto url = parse_ok("postgres://db/x?options=-c%20search_path%3Dauth+x&application_name=a+b");
  EXPECT_EQ(url.param("options"), "-c search_path=auth+x");
  EXPECT_EQ(url.param("application_name"), "a+b");
}

TEST(DatabaseUrl, RepeatedParameterKeepsBothAndParamReturnsTheFirst) {
  auto url = parse_ok("postgres://db/x?sslmode=disable&&sslmode=require&");
  EXPECT_EQ(url.params, (Params{{"sslmode", "disable"}, {"sslmode", "require"}}));
  EXPECT_EQ(url.param("sslmode"), "disable");
  EXPECT_EQ(url.param("missing"), std::nullopt);
}

TEST(DatabaseUrl, MysqlUrlIsSplitIntoItsParts) {
  auto url = parse_ok("mysql://root:S3cr3tPw@127.0.0.1:3306/app?charset=utf8mb4");
  EXPECT_EQ(url.dialect, Dialect::mysql);
  EXPECT_EQ(url.scheme, "mysql");
  EXPECT_EQ(url.user, "root");
  EXPECT_EQ(url.password, "S3cr3tPw");
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 3306);
  EXPECT_EQ(url.database, "app");
  EXPECT_EQ(url.params, (Params{{"charset", "utf8mb4"}}));
}

TEST(DatabaseUrl, MariadbSchemeIsMysql) {
  auto url = parse_ok("mariadb://u:p@localhost/app");
  EXPECT_EQ(url.dialect, Dialect::mysql);
  EXPECT_EQ(url.scheme, "mariadb");
  EXPECT_EQ(url.host, "localhost");
}

TEST(DatabaseUrl, MysqlWithoutHostIsFineWithASocketParameter) {
  auto url = parse_ok("mysql://app:pw@/app?socket=/run/mysqld/mysqld.sock");
  EXPECT_EQ(url.host, "");
  EXPECT_EQ(url.param("socket"), "/run/mysqld/mysqld.sock");
}

struct SqliteCase {
  std::string_view text;
  std::string_view scheme;
  std::string_view path;
};

TEST(DatabaseUrl, SqliteFormsGiveTheFilePath) {
  const SqliteCase cases[] = {
      {"sqlite:./app.db", "sqlite", "./app.db"},
      {"sqlite:app.db", "sqlite", "app.db"},
      {"sqlite:/abs/path/app.db", "sqlite", "/abs/path/app.db"},
      {"sqlite:///abs/path/app.db", "sqlite", "/abs/path/app.db"},
      {"sqlite://rel.db", "sqlite", "rel.db"},
      {"sqlite::memory:", "sqlite", ":memory:"},
      {"file:./app.db", "file", "./app.db"},
      {"file:///tmp/app.db", "file", "/tmp/app.db"},
      {"sqlite:./my%20app.db", "sqlite", "./my app.db"},
      {"sqlite:./data@home.db", "sqlite", "./data@home.db"},
  };
  for (const auto& c : cases) {
    auto url = parse_ok(c.text);
    EXPECT_EQ(url.dialect, Dialect::sqlite) << c.text;
    EXPECT_EQ(url.scheme, c.scheme) << c.text;
    EXPECT_EQ(url.database, c.path) << c.text;
    EXPECT_EQ(url.host, "") << c.text;
    EXPECT_TRUE(url.params.empty()) << c.text;
  }
}

TEST(DatabaseUrl, SqliteAcceptsQueryParameters) {
  auto url = parse_ok("sqlite:./app.db?mode=ro&cache=shared");
  EXPECT_EQ(url.database, "./app.db");
  EXPECT_EQ(url.params, (Params{{"mode", "ro"}, {"cache", "shared"}}));
  EXPECT_EQ(url.redacted(), "sqlite:./app.db?mode=ro&cache=shared");
}

TEST(DatabaseUrl, DialectNames) {
  EXPECT_EQ(to_string(Dialect::postgres), "postgres");
  EXPECT_EQ(to_string(Dialect::sqlite), "sqlite");
  EXPECT_EQ(to_string(Dialect::mysql), "mysql");
}

// ---- redacted() and libpq_conninfo() --------------------------------------------------------------

TEST(DatabaseUrl, RedactedMasksThePasswordAndPasswordParameters) {
  auto url = parse_ok("postgres://app:S3cr3tPw@db.example.com:6543/appdb?sslmode=require&password=S3cr3tPw");
  EXPECT_EQ(url.redacted(), "postgres://app:****@db.example.com:6543/appdb?sslmode=require&password=****");
}

TEST(DatabaseUrl, RedactedKeepsUserHostAndReencodesWhatNeedsIt) {
  auto url = parse_ok("mysql://app%40corp:p%40ss@db:3306/my%20db?application_name=a%26b");
  EXPECT_EQ(url.redacted(), "mysql://app%40corp:****@db:3306/my%20db?application_name=a%26b");
}

TEST(DatabaseUrl, RedactedOfSqliteIsSchemeAndPath) {
  EXPECT_EQ(parse_ok("sqlite:///abs/app.db").redacted(), "sqlite:/abs/app.db");
  EXPECT_EQ(parse_ok("sqlite::memory:").redacted(), "sqlite::memory:");
  EXPECT_EQ(parse_ok("file:./app.db").redacted(), "file:./app.db");
}

TEST(DatabaseUrl, RedactedWithoutPasswordParsesBackToTheSameUrl) {
  const std::string_view urls[] = {
      "postgres://app@db.example.com:6543/appdb?sslmode=require&application_name=a%20b",
      "postgresql:///appdb?host=/var/run/postgresql",
      "postgres://%2Ftmp/appdb",
      "postgres://app@[2001:db8::1]:5432/x%3Fy",
      "mysql://root@localhost/app?socket=/tmp/m.sock",
      "sqlite:///abs/path/app%23x.db?mode=ro",
      "sqlite::memory:",
  };
  for (auto text : urls) {
    auto url = parse_ok(text);
    auto again = parse_ok(url.redacted());
    EXPECT_EQ(again.dialect, url.dialect) << text;
    EXPECT_EQ(again.user, url.user) << text;
    EXPECT_EQ(again.host, url.host) << text;
    EXPECT_EQ(again.port, url.port) << text;
    EXPECT_EQ(again.database, url.database) << text;
    EXPECT_EQ(again.params, url.params) << text;
  }
}

TEST(DatabaseUrl, LibpqConninfoListsEveryPartAndParameter) {
  auto url = parse_ok(
      "postgres://app:S3cr3tPw@db.example.com:6543/appdb?sslmode=require&connect_timeout=10"
      "&application_name=auth%20migrate");
  EXPECT_EQ(url.libpq_conninfo(),
            "host='db.example.com' port='6543' user='app' password='S3cr3tPw' dbname='appdb' "
            "sslmode='require' connect_timeout='10' application_name='auth migrate'");
}

TEST(DatabaseUrl, SeveralPostgresHostsAreKeptInOrderForLibpq) {
  auto url = config::parse_database_url("postgres://app:pw@h1:5432,[::1],h3:6543/db?target_session_attrs=read-write");
  ASSERT_TRUE(url) << url.error().describe();
  EXPECT_EQ(url->host, "h1");
  EXPECT_EQ(url->port, 5432);
  ASSERT_EQ(url->other_hosts.size(), 2u);
  EXPECT_EQ(url->other_hosts[0].first, "::1");
  EXPECT_FALSE(url->other_hosts[0].second);
  EXPECT_EQ(url->other_hosts[1].second, 6543);
  EXPECT_EQ(
      url->libpq_conninfo(),
      "host='h1,::1,h3' port='5432,,6543' user='app' password='pw' dbname='db' target_session_attrs='read-write'");
  EXPECT_EQ(url->redacted(), "postgres://app:****@h1:5432,[::1],h3:6543/db?target_session_attrs=read-write");
  auto unsaid = config::parse_database_url("postgres://app@h1,h2/db");
  ASSERT_TRUE(unsaid);
  EXPECT_EQ(unsaid->libpq_conninfo(), "host='h1,h2' user='app' dbname='db' target_session_attrs='read-write'");
  auto any = config::parse_database_url("postgres://app@h1,h2/db?target_session_attrs=any");
  EXPECT_EQ(any->libpq_conninfo(), "host='h1,h2' user='app' dbname='db' target_session_attrs='any'");
}

TEST(DatabaseUrl, LibpqConninfoEscapesQuotesAndBackslashes) {
  auto url = parse_ok("postgres://o%27brien:it%27s%5Cx@db/app?options=-c%20x%3D%27y%27");
  EXPECT_EQ(url.libpq_conninfo(), R"(host='db' user='o\'brien' password='it\'s\\x' dbname='app' options='-c x=\'y\'')");
}

TEST(DatabaseUrl, LibpqConninfoOmitsAbsentParts) {
  EXPECT_EQ(parse_ok("postgres://").libpq_conninfo(), "");
  EXPECT_EQ(parse_ok("postgres://db").libpq_conninfo(), "host='db'");
  EXPECT_EQ(parse_ok("postgres:///appdb").libpq_conninfo(), "dbname='appdb'");
  EXPECT_EQ(parse_ok("postgres://app:@db").libpq_conninfo(), "host='db' user='app' password=''");
}

// ---- errors: exact messages ------------------------------------------------------------------------

TEST(DatabaseUrl, PortOutOfRangeNamesThePortAndMasksThePassword) {
  auto error = parse_error("postgres://app:S3cr3tPw@db:99999/x");
  EXPECT_EQ(error.kind, ErrorKind::config);
  EXPECT_EQ(error.message,
            R"(invalid database URL "postgres://app:****@db:99999/x": port 99999 is out of range (1-65535))");
}

TEST(DatabaseUrl, MisspeltSchemeSuggestsTheClosestOne) {
  auto error = parse_error("postgress://app:S3cr3tPw@db/x");
  EXPECT_EQ(error.message, R"(invalid database URL "postgress://app:****@db/x": unknown scheme "postgress" )"
                           R"((expected postgres, postgresql, mysql, mariadb, sqlite or file))");
  EXPECT_EQ(error.hint, R"(did you mean "postgres"?)");
  EXPECT_EQ(parse_error("mysq://db/x").hint, R"(did you mean "mysql"?)");
  EXPECT_EQ(parse_error("sqlite3:./app.db").hint, R"(did you mean "sqlite"?)");
  EXPECT_EQ(parse_error("mairadb://db/x").hint, R"(did you mean "mariadb"?)");
  EXPECT_EQ(parse_error("jdbc:postgresql://db/x").hint, R"(drop the "jdbc:" prefix)");
  EXPECT_EQ(parse_error("redis://db/x").hint, "");
}

TEST(DatabaseUrl, BadEscapeInUserNameIsShown) {
  auto error = parse_error("postgres://a%zz:S3cr3tPw@db/x");
  EXPECT_EQ(error.message,
            R"(invalid database URL "postgres://a%zz:****@db/x": bad percent-escape "%zz" in the user name)");
}

TEST(DatabaseUrl, BadEscapeInPasswordIsNotEchoed) {
  auto error = parse_error("postgres://app:S3cr3tPw%zz@db/x");
  EXPECT_EQ(error.message, R"(invalid database URL "postgres://app:****@db/x": bad percent-escape in the password)");
  EXPECT_EQ(error.hint, R"("%" must be followed by two hex digits; write a literal "%" as %25)");
}

TEST(DatabaseUrl, MysqlNeedsAHost) {
  auto error = parse_error("mysql://app:S3cr3tPw@/x");
  EXPECT_EQ(error.message, R"(invalid database URL "mysql://app:****@/x": the host is empty)");
}

TEST(DatabaseUrl, PasswordWithRawSlashIsMaskedWhole) {
  auto error = parse_error("postgres://app:S3cr/3tPw@db/x");
  EXPECT_EQ(error.message,
            R"(invalid database URL "postgres://app:****@db/x": the password contains a raw "/", "?" or "#")");
}

TEST(DatabaseUrl, EmptyUrl) {
  auto error = parse_error("");
  EXPECT_EQ(error.kind, ErrorKind::config);
  EXPECT_EQ(error.message, "database URL is empty");
}

TEST(DatabaseUrl, ControlCharactersAreEscapedInTheMessage) {
  auto error = parse_error(
      "postgres://db/a\x01"
      "b");
  EXPECT_EQ(error.message,
            R"(invalid database URL "postgres://db/a\x01b": the database name contains a control character (0x01))");
}

// ---- errors: a corpus of malformed URLs ------------------------------------------------------------

struct Malformed {
  std::string_view url;
  std::string_view names;                // what the message must say about the wrong part
  std::string_view secret = "S3cr3tPw";  // must appear in neither message nor hint
};

const Malformed k_malformed[] = {
    // ports
    {"postgres://app:S3cr3tPw@db:99999/x", "port 99999 is out of range"},
    {"postgres://app:S3cr3tPw@db:0/x", "port 0 is out of range"},
    {"postgres://app:S3cr3tPw@db:70000/x", "port 70000 is out of range"},
    {"postgres://app:S3cr3tPw@db:12345678901234567890/x", "port 12345678901234567890 is out of range"},
    {"PostgreSQL://app:S3cr3tPw@db:00000/x", "port 00000 is out of range"},
    {"postgres://app:S3cr3tPw@db:abc/x", "the port is not a number"},
    {"postgres://app:S3cr3tPw@db:-1/x", "the port is not a number"},
    {"mysql://app:S3cr3tPw@db:3306x/x", "the port is not a number"},
    {"postgres://app:S3cr3tPw@db:5432x", "the port is not a number"},
    {"postgres://app:S3cr3tPw@db:/x", "the port is empty"},
    {"postgres://app:S3cr3tPw@[::1]:99999/x", "port 99999 is out of range"},
    {"postgres://app:S3cr3tPw", "the port is not a number"},
    // hosts
    {"postgres://app:S3cr3tPw@[::1]x/x", "unexpected text after \"]\" in the host"},
    {"postgres://app:S3cr3tPw@[::1/x", "the host has \"[\" without a closing \"]\""},
    {"postgres://app:S3cr3tPw@[zz::1]/x", "invalid IPv6 address"},
    {"postgres://app:S3cr3tPw@[]/x", "invalid IPv6 address"},
    {"postgres://app:S3cr3tPw@::1/x", "the host contains more than one \":\""},
    {"postgres://app:S3cr3tPw@db:5432:5433/x", "the host contains more than one \":\""},
    {"postgres://app:S3cr3tPw@d!b/x", "invalid character \"!\" in the host"},
    {"mysql://app:S3cr3tPw@h1:3306,h2:3306/x", "several hosts"},
    {"postgres://app:S3cr3tPw@h1:5432,/x", "one of several hosts is empty"},
    {"postgres://app:S3cr3tPw@,h2/x", "the first of several hosts is empty"},
    {"postgres://app:S3cr3tPw@h1,h2:x/x", "the port is not a number"},
    {"postgres://app:S3cr3tPw@d%zzb/x", "bad percent-escape \"%zz\" in the host"},
    {"mysql://app:S3cr3tPw@/x", "the host is empty"},
    {"mysql://app:S3cr3tPw@:3306/x", "the host is empty"},
    {"mariadb://app:S3cr3tPw@/x?sslmode=x", "the host is empty"},
    {"mysql://app:S3cr3tPw@db@/x", "the host is empty", "S3cr3tPw@db"},
    // stray "@" and raw delimiters in the password
    {"postgres://@db/x", "empty user name before \"@\""},
    {"postgres://:S3cr3tPw@db/x", "the user name before \":password@\" is empty"},
    {"postgres://app:S3cr3tPw/x@db/x", "the password contains a raw", "S3cr3tPw/x"},
    {"postgres://app:S3cr3tPw?x@db/x", "the password contains a raw", "S3cr3tPw?x"},
    {"postgres://app:S3cr3tPw#x@db/x", "the password contains a raw", "S3cr3tPw#x"},
    {"postgres://app:S3cr?3t/Pw#@db/x", "the password contains a raw", "3t/Pw"},
    {"mysql://app:p@ss/S3cr3tPw@db/x", "raw \"@\" in the database name", "p@ss/S3cr3tPw"},
    {"postgres://app:S3cr3tPw@db/x@y", "raw \"@\" in the database name"},
    {"postgres://app:S3c@r3t/Pw@db/x", "raw \"@\" in the database name", "r3t/Pw"},
    {"postgres://app:S3c@r3t?Pw@db/x", "a query parameter name is not a plain word", "r3t?Pw"},
    {"postgres://app:S3c@r,3t?Pw@db/x", "the password contains a raw", "r,3t?Pw"},
    {"postgres://app:12?S3cr3tPw@db/x", "a query parameter name is not a plain word"},
    {"postgres://app:12?S3cr3tPw@db/x?a=b", "a query parameter name is not a plain word"},
    // percent-escapes
    {"postgres://app:S3cr3tPw%zz@db/x", "bad percent-escape in the password"},
    {"postgres://app:S3cr3tPw%@db/x", "bad percent-escape in the password"},
    {"postgres://app:S3cr3tPw%4@db/x", "bad percent-escape in the password"},
    {"postgres://app:%S3cr3tPw@db/x", "bad percent-escape in the password"},
    {"postgres://app:S3cr3tPw%00@db/x", "the password contains \"%00\""},
    {"postgres://a%zzb:S3cr3tPw@db/x", "bad percent-escape \"%zz\" in the user name"},
    {"postgres://app:S3cr3tPw@db/x%2", "bad percent-escape \"%2\" in the database name"},
    {"postgres://app:S3cr3tPw@db/%", "bad percent-escape \"%\" in the database name"},
    {"postgres://app:S3cr3tPw@db/x?sslmode=%zz", "bad percent-escape \"%zz\" in query parameter \"sslmode\""},
    {"postgres://app:S3cr3tPw@db/x?ssl%ZZmode=1", "bad percent-escape \"%ZZ\" in a query parameter name"},
    {"postgres://app:S3cr3tPw@db/x?password=S3cr3tPw%zz", "bad percent-escape in query parameter \"password\""},
    {"postgres://app:S3cr3tPw@db/x?options=%00", "query parameter \"options\" contains \"%00\""},
    {"sqlite:./a%zz.db", "bad percent-escape \"%zz\" in the SQLite file path"},
    // schemes
    {"postgress://app:S3cr3tPw@db/x", "unknown scheme \"postgress\""},
    {"postgre://app:S3cr3tPw@db/x", "unknown scheme \"postgre\""},
    {"mysq://app:S3cr3tPw@db/x", "unknown scheme \"mysq\""},
    {"sqlite3:./app.db", "unknown scheme \"sqlite3\""},
    {"jdbc:postgresql://app:S3cr3tPw@db/x", "unknown scheme \"jdbc\""},
    {"http://app:S3cr3tPw@db/x", "unknown scheme \"http\""},
    {"redis://app:S3cr3tPw@db/x", "unknown scheme \"redis\""},
    {"app:S3cr3tPw@db/x", "unknown scheme \"app\""},
    {"//app:S3cr3tPw@db/x", "missing scheme"},
    {":S3cr3tPw@db/x", "missing scheme"},
    {"db.example.com/x", "missing scheme"},
    {"postgres:app:S3cr3tPw@db/x", "expected \"//\" after \"postgres:\""},
    {"mysql:/app:S3cr3tPw@db/x", "expected \"//\" after \"mysql:\""},
    // whitespace and control characters
    {"", "database URL is empty"},
    {" postgres://app:S3cr3tPw@db/x", "leading or trailing whitespace"},
    {"postgres://app:S3cr3tPw@db/x\n", "leading or trailing whitespace"},
    {"postgres://app:S3cr3tPw@db/my db", "the database name contains a space"},
    {"postgres://app:S3cr 3tPw@db/x", "the password contains a space", "S3cr 3tPw"},
    {"postgres://app:S3cr\t3tPw@db/x", "the password contains a control character (0x09)", "3tPw"},
    {"postgres://ap\x01p:S3cr3tPw@db/x", "the user name contains a control character (0x01)"},
    {"postgres://app:S3cr3tPw@db/x?password=S3cr 3tPw", "query parameter \"password\" contains a space", "S3cr 3tPw"},
    {"postgres://app:S3cr3tPw@d b/x", "the host contains a space"},
    // other parts
    {"postgres://app:S3cr3tPw@db/x#frag", "raw \"#\" after the host"},
    {"postgres://app:S3cr3tPw@db/x?sslmode", "query parameter \"sslmode\" has no \"=\""},
    {"mysql://app:S3cr3tPw@db/x?socket", "query parameter \"socket\" has no \"=\""},
    {"postgres://app:S3cr3tPw@db/x?=require", "a query parameter has an empty name"},
    {"sqlite:", "the SQLite file path is empty"},
    {"sqlite://", "the SQLite file path is empty"},
    {"sqlite:?mode=ro", "the SQLite file path is empty"},
    {"file:", "the SQLite file path is empty"},
    {"sqlite:./my db.sqlite", "the SQLite file path contains a space"},
    {"sqlite:./a#b.db", "raw \"#\" in the SQLite file path"},
    // garbage
    {"not a url", "missing scheme"},
    {"::::", "missing scheme"},
    {"@@@", "missing scheme"},
    {"postgres", "missing scheme"},
    {"\x7f\x01", "missing scheme"},
};

TEST(DatabaseUrl, MalformedUrlsAreConfigErrorsNamingTheWrongPartWithoutThePassword) {
  ASSERT_GE(std::size(k_malformed), 50u);
  for (const auto& bad : k_malformed) {
    SCOPED_TRACE(std::string(bad.url));
    auto url = parse_database_url(bad.url);
    ASSERT_FALSE(url.has_value());
    const auto& error = url.error();
    EXPECT_EQ(error.kind, ErrorKind::config);
    EXPECT_NE(error.message.find(bad.names), std::string::npos) << error.message;
    EXPECT_EQ(error.message.find(bad.secret), std::string::npos) << error.message;
    EXPECT_EQ(error.hint.find(bad.secret), std::string::npos) << error.hint;
    EXPECT_EQ(error.message.find("S3cr3tPw"), std::string::npos) << error.message;
  }
}

// Passwords made of every awkward character, percent-encoded as they should be, always decode
// right and never show up redacted.
TEST(DatabaseUrl, AnyPercentEncodedPasswordRoundTrips) {
  std::mt19937 random(12345);
  const std::string alphabet = "aZ9 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\x01\x7f\xc3\xa9";
  for (int i = 0; i < 500; ++i) {
    std::string password = "S3cr3tPw";
    std::string encoded = password;
    for (int n = random() % 12; n > 0; --n) {
      const char c = alphabet[random() % alphabet.size()];
      password += c;
      encoded += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    auto url = parse_ok("postgres://app:" + encoded + "@db:5432/x");
    EXPECT_EQ(url.password, password);
    EXPECT_EQ(url.host, "db");
    EXPECT_EQ(url.redacted().find("S3cr3tPw"), std::string::npos);
  }
}

// Passwords written raw with any delimiter but "@" (itself fine alone: the last "@" separates) never
// show, in part or whole, whether the URL parses or not.
TEST(DatabaseUrl, RawSpecialCharactersInPasswordNeverShow) {
  std::mt19937 random(777);
  const std::string specials = "/?#:&=% [],!$*+;~";
  const std::string_view prefixes[] = {"postgres://app:", "mysql://app:", "postgresql://u:"};
  const std::string_view suffixes[] = {"@db:5432/x", "@db/x?sslmode=require", "@/x", "@[::1]:5432/x", "@db"};
  for (int i = 0; i < 20000; ++i) {
    std::vector<std::string> pieces;
    std::string password;
    for (int n = 1 + random() % 4; n > 0; --n) {
      std::string piece = random() % 3 == 0 ? std::to_string(random() % 100) : "";
      for (int j = 0; j < 4; ++j) piece += "QXZKWJV"[random() % 7];
      if (!pieces.empty() || random() % 4 == 0) password += specials[random() % specials.size()];
      password += piece;
      pieces.push_back(piece.substr(piece.size() - 4));
    }
    const auto text = std::string(prefixes[random() % 3]) + password + std::string(suffixes[random() % 5]);
    auto url = parse_database_url(text);
    const auto shown = url ? url->redacted() : url.error().message + "\n" + url.error().hint;
    for (const auto& piece : pieces) ASSERT_EQ(shown.find(piece), std::string::npos) << text << " -> " << shown;
  }
}

TEST(DatabaseUrl, HostAndPortWithoutSchemeGetAHint) {
  EXPECT_EQ(parse_error("localhost:5432/app").hint,
            "that looks like host:port; add the scheme in front, e.g. postgres://localhost:5432/app");
}

TEST(DatabaseUrl, ArbitraryInputNeverCrashesAndErrorsAreConfig) {
  std::mt19937 random(424242);
  const std::string_view pieces[] = {"postgres://", "mysql://",
                                     "sqlite:",     "file:",
                                     "S3cr3tPw",    ":",
                                     "@",           "/",
                                     "?",           "#",
                                     "&",           "=",
                                     "%",           "%4",
                                     "%zz",         "[",
                                     "]",           "::1",
                                     "db",          "5432",
                                     " ",           "\n",
                                     "password=",   "host=",
                                     ",",           std::string_view("\0", 1),
                                     "\xff"};
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = random() % 10; n > 0; --n) text += pieces[random() % std::size(pieces)];
    auto url = parse_database_url(text);
    if (!url) {
      EXPECT_EQ(url.error().kind, ErrorKind::config) << text;
    } else {
      (void)url->redacted();
      (void)url->libpq_conninfo();
    }
  }
}

}  // namespace
}  // namespace authmigrate::config
