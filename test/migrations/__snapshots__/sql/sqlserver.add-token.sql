-- Better Auth Doctor: Session layout of Better Auth ≤ 0.8 → ≥ 1.0: add "token" to "session", filled from "id".
-- Written for provider "sqlserver" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- All or nothing: a failing step rolls back every earlier one (Prisma's own wrapper).
BEGIN TRY

BEGIN TRAN;

-- Better Auth ≥ 1.0 looks sessions up by "token". Add the column without NOT NULL first: existing rows have no value for it yet.
ALTER TABLE [dbo].[session] ADD [token] NVARCHAR(1000) NULL;

-- Up to 0.8 the session id IS the token the cookie carries. Copying "id" into "token" keeps every signed-in user signed in after the upgrade.
EXEC('UPDATE [dbo].[session] SET [token] = [id] WHERE [token] IS NULL');

-- Every row has a token now; make the column required, as `token String` is in the schema.
ALTER TABLE [dbo].[session] ALTER COLUMN [token] NVARCHAR(1000) NOT NULL;

-- Unique, because Better Auth ≥ 1.0 updates sessions with `where: { token }`; named as Prisma names it ("session_token_key") so `prisma migrate dev` sees no drift.
ALTER TABLE [dbo].[session] ADD CONSTRAINT [session_token_key] UNIQUE NONCLUSTERED ([token]);

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
