import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getAuthTables } from "better-auth/db";
import type { CoreModelKey } from "../../../src/core/better-auth/options-mirror";
import { layoutFor, type ExpectedField, type VersionLayout } from "../../../src/core/better-auth/core-schema";
import semver from "semver";
import { idOptionsFor } from "../../../src/core/better-auth/id-options";

const CORE: CoreModelKey[] = ["user", "session", "account", "verification"];

function field(layout: VersionLayout, model: string, name: string): ExpectedField | undefined {
  return layout.models.find((m) => m.key === model)?.fields.find((f) => f.name === name);
}

function names(layout: VersionLayout, model: CoreModelKey): string[] {
  return layout.models.find((m) => m.key === model)!.fields.map((f) => f.name);
}

describe("version strings", () => {
  it("reads exact versions with a v, spaces or build metadata as the release", () => {
    expect(layoutFor("v1.0.0")).toBe(layoutFor("1.0.0"));
    expect(layoutFor(" 0.8.8 ")).toBe(layoutFor("0.8.8"));
    expect(layoutFor("0.8.8+build.1")).toBe(layoutFor("0.8.8"));
  });

  it("counts a prerelease of X as X (a prerelease already ships X's schema)", () => {
    expect(layoutFor("1.4.0-beta.5")).toBe(layoutFor("1.4.0"));
    expect(layoutFor("1.4.0-beta.5")).not.toBe(layoutFor("1.3.9"));
    expect(idOptionsFor("1.0.0-beta.1")).toEqual(idOptionsFor("1.0.0"));
    expect(idOptionsFor("1.0.0-beta.1")).not.toEqual(idOptionsFor("0.8.8"));
  });

  it("gives the newest layout for anything that is not an exact version", () => {
    for (const junk of ["", "latest", "^1.7.3", "1.7", "1.x", "1.2.3.4", "workspace:*", "npm:better-auth@1.0.0", "1.2.a"]) {
      expect(layoutFor(junk), junk).toBe(layoutFor(null));
    }
  });
});

