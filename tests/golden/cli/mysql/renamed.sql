create table `users` (`id` varchar(36) not null primary key, `full_name` varchar(255) not null, `email_address` varchar(255) not null unique, `email_verified` boolean not null, `image` text, `created_at` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updated_at` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `nickname` text not null, `age` integer, `newsletter` boolean not null, `birthday` timestamp(3), `joinedAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `tags` json, `luckyNumbers` json, `preferences` json, `loginCount` bigint, `external_id` varchar(255) unique, `department` varchar(255), `lastName` varchar(255), `plan` text);

create table `sessions` (`id` varchar(36) not null primary key, `expires_at` timestamp(3) not null, `session_token` varchar(255) not null unique, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) not null, `ip_address` text, `userAgent` text, `user_id` varchar(36) not null references `users` (`id`) on delete cascade, `deviceName` text, `trusted` boolean);

create table `accounts` (`id` varchar(36) not null primary key, `account_id` text not null, `provider_id` text not null, `user_id` varchar(36) not null references `users` (`id`) on delete cascade, `accessToken` text, `refreshToken` text, `idToken` text, `accessTokenExpiresAt` timestamp(3), `refreshTokenExpiresAt` timestamp(3), `scope` text, `password_hash` text, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) not null, `label` text);

create table `verifications` (`id` varchar(36) not null primary key, `identifier_key` varchar(255) not null, `token_value` text not null, `expires_at` timestamp(3) not null, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `attempts` integer not null);

create index `users_department_idx` on `users` (`department`);

create index `sessions_user_id_idx` on `sessions` (`user_id`);

create index `accounts_user_id_idx` on `accounts` (`user_id`);

create index `verifications_identifier_key_idx` on `verifications` (`identifier_key`);