-- Better Auth Doctor: Make "session"."token" unique, as Better Auth ≥ 1.0 needs.
-- Written for provider "postgresql" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Stop with a clear message, before anything changes, if several sessions share a token: the unique index below cannot be created then. See the notes of the fix for how to find and resolve them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "session" WHERE "token" IS NOT NULL GROUP BY "token" HAVING COUNT(*) > 1) THEN
    RAISE EXCEPTION 'Better Auth Doctor: several rows of session share a token, so it cannot be made unique. Find them with the duplicate check of the fix, then delete the older copies (or regenerate the migration choosing "keep the latest session").';
  END IF;
END $$;

-- Unique, because Better Auth ≥ 1.0 updates sessions with `where: { token }`; named as Prisma names it ("session_token_key") so `prisma migrate dev` sees no drift.
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");
