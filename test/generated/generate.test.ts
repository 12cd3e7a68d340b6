/**
 * Facts about what Better Auth's real CLI generator emits, asserted before any lint runs on
 * it: if these fail, the generator did not run, or Better Auth changed its output and the
 * linter's "accept what Better Auth writes" assumptions need a look.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSchemas, MATRIX, SKIPPED, type GeneratedSchema } from "./generate";

// CommonJS wasm package; loaded by require to keep it out of vite's ESM transform.
const prismaWasm = createRequire(__filename)("@prisma/prisma-schema-wasm") as { validate(params: string): void };

let outDir: string;
let schemas: GeneratedSchema[];

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-generated-"));
  schemas = await generateSchemas(outDir);
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** The body of `model <name> { ... }`; models hold no nested braces. */
function model(code: string, name: string): string {
  const match = new RegExp(`^model ${name} \\{\\n([^}]*)\\}`, "m").exec(code);
  if (!match) throw new Error(`model ${name} not found`);
  return match[1];
}

/** A field line `name Type attrs...`, with the generator's column padding collapsed. */
function field(body: string, name: string): string | undefined {
  const line = body.split("\n").find((l) => l.trim().split(/\s+/)[0] === name);
  return line?.trim().replace(/\s+/g, " ");
}

const only = (pred: (s: GeneratedSchema) => boolean) => () => schemas.filter(pred);
const byName = (name: string) => {
  const found = schemas.find((s) => s.name === name);
  if (!found) throw new Error(`no generated schema ${name}`);
  return found;
};

describe("Better Auth's generator over the matrix", () => {
  it("produced one file per matrix entry, with the code on disk", () => {
    expect(schemas.map((s) => s.name)).toEqual(MATRIX.map((e) => e.name));
    expect(new Set(schemas.map((s) => s.name)).size).toBe(schemas.length);
    for (const s of schemas) expect(readFileSync(s.file, "utf8")).toBe(s.code);
  });

  it("leaves out mongodb + serial", () => {
    expect(SKIPPED).toEqual([{ provider: "mongodb", idStrategy: "serial" }]);
    expect(schemas.some((s) => s.provider === "mongodb" && s.idStrategy === "serial")).toBe(false);
  });

  it("every schema has a session model with a token that is unique via @@unique, never field @unique", () => {
    for (const s of schemas) {
      const body = model(s.code, s.sessionModel);
      expect(field(body, s.tokenField), s.name).toBe(`${s.tokenField} String`);
      expect(body, s.name).toContain(`@@unique([${s.tokenField}])`);
      expect(s.code, s.name).not.toMatch(/\s@unique\b/);
    }
  });

  it("writes generator + datasource blocks; Prisma 6 style keeps url, Prisma 7 style drops it", () => {
    for (const s of schemas) {
      expect(s.code, s.name).toMatch(new RegExp(`datasource db \\{\\n  provider = "${s.provider}"\\n`));
      if (s.entry.prismaMajor === 7) {
        expect(s.code, s.name).toContain('provider = "prisma-client"\n');
        expect(s.code, s.name).not.toMatch(/^\s*url\s*=/m);
      } else {
        expect(s.code, s.name).toContain('provider = "prisma-client-js"');
        const url = s.provider === "sqlite" ? '"file:./dev.db"' : 'env("DATABASE_URL")';
        expect(s.code, s.name).toContain(`url      = ${url}`);
      }
    }
  });

  it("every schema is valid Prisma (the bundled engine is Prisma 7: the Prisma 6 `url` line is dropped first)", () => {
    for (const s of schemas) {
      const schema = s.code.replace(/^\s*url\s*=.*$/m, "");
      expect(() => prismaWasm.validate(JSON.stringify({ prismaSchema: [["schema.prisma", schema]], noColorErrors: true })), s.name).not.toThrow();
    }
  });
});

describe("ids", () => {
  it("default and false: `id String @id`, no database default (Better Auth or nobody fills it)", () => {
    for (const s of only((s) => s.provider !== "mongodb" && (s.idStrategy === "default" || s.idStrategy === "false"))()) {
      expect(field(model(s.code, s.sessionModel), "id"), s.name).toBe("id String @id");
      expect(field(model(s.code, s.sessionModel), "userId"), s.name).toBe("userId String");
    }
  });

  it("postgresql uuid: dbgenerated gen_random_uuid with @db.Uuid, and @db.Uuid foreign keys", () => {
    const body = model(byName("postgresql-id-uuid").code, "Session");
    expect(field(body, "id")).toBe('id String @id @default(dbgenerated("pg_catalog.gen_random_uuid()")) @db.Uuid');
    expect(field(body, "userId")).toBe("userId String @db.Uuid");
  });

  it("uuid elsewhere: a plain String id, Better Auth sends the uuid", () => {
    expect(field(model(byName("mysql-id-uuid").code, "Session"), "id")).toBe("id String @id");
    expect(field(model(byName("sqlite-id-uuid").code, "Session"), "id")).toBe("id String @id");
  });

  it("serial: Int autoincrement ids and Int foreign keys", () => {
    for (const s of only((s) => s.idStrategy === "serial")()) {
      const body = model(s.code, "Session");
      expect(field(body, "id"), s.name).toBe("id Int @id @default(autoincrement())");
      expect(field(body, "userId"), s.name).toBe("userId Int");
    }
  });

  it('mongodb: `id String @id @map("_id")` whatever generateId says, no @db.ObjectId', () => {
    for (const s of only((s) => s.provider === "mongodb")()) {
      for (const name of ["User", "Session", "Account", "Verification"]) {
        expect(field(model(s.code, name), "id"), s.name).toBe('id String @id @map("_id")');
      }
      expect(s.code).not.toContain("ObjectId");
    }
  });
});

