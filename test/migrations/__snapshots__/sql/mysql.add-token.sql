-- Better Auth Doctor: Session layout of Better Auth ≤ 0.8 → ≥ 1.0: add "token" to "session", filled from "id".
-- Written for provider "mysql" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Better Auth ≥ 1.0 looks sessions up by "token". Add the column without NOT NULL first: existing rows have no value for it yet.
ALTER TABLE `session` ADD COLUMN `token` VARCHAR(191) NULL;

-- Up to 0.8 the session id IS the token the cookie carries. Copying "id" into "token" keeps every signed-in user signed in after the upgrade.
UPDATE `session` SET `token` = `id` WHERE `token` IS NULL;

-- Every row has a token now; make the column required, as `token String` is in the schema.
ALTER TABLE `session` MODIFY `token` VARCHAR(191) NOT NULL;

-- Unique, because Better Auth ≥ 1.0 updates sessions with `where: { token }`; named as Prisma names it ("session_token_key") so `prisma migrate dev` sees no drift.
CREATE UNIQUE INDEX `session_token_key` ON `session`(`token`);
