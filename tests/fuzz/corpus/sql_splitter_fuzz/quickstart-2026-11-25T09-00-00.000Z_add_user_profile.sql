2026-11-25T09-00-00.000Z_add_user_profile.sql
-- The project's own table next to Better Auth's: one profile per user.
CREATE TABLE "profile" (
  "userId" text NOT NULL PRIMARY KEY REFERENCES "user" ("id") ON DELETE CASCADE,
  "displayName" text,
  "bio" text
);
