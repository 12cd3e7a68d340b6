import { getAuthTables } from "better-auth/db";
import { twoFactor } from "better-auth/plugins";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPrismaField, renderPrismaModel, type AuthTable } from "../../src/core/better-auth/prisma-model-text";
import { CURRENT_SCHEMA, edit } from "../core/lint/rules/helpers";
import { migrationFor } from "./add-scenarios";
import { forProvider } from "./fixtures";
import { mariadbDdl } from "./mariadb-ddl";
import { startMariaDb, type MariaDbServer } from "./servers";
import { mariadbStructure } from "./structure";

// On a real MariaDB (standing in for MySQL): the twoFactor plugin added to a core schema the way
// the quick fix does it (model text from renderPrismaModel/renderPrismaField, then the migration),
// compared with the tables Prisma creates for the new schema (hand-written DDL, Prisma's MySQL
// conventions as in mariadb-ddl.ts), and a required column without default that must not be
// invented.

let server: MariaDbServer;
beforeAll(async () => {
  server = await startMariaDb();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const BEFORE = forProvider(CURRENT_SCHEMA, "mysql");
const ctx = { provider: "mysql" as const, idStrategy: "default" as const, usePlural: false, tables: getAuthTables({ plugins: [twoFactor()] }) as unknown as Record<string, AuthTable> };

function withTwoFactor(): string {
  const model = renderPrismaModel("twoFactor", ctx);
  const field = renderPrismaField("user", "twoFactorEnabled", ctx);
  let text = edit(BEFORE, "  accounts      Account[]\n", `  accounts      Account[]\n  ${field.lines[0]}\n  ${model.backRelations[0]!.line}\n`);
  text += `\n${model.text}\n`;
  return text;
}

const TWO_FACTOR_DDL = `CREATE TABLE \`twoFactor\` (
    \`id\` VARCHAR(191) NOT NULL,
    \`secret\` TEXT NOT NULL,
    \`backupCodes\` TEXT NOT NULL,
    \`userId\` VARCHAR(191) NOT NULL,
    \`verified\` BOOLEAN NULL DEFAULT true,
    \`failedVerificationCount\` INTEGER NULL DEFAULT 0,
    \`lockedUntil\` DATETIME(3) NULL,

    INDEX \`twoFactor_secret_idx\`(\`secret\`(191)),
    INDEX \`twoFactor_userId_idx\`(\`userId\`(191)),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE \`twoFactor\` ADD CONSTRAINT \`twoFactor_userId_fkey\` FOREIGN KEY (\`userId\`) REFERENCES \`user\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE;`;

const userWith = (column: string) => mariadbDdl("current").replace("    `updatedAt` DATETIME(3) NOT NULL,\n\n    UNIQUE", `    \`updatedAt\` DATETIME(3) NOT NULL,\n    ${column},\n\n    UNIQUE`);

let counter = 0;
async function open(ddl: string) {
  const connection = await server.database(`add_${++counter}`);
  await connection.query(ddl);
  return connection;
}

async function seed(connection: Awaited<ReturnType<typeof open>>) {
  for (let i = 0; i < 3; i++) {
    await connection.query(`INSERT INTO \`user\` (id, name, email, emailVerified, createdAt, updatedAt) VALUES ('u${i}', 'n${i}', 'u${i}@example.com', false, '2026-01-01', '2026-01-02')`);
    await connection.query(`INSERT INTO \`session\` (id, token, expiresAt, createdAt, updatedAt, userId) VALUES ('s${i}', 't${i}', '2030-01-01', '2026-01-01', '2026-01-01', 'u${i}')`);
  }
}

const rows = async (connection: Awaited<ReturnType<typeof open>>) => ({
  user: (await connection.query("SELECT id, name, email, createdAt, updatedAt FROM `user` ORDER BY id"))[0],
  session: (await connection.query("SELECT id, token, userId FROM `session` ORDER BY id"))[0],
});

describe("MariaDB: the twoFactor plugin added by the quick fix", () => {
  it("creates twoFactor, adds user.twoFactorEnabled with its default, keeps every row, matches Prisma's tables", async () => {
    const after = withTwoFactor();
    const db = await open(mariadbDdl("current"));
    await seed(db);
    const before = await rows(db);
    await db.query(migrationFor(BEFORE, after).sql);
    expect(await rows(db)).toEqual(before);
    expect((await db.query("SELECT twoFactorEnabled AS t FROM `user`"))[0]).toEqual([{ t: 0 }, { t: 0 }, { t: 0 }]);
    const reference = await open(`${userWith("`twoFactorEnabled` BOOLEAN NULL DEFAULT false")}\n\n${TWO_FACTOR_DDL}`);
    expect(await mariadbStructure(db)).toEqual(await mariadbStructure(reference));
  });

  it("a required column without default stops before any change when users exist, and applies on an empty table", async () => {
    const after = edit(BEFORE, "  image         String?\n", "  image         String?\n  nickname      String\n");
    const { sql } = migrationFor(BEFORE, after);
    const db = await open(mariadbDdl("current"));
    await seed(db);
    const before = { rows: await rows(db), structure: await mariadbStructure(db) };
    await expect(db.query(sql)).rejects.toThrow(/fill_nickname_in_user_first/);
    expect({ rows: await rows(db), structure: await mariadbStructure(db) }).toEqual(before);

    const empty = await open(mariadbDdl("current"));
    await empty.query(sql);
    const reference = await open(userWith("`nickname` VARCHAR(191) NOT NULL"));
    expect(await mariadbStructure(empty)).toEqual(await mariadbStructure(reference));
  });
});
