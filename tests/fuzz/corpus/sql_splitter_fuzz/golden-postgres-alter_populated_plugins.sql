alter table "user" add column "role" text;

alter table "user" add column "banned" boolean default false;

alter table "user" add column "banReason" text;

alter table "user" add column "banExpires" timestamptz;

alter table "session" add column "activeOrganizationId" text;

alter table "session" add column "activeTeamId" text;

alter table "session" add column "impersonatedBy" text;

alter table "invitation" add column "teamId" text;

create table "team" ("id" text not null primary key, "name" text not null, "memberCount" integer not null, "organizationId" text not null references "organization" ("id") on delete cascade, "createdAt" timestamptz not null, "updatedAt" timestamptz);

create table "teamMember" ("id" text not null primary key, "teamId" text not null references "team" ("id") on delete cascade, "userId" text not null references "user" ("id") on delete cascade, "membershipKey" text unique, "createdAt" timestamptz);

create index "team_organizationId_idx" on "team" ("organizationId");

create index "teamMember_teamId_idx" on "teamMember" ("teamId");

create index "teamMember_userId_idx" on "teamMember" ("userId");

create unique index "deviceCode_userCode_uidx" on "deviceCode" ("userCode");