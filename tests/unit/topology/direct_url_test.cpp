#include <gtest/gtest.h>

#include <authmigrate/topology/direct_url.hpp>

using namespace authmigrate;

TEST(DirectUrl, TheFlagWinsThenTheVariablesInTheirOrder) {
  config::Environment env;
  EXPECT_FALSE(topology::find_direct_url(env, ""));
  env.set("POSTGRES_URL_NON_POOLING", "postgres://vercel");
  EXPECT_EQ(topology::find_direct_url(env, "")->source, "POSTGRES_URL_NON_POOLING");
  env.set("DATABASE_URL_UNPOOLED", "postgres://neon");
  EXPECT_EQ(topology::find_direct_url(env, "")->text, "postgres://neon");
  env.set("DIRECT_URL", "postgres://prisma");
  EXPECT_EQ(topology::find_direct_url(env, "")->source, "DIRECT_URL");
  auto flag = topology::find_direct_url(env, "postgres://flag");
  EXPECT_EQ(flag->source, "--direct-url");
  EXPECT_EQ(flag->text, "postgres://flag");
}

TEST(DirectUrl, AnEmptyVariableIsNotSet) {
  config::Environment env;
  env.set("DIRECT_URL", "");
  env.set("DATABASE_URL_UNPOOLED", "postgres://neon");
  EXPECT_EQ(topology::find_direct_url(env, "")->source, "DATABASE_URL_UNPOOLED");
}
