#include <gtest/gtest.h>

#include <authmigrate/base/redact.hpp>

using authmigrate::base::SecretRedactor;

TEST(SecretRedactor, MasksEveryOccurrence) {
  SecretRedactor r;
  r.add("hunter2pw");
  EXPECT_EQ(r.redact("a hunter2pw b hunter2pw"), "a **** b ****");
}

TEST(SecretRedactor, MasksTheLongerSecretWhole) {
  SecretRedactor r;
  r.add("abc");
  r.add("abcdef");
  EXPECT_EQ(r.redact("x abcdef y abc"), "x **** y ****");
}

TEST(SecretRedactor, IgnoresSecretsTooShortToMaskSafely) {
  SecretRedactor r;
  r.add("a");
  EXPECT_EQ(r.redact("a cat"), "a cat");
}
