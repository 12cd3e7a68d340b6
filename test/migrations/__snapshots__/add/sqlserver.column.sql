-- Better Auth Doctor: add "twoFactorEnabled" to "user", which Better Auth needs and the database lacks.
-- Written for provider "sqlserver" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- All or nothing: a failing step rolls back every earlier one (Prisma's own wrapper).
BEGIN TRY

BEGIN TRAN;

-- Add "twoFactorEnabled"; existing rows get its default, as the schema declares.
ALTER TABLE [dbo].[user] ADD [twoFactorEnabled] BIT NULL CONSTRAINT [user_twoFactorEnabled_df] DEFAULT 0 WITH VALUES;

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
