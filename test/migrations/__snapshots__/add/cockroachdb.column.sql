-- Better Auth Doctor: add "twoFactorEnabled" to "user", which Better Auth needs and the database lacks.
-- Written for provider "cockroachdb" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Add "twoFactorEnabled"; existing rows get its default, as the schema declares.
ALTER TABLE "user" ADD COLUMN "twoFactorEnabled" BOOL DEFAULT false;