describe("core layout", () => {
  it("session: relation with cascade, @@index([userId]), @@map, timestamps", () => {
    const body = model(byName("postgresql-id-default").code, "Session");
    expect(field(body, "user")).toBe("user User @relation(fields: [userId], references: [id], onDelete: Cascade)");
    expect(field(body, "createdAt")).toBe("createdAt DateTime @default(now())");
    expect(field(body, "updatedAt")).toBe("updatedAt DateTime @updatedAt");
    expect(body).toContain("@@index([userId])");
    expect(body).toContain('@@map("session")');
    expect(field(model(byName("postgresql-id-default").code, "User"), "sessions")).toBe("sessions Session[]");
  });

  it("mysql: @db.Text on long strings, length-191 prefix on indexed string columns, token without a native type", () => {
    const code = byName("mysql-id-default").code;
    const session = model(code, "Session");
    expect(field(session, "userAgent")).toBe("userAgent String? @db.Text");
    expect(field(session, "token")).toBe("token String");
    expect(session).toContain("@@index([userId(length: 191)])");
    expect(model(code, "Verification")).toContain("@@index([identifier(length: 191)])");
  });

  it("mysql with uuid/serial ids: the userId index has no length prefix", () => {
    expect(model(byName("mysql-id-uuid").code, "Session")).toContain("@@index([userId])");
    expect(model(byName("mysql-id-serial").code, "Session")).toContain("@@index([userId])");
  });

  it("rateLimit storage database adds a RateLimit model with BigInt lastRequest", () => {
    const body = model(byName("postgresql-rate-limit-table").code, "RateLimit");
    expect(field(body, "lastRequest")).toBe("lastRequest BigInt");
    expect(field(body, "count")).toBe("count Int");
    expect(body).toContain("@@unique([key])");
  });
});

describe("naming", () => {
  it("usePlural: pluralised models and tables", () => {
    const code = byName("postgresql-plural").code;
    expect(model(code, "Sessions")).toContain('@@map("sessions")');
    expect(field(model(code, "Sessions"), "users")).toBe("users Users @relation(fields: [userId], references: [id], onDelete: Cascade)");
    expect(code).not.toMatch(/^model Session \{/m);
  });

  it("custom session mapping: model UserSession, field sessionToken", () => {
    const code = byName("postgresql-custom-session").code;
    const body = model(code, "UserSession");
    expect(body).toContain('@@map("userSession")');
    expect(body).toContain("@@unique([sessionToken])");
    expect(field(model(code, "User"), "usersessions")).toBe("usersessions UserSession[]");
    expect(code).not.toMatch(/^model Session \{/m);
  });
});

describe("plugins", () => {
  const code = () => byName("postgresql-plugins-all").code;

  it("twoFactor: user.twoFactorEnabled and a TwoFactor model", () => {
    expect(field(model(code(), "User"), "twoFactorEnabled")).toBe("twoFactorEnabled Boolean? @default(false)");
    expect(field(model(code(), "TwoFactor"), "secret")).toBe("secret String");
  });

  it("admin: user.role/banned, session.impersonatedBy", () => {
    expect(field(model(code(), "User"), "banned")).toBe("banned Boolean? @default(false)");
    expect(field(model(code(), "Session"), "impersonatedBy")).toBe("impersonatedBy String?");
  });

  it("username and phoneNumber: optional fields made unique with @@unique", () => {
    const user = model(code(), "User");
    expect(field(user, "username")).toBe("username String?");
    expect(user).toContain("@@unique([username])");
    expect(user).toContain("@@unique([phoneNumber])");
  });

  it("anonymous: user.isAnonymous", () => {
    expect(field(model(code(), "User"), "isAnonymous")).toBe("isAnonymous Boolean? @default(false)");
  });

  it("organization with teams: Organization, Member, Invitation, Team, TeamMember, session.activeTeamId", () => {
    for (const name of ["Organization", "Member", "Invitation", "Team", "TeamMember"]) expect(() => model(code(), name)).not.toThrow();
    expect(model(code(), "Organization")).toContain("@@unique([slug])");
    expect(field(model(code(), "Session"), "activeOrganizationId")).toBe("activeOrganizationId String?");
    expect(field(model(code(), "Session"), "activeTeamId")).toBe("activeTeamId String?");
  });

  it("jwt: a Jwks model mapped to jwks", () => {
    expect(model(code(), "Jwks")).toContain('@@map("jwks")');
  });

  it("each single-plugin schema is the core plus that plugin's additions", () => {
    for (const s of only((s) => s.name.includes("-plugin-"))()) {
      expect(s.plugins, s.name).toHaveLength(1);
      expect(s.code, s.name).toMatch(/^model Verification \{/m);
    }
  });
});
