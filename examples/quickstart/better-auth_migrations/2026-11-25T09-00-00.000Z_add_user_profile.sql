-- The project's own table next to Better Auth's: one profile per user.
CREATE TABLE "profile" (
  "userId" text NOT NULL PRIMARY KEY REFERENCES "user" ("id") ON DELETE CASCADE,
  "displayName" text,
  "bio" text
);
