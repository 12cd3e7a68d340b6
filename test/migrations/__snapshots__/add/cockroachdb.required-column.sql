-- Better Auth Doctor: add "nickname" to "user", which Better Auth needs and the database lacks.
-- Written for provider "cockroachdb" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row; stops before any change if a new required column has no value to give existing rows. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Add "nickname" without NOT NULL first: existing rows have no value for it yet.
ALTER TABLE "user" ADD COLUMN "nickname" STRING;

-- Every row has a value now; make "nickname" required, as the field is in the schema.
ALTER TABLE "user" ALTER COLUMN "nickname" SET NOT NULL;
