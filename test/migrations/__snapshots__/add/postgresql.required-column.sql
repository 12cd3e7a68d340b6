-- Better Auth Doctor: add "nickname" to "user", which Better Auth needs and the database lacks.
-- Written for provider "postgresql" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row; stops before any change if a new required column has no value to give existing rows. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Stop before any change if "user" has rows: there is no honest value for "nickname" in them. To keep the rows, remove this guard and add UPDATE "user" SET "nickname" = <value> WHERE "nickname" IS NULL; right after the ADD COLUMN statements.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "user") THEN
    RAISE EXCEPTION 'Better Auth Doctor: "user" has rows, and the new required column "nickname" has no default. Give existing rows a value in this migration (see its comments) or make the field optional, then apply it again.';
  END IF;
END $$;

-- Add "nickname" without NOT NULL first: existing rows have no value for it yet.
ALTER TABLE "user" ADD COLUMN "nickname" TEXT;

-- Every row has a value now; make "nickname" required, as the field is in the schema.
ALTER TABLE "user" ALTER COLUMN "nickname" SET NOT NULL;
