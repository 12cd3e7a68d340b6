-- Better Auth Doctor: Session layout of Better Auth ≥ 1.0 → ≤ 0.8: "id" becomes the token, "token" goes.
-- Written for provider "cockroachdb" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Better Auth ≤ 0.8 looks sessions up by "id" = the cookie's token. Give each session its token as id so signed-in users stay signed in (the old id values are replaced; rows without a token keep theirs).
UPDATE "session" SET "id" = "token" WHERE "token" IS NOT NULL AND "id" <> "token";

-- The index "session_token_key" covers the token column that goes next; drop it first, as Prisma does.
DROP INDEX "session_token_key";

-- Better Auth ≤ 0.8 never writes "token"; its value now lives in "id".
ALTER TABLE "session" DROP COLUMN "token";
