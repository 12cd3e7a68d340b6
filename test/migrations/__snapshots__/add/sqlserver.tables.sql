-- Better Auth Doctor: create "twoFactor", "organization", "organizationRole", "team", "teamMember", "member", "invitation", "jwks", "deviceCode", "walletAddress", which Better Auth needs and the database lacks.
-- Written for provider "sqlserver" to match the fixed Prisma schema (names, types, keys, indexes), so `prisma migrate dev` sees no drift.
-- Only creates tables; no existing row is touched. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- All or nothing: a failing step rolls back every earlier one (Prisma's own wrapper).
BEGIN TRY

BEGIN TRAN;

-- The table for the new twoFactor model, exactly as Prisma creates it.
CREATE TABLE [dbo].[twoFactor] (
    [id] NVARCHAR(1000) NOT NULL,
    [secret] NVARCHAR(1000) NOT NULL,
    [backupCodes] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [verified] BIT NULL CONSTRAINT [twoFactor_verified_df] DEFAULT 1,
    [failedVerificationCount] INT NULL CONSTRAINT [twoFactor_failedVerificationCount_df] DEFAULT 0,
    [lockedUntil] DATETIME2 NULL,
    CONSTRAINT [twoFactor_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- The table for the new organization model, exactly as Prisma creates it.
CREATE TABLE [dbo].[organization] (
    [id] NVARCHAR(1000) NOT NULL,
    [name] NVARCHAR(1000) NOT NULL,
    [slug] NVARCHAR(1000) NOT NULL,
    [logo] NVARCHAR(1000) NULL,
    [createdAt] DATETIME2 NOT NULL,
    [metadata] NVARCHAR(1000) NULL,
    CONSTRAINT [organization_pkey] PRIMARY KEY CLUSTERED ([id]),
    CONSTRAINT [organization_slug_key] UNIQUE NONCLUSTERED ([slug])
);

-- The table for the new organizationRole model, exactly as Prisma creates it.
CREATE TABLE [dbo].[organizationRole] (
    [id] NVARCHAR(1000) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [role] NVARCHAR(1000) NOT NULL,
    [permission] NVARCHAR(1000) NOT NULL,
    [createdAt] DATETIME2 NOT NULL CONSTRAINT [organizationRole_createdAt_df] DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2 NULL,
    CONSTRAINT [organizationRole_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- The table for the new team model, exactly as Prisma creates it.
CREATE TABLE [dbo].[team] (
    [id] NVARCHAR(1000) NOT NULL,
    [name] NVARCHAR(1000) NOT NULL,
    [memberCount] INT NOT NULL CONSTRAINT [team_memberCount_df] DEFAULT 0,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [createdAt] DATETIME2 NOT NULL,
    [updatedAt] DATETIME2 NULL,
    CONSTRAINT [team_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- The table for the new teamMember model, exactly as Prisma creates it.
CREATE TABLE [dbo].[teamMember] (
    [id] NVARCHAR(1000) NOT NULL,
    [teamId] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [membershipKey] NVARCHAR(1000) NULL,
    [createdAt] DATETIME2 NULL,
    CONSTRAINT [teamMember_pkey] PRIMARY KEY CLUSTERED ([id]),
    CONSTRAINT [teamMember_membershipKey_key] UNIQUE NONCLUSTERED ([membershipKey])
);

-- The table for the new member model, exactly as Prisma creates it.
CREATE TABLE [dbo].[member] (
    [id] NVARCHAR(1000) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [role] NVARCHAR(1000) NOT NULL CONSTRAINT [member_role_df] DEFAULT 'member',
    [createdAt] DATETIME2 NOT NULL,
    CONSTRAINT [member_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- The table for the new invitation model, exactly as Prisma creates it.
CREATE TABLE [dbo].[invitation] (
    [id] NVARCHAR(1000) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [email] NVARCHAR(1000) NOT NULL,
    [role] NVARCHAR(1000) NULL,
    [teamId] NVARCHAR(1000) NULL,
    [status] NVARCHAR(1000) NOT NULL CONSTRAINT [invitation_status_df] DEFAULT 'pending',
    [expiresAt] DATETIME2 NOT NULL,
    [createdAt] DATETIME2 NOT NULL CONSTRAINT [invitation_createdAt_df] DEFAULT CURRENT_TIMESTAMP,
    [inviterId] NVARCHAR(1000) NOT NULL,
    CONSTRAINT [invitation_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- The table for the new jwks model, exactly as Prisma creates it.
CREATE TABLE [dbo].[jwks] (
    [id] NVARCHAR(1000) NOT NULL,
    [publicKey] NVARCHAR(1000) NOT NULL,
    [privateKey] NVARCHAR(1000) NOT NULL,
    [createdAt] DATETIME2 NOT NULL,
    [expiresAt] DATETIME2 NULL,
    [alg] NVARCHAR(1000) NULL,
    [crv] NVARCHAR(1000) NULL,
    CONSTRAINT [jwks_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- The table for the new deviceCode model, exactly as Prisma creates it.
CREATE TABLE [dbo].[deviceCode] (
    [id] NVARCHAR(1000) NOT NULL,
    [deviceCode] NVARCHAR(1000) NOT NULL,
    [userCode] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NULL,
    [expiresAt] DATETIME2 NOT NULL,
    [status] NVARCHAR(1000) NOT NULL,
    [lastPolledAt] DATETIME2 NULL,
    [pollingInterval] INT NULL,
    [clientId] NVARCHAR(1000) NULL,
    [scope] NVARCHAR(1000) NULL,
    CONSTRAINT [deviceCode_pkey] PRIMARY KEY CLUSTERED ([id]),
    CONSTRAINT [deviceCode_deviceCode_uidx] UNIQUE NONCLUSTERED ([deviceCode]),
    CONSTRAINT [deviceCode_userCode_uidx] UNIQUE NONCLUSTERED ([userCode])
);

-- The table for the new walletAddress model, exactly as Prisma creates it.
CREATE TABLE [dbo].[walletAddress] (
    [id] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [address] NVARCHAR(1000) NOT NULL,
    [chainId] INT NOT NULL,
    [isPrimary] BIT NOT NULL CONSTRAINT [walletAddress_isPrimary_df] DEFAULT 0,
    [createdAt] DATETIME2 NOT NULL,
    CONSTRAINT [walletAddress_pkey] PRIMARY KEY CLUSTERED ([id])
);

-- Index Better Auth's schema declares on twoFactor (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [twoFactor_secret_idx] ON [dbo].[twoFactor]([secret]);

-- Index Better Auth's schema declares on twoFactor (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [twoFactor_userId_idx] ON [dbo].[twoFactor]([userId]);

-- Index Better Auth's schema declares on organizationRole (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [organizationRole_organizationId_idx] ON [dbo].[organizationRole]([organizationId]);

-- Index Better Auth's schema declares on organizationRole (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [organizationRole_role_idx] ON [dbo].[organizationRole]([role]);

-- Index Better Auth's schema declares on team (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [team_organizationId_idx] ON [dbo].[team]([organizationId]);

-- Index Better Auth's schema declares on teamMember (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [teamMember_teamId_idx] ON [dbo].[teamMember]([teamId]);

-- Index Better Auth's schema declares on teamMember (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [teamMember_userId_idx] ON [dbo].[teamMember]([userId]);

-- Index Better Auth's schema declares on member (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [member_organizationId_idx] ON [dbo].[member]([organizationId]);

-- Index Better Auth's schema declares on member (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [member_userId_idx] ON [dbo].[member]([userId]);

-- Index Better Auth's schema declares on invitation (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [invitation_organizationId_idx] ON [dbo].[invitation]([organizationId]);

-- Index Better Auth's schema declares on invitation (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [invitation_email_idx] ON [dbo].[invitation]([email]);

-- Index Better Auth's schema declares on walletAddress (lookups by this column); named as Prisma names it.
CREATE NONCLUSTERED INDEX [walletAddress_userId_idx] ON [dbo].[walletAddress]([userId]);

-- twoFactor.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[twoFactor] ADD CONSTRAINT [twoFactor_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [dbo].[user]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- organizationRole.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[organizationRole] ADD CONSTRAINT [organizationRole_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [dbo].[organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- team.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[team] ADD CONSTRAINT [team_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [dbo].[organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- teamMember.teamId references team; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[teamMember] ADD CONSTRAINT [teamMember_teamId_fkey] FOREIGN KEY ([teamId]) REFERENCES [dbo].[team]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- teamMember.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[teamMember] ADD CONSTRAINT [teamMember_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [dbo].[user]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- member.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[member] ADD CONSTRAINT [member_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [dbo].[organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- member.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[member] ADD CONSTRAINT [member_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [dbo].[user]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- invitation.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[invitation] ADD CONSTRAINT [invitation_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [dbo].[organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- invitation.inviterId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[invitation] ADD CONSTRAINT [invitation_inviterId_fkey] FOREIGN KEY ([inviterId]) REFERENCES [dbo].[user]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- walletAddress.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE [dbo].[walletAddress] ADD CONSTRAINT [walletAddress_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [dbo].[user]([id]) ON DELETE CASCADE ON UPDATE CASCADE;

-- Every step succeeded.
COMMIT TRAN;

END TRY
BEGIN CATCH

IF @@TRANCOUNT > 0
BEGIN
    ROLLBACK TRAN;
END;
THROW

END CATCH
