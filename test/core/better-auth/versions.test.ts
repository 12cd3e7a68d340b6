import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// the extractor's own normalisation, so the live packages are compared exactly as the JSON was made
import { normaliseTables } from "../../../scripts/better-auth-versions/normalise.mjs";
import { INSTALLED_BETTER_AUTH } from "../../installed-better-auth";
import {
  maxSatisfying,
  publishedVersions,
  tablesFor,
  versionRanges,
  type VersionTables,
} from "../../../src/core/better-auth/versions";

const require = createRequire(import.meta.url);

/** Every leaf that differs between two versions' tables and facts, as "path": [before, after]. */
function difference(a: VersionTables, b: VersionTables): Record<string, [unknown, unknown]> {
  const flat = (value: unknown, path: string, out: Record<string, string>) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) flat(inner, path ? `${path}.${key}` : key, out);
    } else out[path] = JSON.stringify(value);
    return out;
  };
  const before = flat({ tables: a.tables, facts: a.facts }, "", {});
  const after = flat({ tables: b.tables, facts: b.facts }, "", {});
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[key] !== after[key]) {
      changes[key] = [before[key] === undefined ? undefined : JSON.parse(before[key]), after[key] === undefined ? undefined : JSON.parse(after[key])];
    }
  }
  return changes;
}

const added = (type: string, required: boolean, name: string, extra: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries({ type, required, fieldName: name, ...extra }).map(([key, value]): [string, [unknown, unknown]] => [
      `.${key}`,
      [undefined, value],
    ]),
  );
const field = (prefix: string, flags: Record<string, [unknown, unknown]>) =>
  Object.fromEntries(Object.entries(flags).map(([key, value]) => [`${prefix}${key}`, value]));

describe("published versions", () => {
  it("lists stable versions only, ascending, from 0.4.0 to the installed 1.7.25", () => {
    const versions = publishedVersions();
    expect(versions[0]).toBe("0.4.0");
    expect(versions).toContain("1.7.25");
    expect(versions.every((v) => /^\d+\.\d+\.\d+$/.test(v))).toBe(true);
    expect([...versions].sort((a, b) => (a === b ? 0 : require("semver").lt(a, b) ? -1 : 1))).toEqual(versions);
  });

  it("resolves ranges over the known versions", () => {
    expect(maxSatisfying("^0.8.0")).toBe("0.8.8");
    expect(maxSatisfying("~1.7.2")).toBe("1.7.25");
    expect(maxSatisfying("not a range")).toBeNull();
  });
});

describe("ranges", () => {
  it("cover every published version once, in order, each starting and ending on a published version", () => {
    const versions = publishedVersions();
    const ranges = versionRanges().map((r) => r.range);
    let next = 0;
    for (const { from, to } of ranges) {
      expect(versions[next]).toBe(from);
      next = versions.indexOf(to) + 1;
      expect(next).toBeGreaterThan(0);
    }
    expect(next).toBe(versions.length);
  });

  it("maps a version to its range; unknown patch versions and majors fall into the range before them", () => {
    expect(tablesFor("0.8.4").range).toEqual({ from: "0.8.3", to: "0.8.3" });
    expect(tablesFor("1.7.19").range).toEqual({ from: "1.7.3", to: "1.7.25" });
    expect(tablesFor("9.0.0").range).toEqual({ from: "1.7.3", to: "1.7.25" });
    expect(tablesFor("1.4").range.from).toBe("1.4.0");
    expect(tablesFor("0.1.0").range.from).toBe("0.4.0");
    expect(() => tablesFor("latest")).toThrow(TypeError);
  });
});

