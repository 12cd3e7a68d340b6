-- Better Auth Doctor: create "twoFactor", "organization", "organizationRole", "team", "teamMember", "member", "invitation", "jwks", "deviceCode", "walletAddress", which Better Auth needs and the database lacks.
-- Written for provider "cockroachdb" to match the fixed Prisma schema (names, types, keys, indexes), so `prisma migrate dev` sees no drift.
-- Only creates tables; no existing row is touched. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- The table for the new twoFactor model, exactly as Prisma creates it.
CREATE TABLE "twoFactor" (
    "id" STRING NOT NULL,
    "secret" STRING NOT NULL,
    "backupCodes" STRING NOT NULL,
    "userId" STRING NOT NULL,
    "verified" BOOL DEFAULT true,
    "failedVerificationCount" INT4 DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    CONSTRAINT "twoFactor_pkey" PRIMARY KEY ("id")
);

-- The table for the new organization model, exactly as Prisma creates it.
CREATE TABLE "organization" (
    "id" STRING NOT NULL,
    "name" STRING NOT NULL,
    "slug" STRING NOT NULL,
    "logo" STRING,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "metadata" STRING,
    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- The table for the new organizationRole model, exactly as Prisma creates it.
CREATE TABLE "organizationRole" (
    "id" STRING NOT NULL,
    "organizationId" STRING NOT NULL,
    "role" STRING NOT NULL,
    "permission" STRING NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    CONSTRAINT "organizationRole_pkey" PRIMARY KEY ("id")
);

-- The table for the new team model, exactly as Prisma creates it.
CREATE TABLE "team" (
    "id" STRING NOT NULL,
    "name" STRING NOT NULL,
    "memberCount" INT4 NOT NULL DEFAULT 0,
    "organizationId" STRING NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3),
    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- The table for the new teamMember model, exactly as Prisma creates it.
CREATE TABLE "teamMember" (
    "id" STRING NOT NULL,
    "teamId" STRING NOT NULL,
    "userId" STRING NOT NULL,
    "membershipKey" STRING,
    "createdAt" TIMESTAMP(3),
    CONSTRAINT "teamMember_pkey" PRIMARY KEY ("id")
);

-- The table for the new member model, exactly as Prisma creates it.
CREATE TABLE "member" (
    "id" STRING NOT NULL,
    "organizationId" STRING NOT NULL,
    "userId" STRING NOT NULL,
    "role" STRING NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- The table for the new invitation model, exactly as Prisma creates it.
CREATE TABLE "invitation" (
    "id" STRING NOT NULL,
    "organizationId" STRING NOT NULL,
    "email" STRING NOT NULL,
    "role" STRING,
    "teamId" STRING,
    "status" STRING NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "inviterId" STRING NOT NULL,
    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- The table for the new jwks model, exactly as Prisma creates it.
CREATE TABLE "jwks" (
    "id" STRING NOT NULL,
    "publicKey" STRING NOT NULL,
    "privateKey" STRING NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "alg" STRING,
    "crv" STRING,
    CONSTRAINT "jwks_pkey" PRIMARY KEY ("id")
);

-- The table for the new deviceCode model, exactly as Prisma creates it.
CREATE TABLE "deviceCode" (
    "id" STRING NOT NULL,
    "deviceCode" STRING NOT NULL,
    "userCode" STRING NOT NULL,
    "userId" STRING,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" STRING NOT NULL,
    "lastPolledAt" TIMESTAMP(3),
    "pollingInterval" INT4,
    "clientId" STRING,
    "scope" STRING,
    CONSTRAINT "deviceCode_pkey" PRIMARY KEY ("id")
);

-- The table for the new walletAddress model, exactly as Prisma creates it.
CREATE TABLE "walletAddress" (
    "id" STRING NOT NULL,
    "userId" STRING NOT NULL,
    "address" STRING NOT NULL,
    "chainId" INT4 NOT NULL,
    "isPrimary" BOOL NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "walletAddress_pkey" PRIMARY KEY ("id")
);

-- Index Better Auth's schema declares on twoFactor (lookups by this column); named as Prisma names it.
CREATE INDEX "twoFactor_secret_idx" ON "twoFactor"("secret");

-- Index Better Auth's schema declares on twoFactor (lookups by this column); named as Prisma names it.
CREATE INDEX "twoFactor_userId_idx" ON "twoFactor"("userId");

-- Unique, because Better Auth looks organization rows up by this key; named as Prisma names it.
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- Index Better Auth's schema declares on organizationRole (lookups by this column); named as Prisma names it.
CREATE INDEX "organizationRole_organizationId_idx" ON "organizationRole"("organizationId");

-- Index Better Auth's schema declares on organizationRole (lookups by this column); named as Prisma names it.
CREATE INDEX "organizationRole_role_idx" ON "organizationRole"("role");

-- Index Better Auth's schema declares on team (lookups by this column); named as Prisma names it.
CREATE INDEX "team_organizationId_idx" ON "team"("organizationId");

-- Index Better Auth's schema declares on teamMember (lookups by this column); named as Prisma names it.
CREATE INDEX "teamMember_teamId_idx" ON "teamMember"("teamId");

-- Index Better Auth's schema declares on teamMember (lookups by this column); named as Prisma names it.
CREATE INDEX "teamMember_userId_idx" ON "teamMember"("userId");

-- Unique, because Better Auth looks teamMember rows up by this key; named as Prisma names it.
CREATE UNIQUE INDEX "teamMember_membershipKey_key" ON "teamMember"("membershipKey");

-- Index Better Auth's schema declares on member (lookups by this column); named as Prisma names it.
CREATE INDEX "member_organizationId_idx" ON "member"("organizationId");

-- Index Better Auth's schema declares on member (lookups by this column); named as Prisma names it.
CREATE INDEX "member_userId_idx" ON "member"("userId");

-- Index Better Auth's schema declares on invitation (lookups by this column); named as Prisma names it.
CREATE INDEX "invitation_organizationId_idx" ON "invitation"("organizationId");

-- Index Better Auth's schema declares on invitation (lookups by this column); named as Prisma names it.
CREATE INDEX "invitation_email_idx" ON "invitation"("email");

-- Unique, because Better Auth looks deviceCode rows up by this key; named as Prisma names it.
CREATE UNIQUE INDEX "deviceCode_deviceCode_uidx" ON "deviceCode"("deviceCode");

-- Unique, because Better Auth looks deviceCode rows up by this key; named as Prisma names it.
CREATE UNIQUE INDEX "deviceCode_userCode_uidx" ON "deviceCode"("userCode");

-- Index Better Auth's schema declares on walletAddress (lookups by this column); named as Prisma names it.
CREATE INDEX "walletAddress_userId_idx" ON "walletAddress"("userId");

-- twoFactor.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "twoFactor" ADD CONSTRAINT "twoFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- organizationRole.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "organizationRole" ADD CONSTRAINT "organizationRole_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- team.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "team" ADD CONSTRAINT "team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- teamMember.teamId references team; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "teamMember" ADD CONSTRAINT "teamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- teamMember.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "teamMember" ADD CONSTRAINT "teamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- member.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "member" ADD CONSTRAINT "member_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- member.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "member" ADD CONSTRAINT "member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- invitation.organizationId references organization; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- invitation.inviterId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_inviterId_fkey" FOREIGN KEY ("inviterId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- walletAddress.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "walletAddress" ADD CONSTRAINT "walletAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
