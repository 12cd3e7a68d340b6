import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

const RULE = "session-token-layout";

/** The ≤ 0.8 layout: no token, id is the token. */
const LEGACY_SESSION = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");

describe("session-token-layout on Better Auth 1.x", () => {
  it("flags a Session without token at the model name, saying why and for which version", () => {
    const [finding, ...rest] = findingsOf(RULE, LEGACY_SESSION, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: RULE,
      severity: "error",
      model: "Session",
      range: { start: { line: 20, character: 6 }, end: { line: 20, character: 13 } },
    });
    expect(finding!.message).toBe(
      'Session has no `token` field, but Better Auth 1.7.25 looks every session up by `token` (since 1.0.0 the token is no longer the id), so sign-in succeeds and every later request answers "session not found". ' +
        'This is the ≤ 0.8 layout (the common "make id the token" fix), which breaks 1.x apps. ' +
        "The fix adds `token String @unique` (the migration fills it from `id` so existing sessions keep working).",
    );
  });

  it("adds an aligned, unique token after id, and the result is clean", () => {
    const [finding] = findingsOf(RULE, LEGACY_SESSION, "1.0.0");
    const after = fixed(LEGACY_SESSION, finding!);
    expect(after).toContain("model Session {\n  id        String   @id\n  token     String   @unique\n  expiresAt DateTime\n");
    expect(lintWith(after, "1.0.0")).toEqual([]);
  });

  it("names the assumed version when none was found", () => {
    const [finding] = findingsOf(RULE, LEGACY_SESSION, undefined);
    expect(finding!.message).toContain("Better Auth ≥ 1.7.3 (no Better Auth version found, so the newest layout is assumed)");
  });

  it("flags a token that is not unique, on the field, and the fix adds @unique", () => {
    const text = edit(CURRENT_SCHEMA, "  @@unique([token])\n", "");
    const [finding, ...rest] = findingsOf(RULE, text, "1.2.12");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 23, character: 2 }, end: { line: 23, character: 18 } });
    expect(finding!.message).toMatch(/^Session\.token must be unique for Better Auth 1\.2\.12: .*update\(\{ where: \{ token \} \}\)/);
    expect(fixed(text, finding!)).toContain("  token     String @unique\n");
    expect(lintWith(fixed(text, finding!), "1.2.12")).toEqual([]);
  });

  it("accepts field-level @unique as well as @@unique([token])", () => {
    const text = edit(edit(CURRENT_SCHEMA, "  @@unique([token])\n", ""), "  token     String\n", "  token     String   @unique\n");
    expect(findingsOf(RULE, text, "1.7.25")).toEqual([]);
  });

  it("follows a mapped token field name", () => {
    const text = edit(edit(CURRENT_SCHEMA, "  token     String\n", "  sessionToken String\n"), "@@unique([token])", "@@unique([sessionToken])");
    expect(findingsOf(RULE, text, "1.7.25", { models: { session: { fields: { token: "sessionToken" } } } })).toEqual([]);
    expect(findingsOf(RULE, text, "1.7.25")[0]!.message).toContain("Session has no `token` field");
  });
});

describe("session-token-layout on Better Auth ≤ 0.8", () => {
  const LEGACY_OK = edit(
    edit(LEGACY_SESSION, "  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n  ipAddress", "  ipAddress"),
    "  accessToken ",
    "  accessToken ",
  );

  it("accepts the legacy layout", () => {
    expect(findingsOf(RULE, LEGACY_OK, "0.8.8")).toEqual([]);
  });

  it("flags a token field and removes it with its @@unique", () => {
    const [finding, ...rest] = findingsOf(RULE, CURRENT_SCHEMA, "0.8.8");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 23, character: 2 }, end: { line: 23, character: 18 } });
    expect(finding!.message).toMatch(/^Session\.token does not belong in the session layout of Better Auth 0\.8\.8: up to 0\.8 the session id is the token/);
    expect(finding!.message).toContain("creating a session fails on the missing required value");
    const after = fixed(CURRENT_SCHEMA, finding!);
    expect(after).not.toMatch(/token/);
    expect(findingsOf(RULE, after, "0.8.8")).toEqual([]);
  });

  it("flags any default on the id (the token Better Auth generates) and removes just that attribute", () => {
    const text = edit(LEGACY_OK, "model Session {\n  id        String   @id\n", "model Session {\n  id        String   @id @default(uuid())\n");
    const [finding, ...rest] = findingsOf(RULE, text, "0.8.8");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 21, character: 25 }, end: { line: 21, character: 41 } });
    expect(fixed(text, finding!)).toContain("model Session {\n  id        String   @id\n");
  });
});
