create table `user` (`id` varchar(36) not null primary key, `name` varchar(255) not null, `email` varchar(255) not null unique, `emailVerified` boolean not null, `image` text, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null);

create table `session` (`id` varchar(36) not null primary key, `expiresAt` timestamp(3) not null, `token` varchar(255) not null unique, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) not null, `ipAddress` text, `userAgent` text, `userId` varchar(36) not null references `user` (`id`) on delete cascade);

create table `account` (`id` varchar(36) not null primary key, `accountId` text not null, `providerId` text not null, `userId` varchar(36) not null references `user` (`id`) on delete cascade, `accessToken` text, `refreshToken` text, `idToken` text, `accessTokenExpiresAt` timestamp(3), `refreshTokenExpiresAt` timestamp(3), `scope` text, `password` text, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) not null);

create table `verification` (`id` varchar(36) not null primary key, `identifier` varchar(255) not null, `value` text not null, `expiresAt` timestamp(3) not null, `createdAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null, `updatedAt` timestamp(3) default CURRENT_TIMESTAMP(3) not null);

create table `jwks` (`id` varchar(36) not null primary key, `publicKey` text not null, `privateKey` text not null, `createdAt` timestamp(3) not null, `expiresAt` timestamp(3), `alg` text, `crv` text);

create table `oauthApplication` (`id` varchar(36) not null primary key, `name` text not null, `icon` text, `metadata` text, `clientId` varchar(255) not null unique, `clientSecret` text, `redirectUrls` text not null, `type` text not null, `disabled` boolean, `userId` varchar(36) references `user` (`id`) on delete cascade, `createdAt` timestamp(3) not null, `updatedAt` timestamp(3) not null);

create table `oauthAccessToken` (`id` varchar(36) not null primary key, `accessToken` varchar(255) not null unique, `refreshToken` varchar(255) not null unique, `accessTokenExpiresAt` timestamp(3) not null, `refreshTokenExpiresAt` timestamp(3) not null, `clientId` varchar(36) not null references `oauthApplication` (`clientId`) on delete cascade, `userId` varchar(36) references `user` (`id`) on delete cascade, `scopes` text not null, `createdAt` timestamp(3) not null, `updatedAt` timestamp(3) not null);

create table `oauthConsent` (`id` varchar(36) not null primary key, `clientId` varchar(36) not null references `oauthApplication` (`clientId`) on delete cascade, `userId` varchar(36) not null references `user` (`id`) on delete cascade, `scopes` text not null, `createdAt` timestamp(3) not null, `updatedAt` timestamp(3) not null, `consentGiven` boolean not null);

create index `session_userId_idx` on `session` (`userId`);

create index `account_userId_idx` on `account` (`userId`);

create index `verification_identifier_idx` on `verification` (`identifier`);

create index `oauthApplication_userId_idx` on `oauthApplication` (`userId`);

create index `oauthAccessToken_clientId_idx` on `oauthAccessToken` (`clientId`);

create index `oauthAccessToken_userId_idx` on `oauthAccessToken` (`userId`);

create index `oauthConsent_clientId_idx` on `oauthConsent` (`clientId`);

create index `oauthConsent_userId_idx` on `oauthConsent` (`userId`);