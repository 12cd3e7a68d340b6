-- Better Auth Doctor: Make "session"."token" unique, as Better Auth ≥ 1.0 needs.
-- Written for provider "sqlserver" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- All or nothing: a failing step rolls back every earlier one (Prisma's own wrapper).
BEGIN TRY

BEGIN TRAN;

-- Stop with a clear message, before anything changes, if several sessions share a token: the unique index below cannot be created then. See the notes of the fix for how to find and resolve them.
IF EXISTS (SELECT 1 FROM [dbo].[session] GROUP BY [token] HAVING COUNT(*) > 1)
    THROW 50000, 'Better Auth Doctor: several rows of session share a token, so it cannot be made unique. Find them with the duplicate check of the fix, then delete the older copies (or regenerate the migration choosing "keep the latest session").', 1;

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
