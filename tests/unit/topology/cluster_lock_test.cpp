#include <gtest/gtest.h>

#include <authmigrate/topology/cluster_lock.hpp>

using namespace authmigrate;

namespace {

Result<db::QueryResult> answer(db::Value wsrep_on, db::Value osu_method) {
  db::QueryResult result;
  result.columns = {"@@global.wsrep_on", "@@global.wsrep_OSU_method"};
  result.rows = {{std::move(wsrep_on), std::move(osu_method)}};
  return result;
}

Result<db::QueryResult> refusal(ErrorKind kind, std::string message, std::string server_code) {
  Error error(kind, std::move(message));
  error.server_code = std::move(server_code);
  return tl::unexpected(std::move(error));
}

}  // namespace

TEST(GaleraProbe, WsrepOnWithTotalOrderDdlIsAGaleraNode) {
  EXPECT_EQ(topology::galera_from_probe(answer("1", "TOI")), true);
}

TEST(GaleraProbe, WsrepOffIsNotGalera) {
  // MariaDB builds carry the wsrep variables even when no cluster is configured.
  EXPECT_EQ(topology::galera_from_probe(answer("0", "TOI")), false);
}

TEST(GaleraProbe, AnUnknownSystemVariableIsAServerWithoutGalera) {
  auto mysql = refusal(ErrorKind::migration_failed, "Unknown system variable 'wsrep_on'", "1193 HY000");
  EXPECT_EQ(topology::galera_from_probe(mysql), false);
}

TEST(GaleraProbe, AGaleraNodeWhoseDdlWouldNotReplicateIsRefused) {
  auto probe = topology::galera_from_probe(answer("1", "RSU"));
  ASSERT_FALSE(probe);
  EXPECT_EQ(probe.error().kind, ErrorKind::config);
  EXPECT_EQ(
      probe.error().message,
      "this Galera node runs DDL with wsrep_OSU_method = RSU: the schema changes would not reach the other nodes");
}

// Each of these once made the probe say "not Galera", and a Galera node got a one-node lock.
TEST(GaleraProbe, AnyOtherErrorFailsTheRunNamingTheCauseAndTheFix) {
  struct Case {
    const char* what;
    Result<db::QueryResult> probe;
    ErrorKind kind;
  };
  const Case cases[] = {
      {"lost connection", refusal(ErrorKind::unreachable, "Lost connection to server during query", "2013 HY000"),
       ErrorKind::unreachable},
      {"statement timeout",
       refusal(ErrorKind::migration_failed, "Query execution was interrupted (max_statement_time exceeded)",
               "1969 70100"),
       ErrorKind::unreachable},
      {"permission", refusal(ErrorKind::migration_failed, "Access denied; you need the SUPER privilege", "1227 42000"),
       ErrorKind::unreachable},
      {"an errno that only begins like 1193", refusal(ErrorKind::migration_failed, "something else", "11930 HY000"),
       ErrorKind::unreachable},
      {"no code at all", refusal(ErrorKind::migration_failed, "", ""), ErrorKind::unreachable},
      {"interrupted", refusal(ErrorKind::interrupted, "interrupted", ""), ErrorKind::interrupted},
  };
  for (const auto& c : cases) {
    auto probe = topology::galera_from_probe(c.probe);
    ASSERT_FALSE(probe) << c.what;
    const Error& error = probe.error();
    EXPECT_EQ(error.kind, c.kind) << c.what;
    EXPECT_EQ(error.message, c.probe.error().message) << c.what;
    EXPECT_EQ(error.server_code, c.probe.error().server_code) << c.what;
    ASSERT_EQ(error.context.size(), 1u) << c.what;
    EXPECT_EQ(error.context[0], "checking whether the server is a Galera node (SELECT @@global.wsrep_on)");
    EXPECT_NE(error.hint.find("does not guess"), std::string::npos) << c.what;
  }
}
