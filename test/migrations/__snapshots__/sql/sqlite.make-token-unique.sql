-- Better Auth Doctor: Make "session"."token" unique, as Better Auth ≥ 1.0 needs.
-- Written for provider "sqlite" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Unique, because Better Auth ≥ 1.0 updates sessions with `where: { token }`; named as Prisma names it ("session_token_key") so `prisma migrate dev` sees no drift.
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");
