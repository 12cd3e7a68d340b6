import { describe, expect, it } from "vitest";
import { migrationFolderName, migrationsDirFor, planSessionMigration, type SessionTransition } from "../../src/core/migrations";
import { CURRENT_SCHEMA, edit } from "../core/lint/rules/helpers";
import { parse, sessionBlock, situation, type TestProvider } from "./fixtures";
import { prismaDiff } from "./prisma-engine";

// The exact SQL per provider and transition (snapshots), the statements that matter asserted
// one by one, and the SQLite table rebuild checked character for character against the DDL of
// Prisma's own schema engine.

const TRANSITIONS: SessionTransition[] = ["add-token", "drop-token", "make-token-unique"];
const PROVIDERS: TestProvider[] = ["postgresql", "cockroachdb", "mysql", "sqlite", "sqlserver", "mongodb"];

function statementsOf(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

describe("migration.sql snapshots", () => {
  for (const provider of PROVIDERS) {
    for (const transition of TRANSITIONS) {
      it(`${provider} ${transition}`, () => {
        const { plan } = situation(provider, transition);
        expect(plan.provider).toBe(provider);
        expect({ name: plan.name, notes: plan.notes, duplicateCheckSql: plan.duplicateCheckSql }).toMatchSnapshot();
        if (provider === "mongodb") expect(plan.sql).toBeUndefined();
        else expect(plan.sql).toMatchFileSnapshot(`__snapshots__/sql/${provider}.${transition}.sql`);
      });
    }
  }
});

describe("every statement is commented", () => {
  for (const provider of PROVIDERS.filter((p) => p !== "mongodb")) {
    for (const transition of TRANSITIONS) {
      it(`${provider} ${transition}`, () => {
        const sql = situation(provider, transition).plan.sql!;
        // Blocks are separated by blank lines; each starts with a comment.
        const blocks = sql.split(/\n\n(?=--)/);
        for (const block of blocks) expect(block.startsWith("-- "), block).toBe(true);
        expect(sql).not.toMatch(/^\s*(DELETE|TRUNCATE)\b/im);
      });
    }
  }
});

describe("key statements", () => {
  it("PostgreSQL add-token: nullable column, copy id, NOT NULL, Prisma-named unique index", () => {
    expect(statementsOf(situation("postgresql", "add-token").plan.sql!)).toEqual([
      'ALTER TABLE "session" ADD COLUMN "token" TEXT',
      'UPDATE "session" SET "token" = "id" WHERE "token" IS NULL',
      'ALTER TABLE "session" ALTER COLUMN "token" SET NOT NULL',
      'CREATE UNIQUE INDEX "session_token_key" ON "session"("token")',
    ]);
  });

  it("PostgreSQL drop-token: id = token, then drop the index and the column", () => {
    expect(statementsOf(situation("postgresql", "drop-token").plan.sql!)).toEqual([
      'UPDATE "session" SET "id" = "token" WHERE "token" IS NOT NULL AND "id" <> "token"',
      'DROP INDEX "session_token_key"',
      'ALTER TABLE "session" DROP COLUMN "token"',
    ]);
  });

  it("MySQL uses VARCHAR(191), Prisma's default String type there", () => {
    const sql = situation("mysql", "add-token").plan.sql!;
    expect(sql).toContain("ALTER TABLE `session` ADD COLUMN `token` VARCHAR(191) NULL;");
    expect(sql).toContain("ALTER TABLE `session` MODIFY `token` VARCHAR(191) NOT NULL;");
    expect(sql).toContain("CREATE UNIQUE INDEX `session_token_key` ON `session`(`token`);");
    expect(situation("mysql", "drop-token").plan.sql).toContain("DROP INDEX `session_token_key` ON `session`;");
  });

  it("SQL Server: NVARCHAR(1000), a UNIQUE constraint, Prisma's transaction wrapper, and EXEC for the column added in the same batch", () => {
    const sql = situation("sqlserver", "add-token").plan.sql!;
    expect(sql).toMatch(/^BEGIN TRY\n\nBEGIN TRAN;$/m);
    expect(sql).toContain("ALTER TABLE [dbo].[session] ADD [token] NVARCHAR(1000) NULL;");
    expect(sql).toContain("EXEC('UPDATE [dbo].[session] SET [token] = [id] WHERE [token] IS NULL');");
    expect(sql).toContain("ALTER TABLE [dbo].[session] ALTER COLUMN [token] NVARCHAR(1000) NOT NULL;");
    expect(sql).toContain("ALTER TABLE [dbo].[session] ADD CONSTRAINT [session_token_key] UNIQUE NONCLUSTERED ([token]);");
    expect(sql).toMatch(/ROLLBACK TRAN;\nEND;\nTHROW\n\nEND CATCH\n$/);
    expect(situation("sqlserver", "drop-token").plan.sql).toContain("ALTER TABLE [dbo].[session] DROP CONSTRAINT [session_token_key];");
  });

  it("CockroachDB: STRING, and a note about schema changes inside the migration's transaction", () => {
    const plan = situation("cockroachdb", "add-token").plan;
    expect(plan.sql).toContain('ALTER TABLE "session" ADD COLUMN "token" STRING;');
    expect(plan.notes.join("\n")).toMatch(/CockroachDB/);
  });

  it("MongoDB: no SQL, and what to run instead, in the order that works", () => {
    const plan = situation("mongodb", "add-token").plan;
    expect(plan.sql).toBeUndefined();
    expect(plan.notes[0]).toMatch(/MongoDB has no SQL migrations/);
    expect(plan.notes[1]).toContain('db.getCollection("session").updateMany({ token: { $exists: false } }, [{ $set: { token: "$_id" } }])');
    expect(plan.notes[2]).toMatch(/npx prisma db push/);
  });

  it("make-token-unique: a read-only duplicate check, a guard instead of a blind failure, DELETE only when chosen", () => {
    const abort = situation("postgresql", "make-token-unique").plan;
    expect(abort.duplicateCheckSql).toBe(
      'SELECT "token", COUNT(*) AS "sessions" FROM "session" WHERE "token" IS NOT NULL GROUP BY "token" HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC;',
    );
    expect(abort.sql).toContain("RAISE EXCEPTION");
    expect(abort.sql).not.toMatch(/^DELETE/m);
    const keep = situation("postgresql", "make-token-unique", "keep-latest").plan;
    expect(keep.sql).toMatch(/^DELETE FROM "session" AS "older" USING "session" AS "newer"$/m);
    expect(situation("sqlserver", "make-token-unique").plan.duplicateCheckSql).not.toContain("IS NOT NULL");
  });
});

describe("names and types come from the schema", () => {
  const mapped = edit(
    edit(edit(CURRENT_SCHEMA, '  @@map("session")\n', '  @@map("auth_sessions")\n'), "  token     String\n", '  token     String   @map("session_token") @db.VarChar(255)\n'),
    "  @@unique([token])\n",
    '  @@unique([token], map: "uniq_session_token")\n',
  );

  it("uses @@map, @map, @db.* and a mapped unique index name", () => {
    const schema = parse(mapped);
    const sql = planSessionMigration({ schema, session: sessionBlock(schema), transition: "drop-token", tokenField: "token" }).sql!;
    expect(sql).toContain('UPDATE "auth_sessions" SET "id" = "session_token"');
    expect(sql).toContain('DROP INDEX "uniq_session_token";');
    expect(sql).toContain('ALTER TABLE "auth_sessions" DROP COLUMN "session_token";');
  });

  it("keeps the token's native type and prefix length on MySQL", () => {
    const text = edit(edit(mapped, 'provider = "postgresql"', 'provider = "mysql"'), '@db.VarChar(255)', "@db.Text").replace(
      '@@unique([token], map: "uniq_session_token")',
      '@@unique([token(length: 191)], map: "uniq_session_token")',
    );
    const schema = parse(edit(text, '  @@unique([token(length: 191)], map: "uniq_session_token")\n', ""));
    const plan = planSessionMigration({ schema, session: sessionBlock(schema), transition: "make-token-unique", tokenField: "token" });
    expect(plan.sql).toContain("CREATE UNIQUE INDEX `auth_sessions_session_token_key` ON `auth_sessions`(`session_token`);");
    const withLength = parse(text);
    const drop = planSessionMigration({ schema: withLength, session: sessionBlock(withLength), transition: "drop-token", tokenField: "token" });
    expect(drop.sql).toContain("DROP INDEX `uniq_session_token` ON `auth_sessions`;");
  });

  it("qualifies tables with @@schema", () => {
    const schema = parse(edit(CURRENT_SCHEMA, '  @@map("session")\n', '  @@map("session")\n  @@schema("auth")\n'));
    const sql = planSessionMigration({ schema, session: sessionBlock(schema), transition: "drop-token", tokenField: "token" }).sql!;
    expect(sql).toContain('ALTER TABLE "auth"."session" DROP COLUMN "token";');
    expect(sql).toContain('DROP INDEX "auth"."session_token_key";');
  });

  it("drop-token names the models whose foreign keys point at Session and what happens to them", () => {
    const text = edit(CURRENT_SCHEMA, "model Verification {", "model Device {\n  id        String  @id\n  sessionId String\n  session   Session @relation(fields: [sessionId], references: [id], onUpdate: Restrict)\n}\n\nmodel Verification {").replace(
      "  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@unique([token])",
      "  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n  devices   Device[]\n\n  @@unique([token])",
    );
    const schema = parse(text);
    const plan = planSessionMigration({ schema, session: sessionBlock(schema), transition: "drop-token", tokenField: "token" });
    expect(plan.notes.join("\n")).toContain("Device.session references Session with onUpdate: Restrict");
  });

  it("explains instead of guessing for an unknown provider or a Session without @id", () => {
    const unknown = parse(edit(CURRENT_SCHEMA, 'provider = "postgresql"', 'provider = "oracle"'));
    const plan = planSessionMigration({ schema: unknown, session: sessionBlock(unknown), transition: "add-token", tokenField: "token" });
    expect(plan.sql).toBeUndefined();
    expect(plan.notes).toEqual(['No migration is written for provider "oracle".']);
    const noId = parse(edit(CURRENT_SCHEMA, "model Session {\n  id        String   @id\n", "model Session {\n  id        String\n"));
    const noIdPlan = planSessionMigration({ schema: noId, session: sessionBlock(noId), transition: "drop-token", tokenField: "token" });
    expect(noIdPlan.sql).toBeUndefined();
    expect(noIdPlan.notes[0]).toMatch(/Session has no single-field @id/);
  });
});

describe("the SQLite rebuild is Prisma's DDL", () => {
  const RICH = `datasource db {
  provider = "sqlite"
}

enum Role {
  ADMIN
  USER
}

model User {
  id       Int       @id @default(autoincrement())
  sessions Session[]
}

model Org {
  a        String
  b        String
  sessions Session[]

  @@id([a, b])
}

model Session {
  id        String   @id
  n         Int      @default(-1)
  f         Float    @default(1.5)
  b         Boolean  @default(true)
  role      Role     @default(USER)
  j         Json?
  by        Bytes?
  big       BigInt   @default(5)
  dec       Decimal  @default(1.25)
  s         String   @default("it's") @map("s_col")
  expiresAt DateTime @default(now())
  email     String   @unique
  userId    Int?
  user      User?    @relation(fields: [userId], references: [id])
  orgA      String
  orgB      String
  org       Org      @relation(fields: [orgA, orgB], references: [a, b], onDelete: NoAction, onUpdate: NoAction)

  @@unique([s, n])
  @@index([n(sort: Desc), b])
  @@index([userId])
  @@map("sessions")
}
`;

  it("add-token creates exactly the table and indexes Prisma creates for the fixed model", async () => {
    const schema = parse(RICH);
    const sql = planSessionMigration({ schema, session: sessionBlock(schema), transition: "add-token", tokenField: "token" }).sql!;
    const fixedModel = edit(RICH, "  id        String   @id\n  n ", "  id        String   @id\n  token     String   @unique\n  n ");
    const prisma = await prismaDiff("sqlite", fixedModel);
    const createTable = /CREATE TABLE "sessions" \([\s\S]*?\n\);/.exec(prisma)![0];
    expect(sql).toContain(createTable.replace('CREATE TABLE "sessions"', 'CREATE TABLE "new_sessions"'));
    const prismaIndexes = prisma.split("\n").filter((line) => /^CREATE (UNIQUE )?INDEX .* ON "sessions"/.test(line));
    const ourIndexes = sql.split("\n").filter((line) => /^CREATE (UNIQUE )?INDEX/.test(line));
    expect(ourIndexes).toEqual(prismaIndexes);
  });

  it("follows Prisma's RedefineTables sequence", async () => {
    const s = situation("sqlite", "add-token");
    const ours = statementsOf(s.plan.sql!).map((statement) => statement.split("\n")[0]!.replace(/;$/, "").replace(/ \(.*$/, ""));
    const prisma = (await prismaDiff("sqlite", s.after, s.before))
      .split("\n")
      .filter((line) => line && !line.startsWith("--") && !line.startsWith(" ") && line !== ");")
      .map((line) => line.replace(/;$/, "").replace(/ \(.*$/, ""));
    expect(ours).toEqual(prisma);
  });
});

describe("migration folders", () => {
  it("names folders as Prisma does: UTC timestamp and name", () => {
    expect(migrationFolderName(new Date(Date.UTC(2026, 10, 25, 11, 46, 0)), "better_auth_session_token")).toBe("20261125114600_better_auth_session_token");
    expect(migrationFolderName(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), "session token!")).toBe("20260102030405_session_token_");
  });

  it("puts migrations next to the schema file, in a schema folder, or where prisma.config.ts says", () => {
    expect(migrationsDirFor("/app/prisma/schema.prisma")).toBe("/app/prisma/migrations");
    expect(migrationsDirFor("/app/prisma/schema")).toBe("/app/prisma/schema/migrations");
    const config = 'export default defineConfig({\n  schema: "prisma/schema",\n  migrations: { path: "db/migrations" },\n});';
    expect(migrationsDirFor("/app/prisma/schema", config, "/app")).toBe("/app/db/migrations");
    expect(migrationsDirFor("/app/prisma/schema.prisma", "export default {}", "/app")).toBe("/app/prisma/migrations");
  });
});
