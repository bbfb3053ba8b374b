create table "users" ("id" text not null primary key, "full_name" text not null, "email_address" text not null unique, "email_verified" boolean not null, "image" text, "created_at" timestamptz default CURRENT_TIMESTAMP not null, "updated_at" timestamptz default CURRENT_TIMESTAMP not null, "nickname" text not null, "age" integer, "newsletter" boolean not null, "birthday" timestamptz, "joinedAt" timestamptz default CURRENT_TIMESTAMP not null, "tags" jsonb, "luckyNumbers" jsonb, "preferences" jsonb, "loginCount" bigint, "external_id" text unique, "department" text, "lastName" text, "plan" text);

create table "sessions" ("id" text not null primary key, "expires_at" timestamptz not null, "session_token" text not null unique, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null, "ip_address" text, "userAgent" text, "user_id" text not null references "users" ("id") on delete cascade, "deviceName" text, "trusted" boolean);

create table "accounts" ("id" text not null primary key, "account_id" text not null, "provider_id" text not null, "user_id" text not null references "users" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" timestamptz, "refreshTokenExpiresAt" timestamptz, "scope" text, "password_hash" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null, "label" text);

create table "verifications" ("id" text not null primary key, "identifier_key" text not null, "token_value" text not null, "expires_at" timestamptz not null, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null, "attempts" integer not null);

create index "users_department_idx" on "users" ("department");

create index "sessions_user_id_idx" on "sessions" ("user_id");

create index "accounts_user_id_idx" on "accounts" ("user_id");

create index "verifications_identifier_key_idx" on "verifications" ("identifier_key");