create table "users" ("id" text not null primary key, "full_name" text not null, "email_address" text not null unique, "email_verified" integer not null, "image" text, "created_at" date not null, "updated_at" date not null, "nickname" text not null, "age" integer, "newsletter" integer not null, "birthday" date, "joinedAt" date not null, "tags" text, "luckyNumbers" text, "preferences" text, "loginCount" bigint, "external_id" text unique, "department" text, "lastName" text, "plan" text);

create table "sessions" ("id" text not null primary key, "expires_at" date not null, "session_token" text not null unique, "createdAt" date not null, "updatedAt" date not null, "ip_address" text, "userAgent" text, "user_id" text not null references "users" ("id") on delete cascade, "deviceName" text, "trusted" integer);

create table "accounts" ("id" text not null primary key, "account_id" text not null, "provider_id" text not null, "user_id" text not null references "users" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" date, "refreshTokenExpiresAt" date, "scope" text, "password_hash" text, "createdAt" date not null, "updatedAt" date not null, "label" text);

create table "verifications" ("id" text not null primary key, "identifier_key" text not null, "token_value" text not null, "expires_at" date not null, "createdAt" date not null, "updatedAt" date not null, "attempts" integer not null);

create index "users_department_idx" on "users" ("department");

create index "sessions_user_id_idx" on "sessions" ("user_id");

create index "accounts_user_id_idx" on "accounts" ("user_id");

create index "verifications_identifier_key_idx" on "verifications" ("identifier_key");