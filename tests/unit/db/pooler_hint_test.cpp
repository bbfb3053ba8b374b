#include <gtest/gtest.h>

#include <authmigrate/db/pooler_hint.hpp>

using namespace authmigrate;
using Verdict = db::PoolerHint::Verdict;

namespace {
db::PoolerHint hint_for(const std::string& text) {
  auto url = config::parse_database_url(text);
  EXPECT_TRUE(url) << text;
  return db::pooler_hint(*url);
}
}  // namespace

TEST(PoolerHint, PrismasPgbouncerFlagDecidesEitherWay) {
  EXPECT_EQ(hint_for("postgres://u:p@db.example.com:5432/app?pgbouncer=true").verdict, Verdict::pooled);
  EXPECT_EQ(hint_for("postgres://u:p@db.example.com:5432/app?pgbouncer=TRUE").verdict, Verdict::pooled);
  // false wins over what the host or port would say
  EXPECT_EQ(hint_for("postgres://u:p@x.pooler.supabase.com:6543/app?pgbouncer=false").verdict, Verdict::direct);
}

TEST(PoolerHint, SupabaseAndNeonPoolersAreKnownByTheirHostsAndPorts) {
  auto supabase = hint_for("postgres://postgres.ref:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
  EXPECT_EQ(supabase.verdict, Verdict::pooled);
  EXPECT_NE(supabase.why.find("Supabase's transaction pooler"), std::string::npos);
  EXPECT_EQ(hint_for("postgres://u:p@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb").verdict,
            Verdict::pooled);
  // Supabase's session pooler (5432) and Neon's direct host are not transaction poolers by name.
  EXPECT_EQ(hint_for("postgres://u:p@aws-0-eu-central-1.pooler.supabase.com:5432/postgres").verdict, Verdict::unknown);
  EXPECT_EQ(hint_for("postgres://u:p@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb").verdict,
            Verdict::unknown);
}

TEST(PoolerHint, PrismaPoolParametersAreNotPassedToLibpq) {
  auto url = config::parse_database_url(
      "postgres://u:p@h/db?pgbouncer=true&connection_limit=1&pool_timeout=5&sslmode=require");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->libpq_conninfo(), "host='h' user='u' password='p' dbname='db' sslmode='require'");
}
