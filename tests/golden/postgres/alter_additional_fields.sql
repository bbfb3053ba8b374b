-- -----------------------------------------------------------------------------
-- DO NOT RUN THIS SCRIPT AS IT IS.
-- Applying it to a populated database corrupts the rows it touches:
--
-- Cannot add required column "note" to populated table "user": the schema declares no default value, so existing rows have no value to backfill. MySQL accepts this statement instead of rejecting it and fills every existing row with an implicit default for the column type, reporting a successful migration over corrupted data. For a text column, every existing row ends up with the same empty string. Add the column as nullable, backfill a correct value for every row, then make it NOT NULL.
-- -----------------------------------------------------------------------------
alter table "user" add column "username" text;

alter table "user" add column "displayUsername" text;

alter table "user" add column "twoFactorEnabled" boolean default false;

alter table "user" add column "role" text default 'user';

alter table "user" add column "age" integer default 0 not null;

alter table "user" add column "flag" boolean default true not null;

alter table "user" add column "nick" text;

alter table "user" add column "seen" timestamptz default CURRENT_TIMESTAMP not null;

alter table "user" add column "code" text;

alter table "user" add column "note" text not null;

alter table "user" add column "quote" text default 'it''s \ ok';

alter table "account" add column "tenant" text references "user" ("id") on delete set null;

alter table "account" add column "level" integer not null;

create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" boolean, "failedVerificationCount" integer, "lockedUntil" timestamptz);

create unique index "user_username_uidx" on "user" ("username");

create unique index "user_nick_uidx" on "user" ("nick");

create index "user_code_idx" on "user" ("code");

create index "twoFactor_secret_idx" on "twoFactor" ("secret");

create index "twoFactor_userId_idx" on "twoFactor" ("userId");