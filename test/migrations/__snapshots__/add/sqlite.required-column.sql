-- Better Auth Doctor: add "nickname" to "user", which Better Auth needs and the database lacks.
-- Written for provider "sqlite" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row; stops before any change if a new required column has no value to give existing rows. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Stop before any change if "user" has rows: there is no honest value for "nickname" in them. To keep the rows, remove this guard and add "nickname" with a value expression to the INSERT … SELECT of the rebuild below.
CREATE TEMP TABLE "better_auth_doctor_guard" ("rows" INTEGER CONSTRAINT "Better Auth Doctor: ""user"" has rows, and the new required column ""nickname"" has no default. Give existing rows a value in this migration (see its comments) or make the field optional, then apply it again." CHECK ("rows" = 0));
INSERT INTO "better_auth_doctor_guard" SELECT COUNT(*) FROM "user";
DROP TABLE temp."better_auth_doctor_guard";

-- SQLite cannot change this table in place: rebuild it as Prisma does. Foreign keys are checked once at the end, not while the tables are swapped.
PRAGMA defer_foreign_keys=ON;

-- Dropping the old table below must not cascade to, or fail on, rows that reference it.
PRAGMA foreign_keys=OFF;

-- The table exactly as Prisma creates it from the new user model.
CREATE TABLE "new_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "nickname" TEXT NOT NULL,
    "twoFactorEnabled" BOOLEAN DEFAULT false
);

-- Copy every row.
INSERT INTO "new_user" ("id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt", "twoFactorEnabled") SELECT "id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt", "twoFactorEnabled" FROM "user";

-- Every row is in new_user now.
DROP TABLE "user";

-- Take the old table's name; references from other tables keep pointing at it.
ALTER TABLE "new_user" RENAME TO "user";

-- Indexes go with the dropped table; (re)create "user_email_key" under the name Prisma gives it.
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- Foreign keys on again, as Prisma leaves the connection.
PRAGMA foreign_keys=ON;

-- Back to immediate foreign key checks.
PRAGMA defer_foreign_keys=OFF;