describe("range boundaries: the exact difference between the last version of a range and the first of the next", () => {
  const boundary = (last: string, first: string, expected: Record<string, [unknown, unknown]>) =>
    it(`${last} → ${first}`, () => {
      expect(tablesFor(last).range.to).toBe(last);
      expect(tablesFor(first).range.from).toBe(first);
      expect(difference(tablesFor(last), tablesFor(first))).toEqual(expected);
    });

  boundary("0.4.6", "0.4.13", {
    "facts.writes.account": [null, ["id"]],
    "facts.generateId.defaultId": ["21 chars [A-Za-z0-9]", "nanoid: 21 chars [A-Za-z0-9_-]"],
  });
  boundary("0.4.13", "0.5.2", { "facts.deleteUser.sessions": ["one", "all"] });
  boundary("0.8.2", "0.8.3", { "facts.deleteUser.accounts": ["one", "all"] });
  boundary("0.8.3", "0.8.5", {
    ...field("tables.verification.fields.createdAt", added("date", false, "createdAt", { hasDefault: true })),
    "facts.writes.verification": [["id"], ["createdAt", "id"]],
  });
  boundary("0.8.8", "1.0.0", {
    ...field("tables.account.fields.expiresAt", {
      ".type": ["date", undefined],
      ".required": [false, undefined],
      ".fieldName": ["expiresAt", undefined],
    }),
    ...field("tables.account.fields.accessTokenExpiresAt", added("date", false, "accessTokenExpiresAt")),
    ...field("tables.account.fields.refreshTokenExpiresAt", added("date", false, "refreshTokenExpiresAt")),
    ...field("tables.account.fields.scope", added("string", false, "scope")),
    ...field("tables.account.fields.createdAt", added("date", true, "createdAt")),
    ...field("tables.account.fields.updatedAt", added("date", true, "updatedAt")),
    ...field("tables.session.fields.token", added("string", true, "token", { unique: true })),
    ...field("tables.session.fields.createdAt", added("date", true, "createdAt")),
    ...field("tables.session.fields.updatedAt", added("date", true, "updatedAt")),
    ...field("tables.verification.fields.updatedAt", added("date", false, "updatedAt", { hasDefault: true })),
    "facts.sessionLookup": ["id", "token"],
    "facts.writes.user": [["createdAt", "emailVerified", "id", "updatedAt"], ["createdAt", "emailVerified", "updatedAt"]],
    "facts.writes.session": [
      ["expiresAt", "id", "ipAddress", "userAgent", "userId"],
      ["createdAt", "expiresAt", "ipAddress", "token", "updatedAt", "userAgent", "userId"],
    ],
    "facts.writes.account": [["id"], ["createdAt", "updatedAt"]],
    "facts.writes.verification": [["createdAt", "id"], ["createdAt", "updatedAt"]],
    "facts.generateId.option": [null, "advanced.generateId"],
    "facts.generateId.accepts.false": [false, true],
  });
  boundary("1.0.10", "1.0.13", {
    "facts.writes.user": [["createdAt", "emailVerified", "updatedAt"], ["createdAt", "email", "emailVerified", "updatedAt"]],
  });
  boundary("1.0.22", "1.1.1", {
    "facts.generateId.defaultId": ["nanoid: 21 chars [A-Za-z0-9_-]", "32 chars [A-Za-z0-9]"],
  });
  boundary("1.2.5", "1.2.6", {
    "facts.generateId.option": ["advanced.generateId", "advanced.database.generateId"],
    "facts.generateId.legacyOptionRead": [false, true],
    "facts.adapterAppliesDefaults": [false, true],
  });
  boundary("1.3.7", "1.3.8", {
    "tables.account.fields.createdAt.hasDefault": [undefined, true],
    "tables.account.fields.updatedAt.hasOnUpdate": [undefined, true],
    "tables.session.fields.createdAt.hasDefault": [undefined, true],
    "tables.session.fields.updatedAt.hasOnUpdate": [undefined, true],
    "tables.user.fields.updatedAt.hasOnUpdate": [undefined, true],
    "tables.verification.fields.createdAt.required": [false, true],
    "tables.verification.fields.updatedAt.required": [false, true],
    "tables.verification.fields.updatedAt.hasOnUpdate": [undefined, true],
    "facts.writes.user": [["createdAt", "email", "emailVerified", "updatedAt"], ["email", "updatedAt"]],
    "facts.writes.session": [
      ["createdAt", "expiresAt", "ipAddress", "token", "updatedAt", "userAgent", "userId"],
      ["expiresAt", "ipAddress", "token", "updatedAt", "userAgent", "userId"],
    ],
    "facts.writes.account": [["createdAt", "updatedAt"], ["updatedAt"]],
    "facts.writes.verification": [["createdAt", "updatedAt"], ["updatedAt"]],
  });
  boundary("1.3.34", "1.4.0", {
    "tables.account.fields.userId.index": [undefined, true],
    "tables.session.fields.userId.index": [undefined, true],
    "tables.verification.fields.identifier.index": [undefined, true],
    "facts.writes.user": [["email", "updatedAt"], ["createdAt", "email", "updatedAt"]],
    "facts.writes.session": [
      ["expiresAt", "ipAddress", "token", "updatedAt", "userAgent", "userId"],
      ["createdAt", "expiresAt", "ipAddress", "token", "updatedAt", "userAgent", "userId"],
    ],
    "facts.writes.account": [["updatedAt"], ["createdAt", "updatedAt"]],
    "facts.writes.verification": [["updatedAt"], ["createdAt", "updatedAt"]],
    "facts.generateId.accepts.serial": [false, true],
    "facts.generateId.accepts.uuid": [false, true],
    "facts.generateId.uuid": [
      "throws: a string is called as a function",
      "crypto.randomUUID() (or the database's own default where it has uuids)",
    ],
  });
  boundary("1.4.22", "1.5.0", {
    "facts.writes.verification": [["createdAt", "updatedAt"], ["createdAt", "identifier", "updatedAt"]],
  });
  boundary("1.6.34", "1.7.0", {
    ...field("tables.account.fields.issuer", added("string", true, "issuer")),
  });
  boundary("1.7.2", "1.7.3", {
    ...field("tables.account.fields.issuer", {
      ".type": ["string", undefined],
      ".required": [true, undefined],
      ".fieldName": ["issuer", undefined],
    }),
    "facts.validateSchema": [false, ["missing-column", "missing-table", "unexpected-required-column"]],
  });

  it("has a test for every boundary", () => {
    expect(versionRanges()).toHaveLength(14);
  });
});

