#include <gtest/gtest.h>

#include <set>

#include <authmigrate/db/tls_trust.hpp>

namespace authmigrate::db {
namespace {

struct FakeSystem {
  config::Environment env;
  std::set<std::string> files;
  FileExists exists() const {
    return [this](const std::string& path) { return files.count(path) > 0; };
  }
  Result<std::string> conninfo(std::string_view url_text) const {
    auto url = config::parse_database_url(url_text);
    EXPECT_TRUE(url) << url.error().describe();
    return postgres_trust_conninfo(*url, env, exists());
  }
};

TEST(TlsTrust, FindsTheBundleWhereEachDistributionKeepsIt) {
  FakeSystem debian{{}, {"/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/cert.pem"}};
  EXPECT_EQ(find_ca_bundle(debian.env, debian.exists()), "/etc/ssl/certs/ca-certificates.crt");
  FakeSystem rhel{{}, {"/etc/pki/tls/certs/ca-bundle.crt"}};
  EXPECT_EQ(find_ca_bundle(rhel.env, rhel.exists()), "/etc/pki/tls/certs/ca-bundle.crt");
  FakeSystem alpine{{}, {"/etc/ssl/cert.pem"}};
  EXPECT_EQ(find_ca_bundle(alpine.env, alpine.exists()), "/etc/ssl/cert.pem");
  FakeSystem bare;
  EXPECT_EQ(find_ca_bundle(bare.env, bare.exists()), std::nullopt);
}

TEST(TlsTrust, SslCertFileWins) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt"}};
  system.env.set("SSL_CERT_FILE", "/run/secrets/ca.pem");
  EXPECT_EQ(find_ca_bundle(system.env, system.exists()), "/run/secrets/ca.pem");
}

TEST(TlsTrust, VerifyFullWithoutRootCertUsesTheSystemBundle) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt"}};
  EXPECT_EQ(*system.conninfo("postgres://u:p@db.example.com/app?sslmode=verify-full"),
            " sslrootcert='/etc/ssl/certs/ca-certificates.crt'");
  EXPECT_EQ(*system.conninfo("postgres://u:p@db.example.com/app?sslmode=verify-ca"),
            " sslrootcert='/etc/ssl/certs/ca-certificates.crt'");
}

TEST(TlsTrust, SystemRootCertMeansTheBundle) {
  FakeSystem system{{}, {"/etc/ssl/cert.pem"}};
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app?sslmode=require&sslrootcert=system"),
            " sslrootcert='/etc/ssl/cert.pem'");
}

TEST(TlsTrust, LeavesLibpqAloneWhenItHasWhatItNeeds) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt", "/home/app/.postgresql/root.crt"}};
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app"), "");
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app?sslmode=require"), "");
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app?sslmode=verify-full&sslrootcert=/ca.crt"), "");
  system.env.set("HOME", "/home/app");
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app?sslmode=verify-full"), "");  // ~/.postgresql/root.crt
}

TEST(TlsTrust, ReadsLibpqsOwnVariables) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt"}};
  system.env.set("PGSSLMODE", "verify-full");
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app"), " sslrootcert='/etc/ssl/certs/ca-certificates.crt'");
  system.env.set("PGSSLROOTCERT", "/ca.crt");
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app"), "");
}

TEST(TlsTrust, NoBundleIsAClearError) {
  FakeSystem bare;
  auto result = bare.conninfo("postgres://u:p@h/app?sslmode=verify-full");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::config);
  EXPECT_NE(
      result.error().message.find("sslmode=verify-full checks the server's certificate, but this system has no CA "
                                  "bundle"),
      std::string::npos);
  EXPECT_NE(result.error().hint.find("SSL_CERT_FILE"), std::string::npos);
}

TEST(TlsTrust, QuotesThePathForLibpq) {
  FakeSystem system;
  system.env.set("SSL_CERT_FILE", "/odd dir/it's.pem");
  EXPECT_EQ(*system.conninfo("postgres://u:p@h/app?sslmode=verify-full"), " sslrootcert='/odd dir/it\\'s.pem'");
}

Result<MysqlTls> mysql(std::string_view url_text, const FakeSystem& system) {
  auto url = config::parse_database_url(url_text);
  EXPECT_TRUE(url) << url.error().describe();
  return mysql_tls(*url, system.env, system.exists());
}

TEST(MysqlTls, OffUnlessTheUrlAsks) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt"}};
  auto tls = mysql("mysql://u:p@h/db", system);
  EXPECT_FALSE(tls->attempt);
  EXPECT_FALSE(tls->enforce);
  EXPECT_FALSE(mysql("mysql://u:p@h/db?ssl-mode=DISABLED", system)->attempt);
}

TEST(MysqlTls, EverySpellingUsersCopy) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt"}};
  for (const char* url : {"mysql://u:p@h/db?ssl-mode=REQUIRED", "mysql://u:p@h/db?sslmode=require",
                          "mysql://u:p@h/db?ssl=true", "mysql://u:p@h/db?sslaccept=accept_invalid_certs"}) {
    auto tls = mysql(url, system);
    ASSERT_TRUE(tls) << url;
    EXPECT_TRUE(tls->enforce) << url;
    EXPECT_FALSE(tls->verify) << url;
  }
  for (const char* url : {"mysql://u:p@h/db?ssl-mode=VERIFY_IDENTITY", "mysql://u:p@h/db?ssl-mode=verify_ca",
                          "mysql://u:p@h/db?sslmode=verify-full", "mysql://u:p@h/db?sslaccept=strict"}) {
    auto tls = mysql(url, system);
    ASSERT_TRUE(tls) << url;
    EXPECT_TRUE(tls->enforce && tls->verify) << url;
    EXPECT_EQ(tls->ca_file, "/etc/ssl/certs/ca-certificates.crt") << url;
  }
  auto preferred = mysql("mysql://u:p@h/db?ssl-mode=PREFERRED", system);
  EXPECT_TRUE(preferred->attempt);
  EXPECT_FALSE(preferred->enforce);
}

TEST(MysqlTls, GivenCaWins) {
  FakeSystem system{{}, {"/etc/ssl/certs/ca-certificates.crt"}};
  EXPECT_EQ(mysql("mysql://u:p@h/db?ssl-mode=VERIFY_IDENTITY&ssl-ca=/run/ca.pem", system)->ca_file, "/run/ca.pem");
  EXPECT_EQ(mysql("mysql://u:p@h/db?sslmode=verify-full&sslrootcert=/ca.pem", system)->ca_file, "/ca.pem");
}

TEST(MysqlTls, UnknownModeAndMissingBundleAreClearErrors) {
  FakeSystem bare;
  auto bad = mysql("mysql://u:p@h/db?ssl-mode=maybe", bare);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "ssl-mode=maybe is not a TLS mode this URL understands");
  auto none = mysql("mysql://u:p@h/db?ssl-mode=VERIFY_IDENTITY", bare);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("no CA bundle"), std::string::npos);
}

}  // namespace
}  // namespace authmigrate::db
