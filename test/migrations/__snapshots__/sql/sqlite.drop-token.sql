-- Better Auth Doctor: Session layout of Better Auth ≥ 1.0 → ≤ 0.8: "id" becomes the token, "token" goes.
-- Written for provider "sqlite" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Better Auth ≤ 0.8 looks sessions up by "id" = the cookie's token. Give each session its token as id so signed-in users stay signed in (the old id values are replaced; rows without a token keep theirs).
UPDATE "session" SET "id" = "token" WHERE "token" IS NOT NULL AND "id" <> "token";

-- SQLite cannot change this table in place: rebuild it as Prisma does. Foreign keys are checked once at the end, not while the tables are swapped.
PRAGMA defer_foreign_keys=ON;

-- Dropping the old table below must not cascade to, or fail on, rows that reference it.
PRAGMA foreign_keys=OFF;

-- The table exactly as Prisma creates it from the new session model.
CREATE TABLE "new_session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Copy every session, without "token" (its value is in "id" now).
INSERT INTO "new_session" ("id", "expiresAt", "ipAddress", "userAgent", "userId") SELECT "id", "expiresAt", "ipAddress", "userAgent", "userId" FROM "session";

-- Every row is in new_session now.
DROP TABLE "session";

-- Take the old table's name; references from other tables keep pointing at it.
ALTER TABLE "new_session" RENAME TO "session";

-- Indexes go with the dropped table; recreate "session_userId_idx" under the name Prisma gives it.
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- Foreign keys on again, as Prisma leaves the connection.
PRAGMA foreign_keys=ON;

-- Back to immediate foreign key checks.
PRAGMA defer_foreign_keys=OFF;