describe("tables.json agrees with the packages installed here, called live", () => {
  // Every version's migrator treats a missing `required` as NOT NULL.
  for (const [pkg, version] of INSTALLED_BETTER_AUTH) {
    it(`${pkg} (${version}) getAuthTables({}) normalised equals tablesFor("${version}").tables`, async () => {
      const manifest = join(process.cwd(), "node_modules", pkg, "package.json");
      expect(JSON.parse(readFileSync(manifest, "utf8")).version).toBe(version);
      const { getAuthTables } = await import(/* @vite-ignore */ `${pkg}/db`);
      const { tables, unknownFlags } = normaliseTables(getAuthTables({}), { absentRequired: true });
      expect(unknownFlags).toEqual([]);
      expect(tables).toEqual(tablesFor(version).tables);
    });
  }
});

describe("facts the linter relies on", () => {
  it("says which column holds the session token", () => {
    expect(tablesFor("0.8.8").facts.sessionLookup).toBe("id");
    expect(tablesFor("1.0.0").facts.sessionLookup).toBe("token");
  });

  it("keeps verification.createdAt out of 0.x before 0.8.5 (core-schema.ts applied 0.8.8 to every 0.x)", () => {
    expect(tablesFor("0.8.3").tables.verification.fields.createdAt).toBeUndefined();
    expect(tablesFor("0.8.5").tables.verification.fields.createdAt).toMatchObject({ type: "date", required: false });
  });
});
