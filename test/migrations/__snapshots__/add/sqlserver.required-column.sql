-- Better Auth Doctor: add "nickname" to "user", which Better Auth needs and the database lacks.
-- Written for provider "sqlserver" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row; stops before any change if a new required column has no value to give existing rows. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- All or nothing: a failing step rolls back every earlier one (Prisma's own wrapper).
BEGIN TRY

BEGIN TRAN;

-- Stop before any change if "user" has rows: there is no honest value for "nickname" in them. To keep the rows, remove this guard and add UPDATE [dbo].[user] SET [nickname] = <value> WHERE [nickname] IS NULL; right after the ADD COLUMN statements.
IF EXISTS (SELECT 1 FROM [dbo].[user])
    THROW 50000, 'Better Auth Doctor: "user" has rows, and the new required column "nickname" has no default. Give existing rows a value in this migration (see its comments) or make the field optional, then apply it again.', 1;

-- Add "nickname" without NOT NULL first: existing rows have no value for it yet.
ALTER TABLE [dbo].[user] ADD [nickname] NVARCHAR(1000) NULL;

-- Every row has a value now; make "nickname" required, as the field is in the schema.
ALTER TABLE [dbo].[user] ALTER COLUMN [nickname] NVARCHAR(1000) NOT NULL;

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
