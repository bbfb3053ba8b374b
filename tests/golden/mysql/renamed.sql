create table `users` (`id` varchar(36) not null primary key, `name` varchar(255) not null, `email_address` varchar(255) not null unique, `email_verified` boolean not null, `image` text, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `twoFactorEnabled` boolean, `role` text, `age` integer not null, `tags` json, `plan` text, `nickname` varchar(255) unique, `lastSeen` timestamp(3) default CURRENT_TIMESTAMP(3) not null);

create table `sessions` (`id` varchar(36) not null primary key, `expiresAt` timestamp(3) not null, `token` varchar(255) not null unique, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) not null, `ipAddress` text, `userAgent` text, `user_id` varchar(36) not null references `users` (`id`) on delete cascade, `activeOrganizationId` text);

create table `account` (`id` varchar(36) not null primary key, `accountId` text not null, `providerId` text not null, `userId` varchar(36) not null references `users` (`id`) on delete cascade, `accessToken` text, `refreshToken` text, `idToken` text, `accessTokenExpiresAt` timestamp(3), `refreshTokenExpiresAt` timestamp(3), `scope` text, `password` text, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) not null, `tenant` varchar(36) references `users` (`id`) on delete set null);

create table `verification` (`id` varchar(36) not null primary key, `identifier` varchar(255) not null, `value` text not null, `expiresAt` timestamp(3) not null, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null);

create table `two_factor` (`id` varchar(36) not null primary key, `secret_key` varchar(255) not null, `backupCodes` text not null, `userId` varchar(36) not null references `users` (`id`) on delete cascade, `verified` boolean, `failedVerificationCount` integer, `lockedUntil` timestamp(3));

create table `organization` (`id` varchar(36) not null primary key, `name` varchar(255) not null, `slug` varchar(255) not null unique, `logo` text, `createdAt` timestamp(3) not null, `metadata` text);

create table `members` (`id` varchar(36) not null primary key, `organizationId` varchar(36) not null references `organization` (`id`) on delete cascade, `userId` varchar(36) not null references `users` (`id`) on delete cascade, `member_role` varchar(255) not null, `createdAt` timestamp(3) not null, `title` text);

create table `invitation` (`id` varchar(36) not null primary key, `organizationId` varchar(36) not null references `organization` (`id`) on delete cascade, `email` varchar(255) not null, `role` varchar(255), `status` varchar(255) not null, `expiresAt` timestamp(3) not null, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `inviterId` varchar(36) not null references `users` (`id`) on delete cascade);

create index `users_plan_idx` on `users` (`plan`);

create index `sessions_user_id_idx` on `sessions` (`user_id`);

create index `account_userId_idx` on `account` (`userId`);

create index `verification_identifier_idx` on `verification` (`identifier`);

create index `two_factor_secret_key_idx` on `two_factor` (`secret_key`);

create index `two_factor_userId_idx` on `two_factor` (`userId`);

create index `members_organizationId_idx` on `members` (`organizationId`);

create index `members_userId_idx` on `members` (`userId`);

create index `invitation_organizationId_idx` on `invitation` (`organizationId`);

create index `invitation_email_idx` on `invitation` (`email`);