-- Better Auth Doctor: create "twoFactor", "organization", "organizationRole", "team", "teamMember", "member", "invitation", "jwks", "deviceCode", "walletAddress", which Better Auth needs and the database lacks.
-- Written for provider "mysql" to match the fixed Prisma schema (names, types, keys, indexes), so `prisma migrate dev` sees no drift.
-- Only creates tables; no existing row is touched. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- The table for the new twoFactor model, exactly as Prisma creates it.
CREATE TABLE `twoFactor` (
    `id` VARCHAR(191) NOT NULL,
    `secret` TEXT NOT NULL,
    `backupCodes` TEXT NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `verified` BOOLEAN NULL DEFAULT true,
    `failedVerificationCount` INTEGER NULL DEFAULT 0,
    `lockedUntil` DATETIME(3) NULL,

    INDEX `twoFactor_secret_idx`(`secret`(191)),
    INDEX `twoFactor_userId_idx`(`userId`(191)),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new organization model, exactly as Prisma creates it.
CREATE TABLE `organization` (
    `id` VARCHAR(191) NOT NULL,
    `name` TEXT NOT NULL,
    `slug` VARCHAR(191) NOT NULL,
    `logo` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `metadata` TEXT NULL,

    UNIQUE INDEX `organization_slug_key`(`slug`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new organizationRole model, exactly as Prisma creates it.
CREATE TABLE `organizationRole` (
    `id` VARCHAR(191) NOT NULL,
    `organizationId` VARCHAR(191) NOT NULL,
    `role` TEXT NOT NULL,
    `permission` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NULL,

    INDEX `organizationRole_organizationId_idx`(`organizationId`(191)),
    INDEX `organizationRole_role_idx`(`role`(191)),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new team model, exactly as Prisma creates it.
CREATE TABLE `team` (
    `id` VARCHAR(191) NOT NULL,
    `name` TEXT NOT NULL,
    `memberCount` INTEGER NOT NULL DEFAULT 0,
    `organizationId` VARCHAR(191) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NULL,

    INDEX `team_organizationId_idx`(`organizationId`(191)),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new teamMember model, exactly as Prisma creates it.
CREATE TABLE `teamMember` (
    `id` VARCHAR(191) NOT NULL,
    `teamId` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `membershipKey` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NULL,

    INDEX `teamMember_teamId_idx`(`teamId`(191)),
    INDEX `teamMember_userId_idx`(`userId`(191)),
    UNIQUE INDEX `teamMember_membershipKey_key`(`membershipKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new member model, exactly as Prisma creates it.
CREATE TABLE `member` (
    `id` VARCHAR(191) NOT NULL,
    `organizationId` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `role` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,

    INDEX `member_organizationId_idx`(`organizationId`(191)),
    INDEX `member_userId_idx`(`userId`(191)),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new invitation model, exactly as Prisma creates it.
CREATE TABLE `invitation` (
    `id` VARCHAR(191) NOT NULL,
    `organizationId` VARCHAR(191) NOT NULL,
    `email` TEXT NOT NULL,
    `role` TEXT NULL,
    `teamId` TEXT NULL,
    `status` TEXT NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `inviterId` VARCHAR(191) NOT NULL,

    INDEX `invitation_organizationId_idx`(`organizationId`(191)),
    INDEX `invitation_email_idx`(`email`(191)),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new jwks model, exactly as Prisma creates it.
CREATE TABLE `jwks` (
    `id` VARCHAR(191) NOT NULL,
    `publicKey` TEXT NOT NULL,
    `privateKey` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `expiresAt` DATETIME(3) NULL,
    `alg` TEXT NULL,
    `crv` TEXT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new deviceCode model, exactly as Prisma creates it.
CREATE TABLE `deviceCode` (
    `id` VARCHAR(191) NOT NULL,
    `deviceCode` VARCHAR(191) NOT NULL,
    `userCode` VARCHAR(191) NOT NULL,
    `userId` TEXT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `status` TEXT NOT NULL,
    `lastPolledAt` DATETIME(3) NULL,
    `pollingInterval` INTEGER NULL,
    `clientId` TEXT NULL,
    `scope` TEXT NULL,

    UNIQUE INDEX `deviceCode_deviceCode_uidx`(`deviceCode`),
    UNIQUE INDEX `deviceCode_userCode_uidx`(`userCode`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The table for the new walletAddress model, exactly as Prisma creates it.
CREATE TABLE `walletAddress` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `address` TEXT NOT NULL,
    `chainId` INTEGER NOT NULL,
    `isPrimary` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL,

    INDEX `walletAddress_userId_idx`(`userId`(191)),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- twoFactor.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `twoFactor` ADD CONSTRAINT `twoFactor_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- organizationRole.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `organizationRole` ADD CONSTRAINT `organizationRole_organizationId_fkey` FOREIGN KEY (`organizationId`) REFERENCES `organization`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- team.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `team` ADD CONSTRAINT `team_organizationId_fkey` FOREIGN KEY (`organizationId`) REFERENCES `organization`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- teamMember.teamId references team; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `teamMember` ADD CONSTRAINT `teamMember_teamId_fkey` FOREIGN KEY (`teamId`) REFERENCES `team`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- teamMember.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `teamMember` ADD CONSTRAINT `teamMember_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- member.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `member` ADD CONSTRAINT `member_organizationId_fkey` FOREIGN KEY (`organizationId`) REFERENCES `organization`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- member.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `member` ADD CONSTRAINT `member_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- invitation.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `invitation` ADD CONSTRAINT `invitation_organizationId_fkey` FOREIGN KEY (`organizationId`) REFERENCES `organization`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- invitation.inviterId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `invitation` ADD CONSTRAINT `invitation_inviterId_fkey` FOREIGN KEY (`inviterId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- walletAddress.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE `walletAddress` ADD CONSTRAINT `walletAddress_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