describe("layoutFor", () => {
  it("≤ 0.8 looks the session up by id and has no token, no session timestamps", () => {
    const layout = layoutFor("0.8.8");
    expect(layout.label).toBe("0.8.5–0.8.8");
    expect(layout.sessionTokenColumn).toBe("id");
    expect(layout.validatesSchema).toBe(false);
    expect(field(layout, "session", "token")).toBeUndefined();
    expect(field(layout, "session", "createdAt")).toBeUndefined();
    expect(field(layout, "session", "id")).toMatchObject({ isId: true, writtenByBetterAuth: true });
    expect(names(layout, "account")).toContain("expiresAt");
    expect(names(layout, "account")).not.toContain("accessTokenExpiresAt");
    expect(layout.staleFields.map((s) => `${s.model}.${s.field}`)).toContain("session.token");
    expect(layoutFor("0.8.9-beta.2")).toBe(layout);
    // Every 0.x has its own truth: verification.createdAt exists only from 0.8.5.
    expect(field(layout, "verification", "createdAt")).toMatchObject({ required: false });
    expect(field(layoutFor("0.8.4"), "verification", "createdAt")).toBeUndefined();
    expect(layoutFor("0.8.4").sessionTokenColumn).toBe("id");
    // deleteUser deletes all of a user's sessions from 0.5.2, all accounts from 0.8.3.
    expect(layoutFor("0.4.13").deletedBeforeUser).toEqual([]);
    expect(layoutFor("0.8.2").deletedBeforeUser).toEqual(["session"]);
    expect(layout.deletedBeforeUser).toEqual(["session", "account"]);
    expect(layoutFor("0.1.0").label).toBe("0.4.0–0.4.6");
  });

  it("1.0.0 moves the token into a required unique column and splits account.expiresAt", () => {
    const layout = layoutFor("1.0.0");
    expect(layout.sessionTokenColumn).toBe("token");
    expect(field(layout, "session", "token")).toMatchObject({ type: "string", required: true, unique: true });
    expect(field(layout, "session", "createdAt")).toMatchObject({ required: true, writtenByBetterAuth: true });
    expect(names(layout, "account")).not.toContain("expiresAt");
    for (const name of ["accessTokenExpiresAt", "refreshTokenExpiresAt", "scope"]) expect(field(layout, "account", name)?.required).toBe(false);
    expect(field(layout, "account", "createdAt")?.required).toBe(true);
    expect(field(layout, "verification", "updatedAt")).toMatchObject({ required: false, writtenByBetterAuth: true });
    expect(layout.staleFields).toContainEqual(expect.objectContaining({ model: "account", field: "expiresAt" }));
    expect(layoutFor("1.0.0-canary.8")).toBe(layout);
    expect(layout.label).toBe("1.0.0–1.0.10");
    for (const v of ["1.2.12", "1.3.7"]) expect(layoutFor(v).models.map((m) => m.fields.map((f) => `${f.name}:${f.required}`)), v).toEqual(layout.models.map((m) => m.fields.map((f) => `${f.name}:${f.required}`)));
  });

  it("1.3.8 makes verification timestamps required; 1.4.0 adds the userId/identifier indexes", () => {
    expect(field(layoutFor("1.3.7"), "verification", "createdAt")?.required).toBe(false);
    expect(field(layoutFor("1.3.8"), "verification", "createdAt")?.required).toBe(true);
    expect(field(layoutFor("1.3.34"), "session", "userId")?.index).toBeUndefined();
    const v14 = layoutFor("1.4.22");
    expect(field(v14, "session", "userId")).toMatchObject({ index: true, references: { model: "user", field: "id", onDelete: "cascade" } });
    expect(field(v14, "account", "userId")?.index).toBe(true);
    expect(field(v14, "verification", "identifier")?.index).toBe(true);
    // 1.5.0 writes verification.identifier itself (after processing it); the columns stay the same.
    expect(field(v14, "verification", "identifier")?.writtenByBetterAuth).toBe(false);
    expect(field(layoutFor("1.6.34"), "verification", "identifier")?.writtenByBetterAuth).toBe(true);
  });

  it("1.7.0–1.7.2 require account.issuer; 1.7.3 drops it, lists it as stale and validates the schema", () => {
    for (const v of ["1.7.0", "1.7.1", "1.7.2", "1.7.0-rc.4"]) {
      const layout = layoutFor(v);
      expect(field(layout, "account", "issuer"), v).toMatchObject({ required: true, writtenByBetterAuth: false });
      expect(layout.validatesSchema, v).toBe(false);
    }
    for (const v of ["1.7.3", "1.7.25", "2.0.0"]) {
      const layout = layoutFor(v);
      expect(layout.label).toBe("≥ 1.7.3");
      expect(field(layout, "account", "issuer"), v).toBeUndefined();
      expect(layout.validatesSchema, v).toBe(true);
      expect(layout.staleFields.find((s) => s.field === "issuer")?.message).toMatch(/1\.7\.0–1\.7\.2/);
    }
  });

  it("falls back to the newest layout for null and junk versions", () => {
    const newest = layoutFor("1.7.25");
    for (const v of [null, "", "latest", "^1.7.3", "not a version", "1.7"]) expect(layoutFor(v)).toBe(newest);
  });

  it("every layout starts each core model with a written string id and has all four models", () => {
    for (const v of ["0.8.8", "1.0.0", "1.3.8", "1.4.0", "1.7.0", "1.7.3"]) {
      const layout = layoutFor(v);
      expect(layout.models.map((m) => m.key)).toEqual(CORE);
      for (const model of layout.models) {
        expect(model.fields[0]).toMatchObject({ name: "id", type: "string", required: true, isId: true, writtenByBetterAuth: true });
        expect(new Set(model.fields.map((f) => f.name)).size).toBe(model.fields.length);
      }
      // A stale field is by definition not something this version expects.
      for (const stale of layout.staleFields) expect(field(layout, stale.model, stale.field)).toBeUndefined();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The installed better-auth (devDependency) is the ground truth for the newest layout.

const installedVersion: string = JSON.parse(
  readFileSync(new URL("../../../node_modules/better-auth/package.json", import.meta.url), "utf8"),
).version;

interface Comparable {
  name: string;
  type: string;
  required: boolean;
  unique: boolean;
  index: boolean;
  references?: { model: string; field: string; onDelete?: string };
}

function fromLayout(layout: VersionLayout, key: CoreModelKey): Comparable[] {
  const model = layout.models.find((m) => m.key === key)!;
  return model.fields
    .filter((f) => !f.isId) // getAuthTables never lists id
    .map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required,
      unique: f.unique === true,
      index: f.index === true,
      ...(f.references ? { references: f.references } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

type TableField = {
  type: unknown;
  required?: boolean;
  unique?: boolean;
  index?: boolean;
  bigint?: boolean;
  fieldName?: string;
  references?: { model: string; field: string; onDelete?: string };
  defaultValue?: unknown;
  onUpdate?: unknown;
};

function installedFields(key: CoreModelKey): Record<string, TableField> {
  const tables = getAuthTables({}) as unknown as Record<string, { fields: Record<string, TableField> }>;
  return tables[key].fields;
}

function fromInstalled(key: CoreModelKey): Comparable[] {
  return Object.entries(installedFields(key))
    .map(([name, a]) => ({
      name: a.fieldName ?? name,
      type: a.type === "number" && a.bigint ? "bigint" : String(a.type),
      required: a.required === true,
      unique: a.unique === true,
      index: a.index === true,
      ...(a.references ? { references: a.references } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe(`installed better-auth ${installedVersion}`, () => {
  const layout = layoutFor(installedVersion);

  it("is a version the newest layout covers", () => {
    expect(semver.valid(installedVersion)).not.toBeNull();
    expect(semver.gte(installedVersion, "1.7.3")).toBe(true);
    expect(layout).toBe(layoutFor(null));
  });

  for (const key of CORE) {
    it(`layoutFor("${installedVersion}") matches getAuthTables().${key}`, () => {
      expect(fromLayout(layout, key)).toEqual(fromInstalled(key));
    });

    it(`marks every ${key} field with a defaultValue/onUpdate as written by Better Auth`, () => {
      for (const [name, a] of Object.entries(installedFields(key))) {
        if (a.defaultValue !== undefined || a.onUpdate !== undefined) expect(field(layout, key, name)?.writtenByBetterAuth, name).toBe(true);
      }
    });
  }

  it("has no account.issuer, as the stale list assumes", () => {
    expect(installedFields("account")).not.toHaveProperty("issuer");
  });
});

// The Prisma adapter's schema check (validateSchema, on by default since 1.7.3) reads the generated
// client's `_runtimeDataModel`; a stand-in client with just that lets us run the real check.
describe("installed Prisma adapter schema check", () => {
  type DmField = { name: string; kind: string; isRequired?: boolean; isId?: boolean; hasDefaultValue?: boolean; isUpdatedAt?: boolean };
  const MODEL_NAMES: Record<CoreModelKey, string> = { user: "User", session: "Session", account: "Account", verification: "Verification" };

  function dataModel(extra: Partial<Record<CoreModelKey, DmField[]>> = {}) {
    const layout = layoutFor(installedVersion);
    const models: Record<string, { fields: DmField[] }> = {};
    for (const model of layout.models) {
      // Exactly what the layout asks for: required fields NOT NULL, none with a database default.
      const fields: DmField[] = model.fields.map((f) => ({ name: f.name, kind: "scalar", isRequired: f.required, isId: f.isId === true }));
      const key = model.key as CoreModelKey;
      models[MODEL_NAMES[key]] = { fields: [...fields, ...(extra[key] ?? [])] };
    }
    return { models };
  }

  async function check(dm: ReturnType<typeof dataModel>, validateSchema?: boolean) {
    const prisma = { _runtimeDataModel: dm } as unknown as Parameters<typeof prismaAdapter>[0];
    const auth = betterAuth({
      secret: "a-test-secret-that-is-long-enough-0123456789",
      baseURL: "http://localhost:3000",
      database: prismaAdapter(prisma, { provider: "sqlite" }),
      logger: { disabled: true },
      ...(validateSchema === undefined ? {} : { advanced: { database: { validateSchema } } }),
    });
    const ctx = (await auth.$context) as unknown as { checkSchema?: () => Promise<void> | void };
    try {
      await ctx.checkSchema?.();
      return { checked: typeof ctx.checkSchema === "function", findings: [] as unknown[] };
    } catch (error) {
      const e = error as { code?: string; findings?: unknown[] };
      expect(e.code).toBe("SCHEMA_MISMATCH");
      return { checked: true, findings: e.findings ?? [] };
    }
  }

  it("accepts the newest layout as-is, without any database defaults", async () => {
    expect(await check(dataModel())).toEqual({ checked: true, findings: [] });
  });

  it("rejects a leftover required account.issuer, and accepts it once optional or defaulted", async () => {
    const required = await check(dataModel({ account: [{ name: "issuer", kind: "scalar", isRequired: true }] }));
    expect(required.findings).toEqual([{ kind: "unexpected-required-column", table: "account", column: "issuer" }]);
    expect((await check(dataModel({ account: [{ name: "issuer", kind: "scalar", isRequired: false }] }))).findings).toEqual([]);
    expect((await check(dataModel({ account: [{ name: "issuer", kind: "scalar", isRequired: true, hasDefaultValue: true }] }))).findings).toEqual([]);
  });

  it("ignores an optional leftover account.expiresAt but rejects a required one", async () => {
    expect((await check(dataModel({ account: [{ name: "expiresAt", kind: "scalar", isRequired: false }] }))).findings).toEqual([]);
    expect((await check(dataModel({ account: [{ name: "expiresAt", kind: "scalar", isRequired: true }] }))).findings).toEqual([
      { kind: "unexpected-required-column", table: "account", column: "expiresAt" },
    ]);
  });

  it("does not check at runtime with validateSchema: false", async () => {
    const result = await check(dataModel({ account: [{ name: "issuer", kind: "scalar", isRequired: true }] }), false);
    expect(result).toEqual({ checked: false, findings: [] });
  });
});
