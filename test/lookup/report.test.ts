import { describe, expect, it } from "vitest";
import { lookupJson, lookupText } from "../../src/core/lookup";
import type { LookupResult } from "../../src/core/lookup";
import { abbreviateToken, isRawToken } from "../../src/core/lookup/token-input";

const result: LookupResult = {
  kind: "found-under-other-column",
  message: "The token is in session.token, but Better Auth 0.8.8 looks sessions up by id.",
  database: "postgresql://app:***@db:5432/app",
  table: "session",
  column: "id",
  otherColumn: "token",
  foundIn: "token",
  session: { userId: "u1", expiresAt: "2030-01-01T00:00:00.000Z", createdAt: "2029-12-25T00:00:00.000Z", ipAddress: "203.0.113.7", userAgent: "curl/8" },
  user: { id: "u1", email: "ann@example.com", name: "Ann" },
  elapsedMs: 12,
};

describe("lookup output", () => {
  it("prints a result as text, without anything it was not given", () => {
    expect(lookupText(result)).toBe(
      [
        "Session lookup: FOUND UNDER THE OTHER COLUMN",
        "  The token is in session.token, but Better Auth 0.8.8 looks sessions up by id.",
        "  database:  postgresql://app:***@db:5432/app",
        "  session:   user u1, expires 2030-01-01T00:00:00.000Z, created 2029-12-25T00:00:00.000Z",
        "             203.0.113.7 · curl/8",
        "  user:      ann@example.com (Ann, id u1)",
        "",
      ].join("\n"),
    );
    expect(lookupText({ kind: "skipped", message: "Not looked up." })).toBe("Session lookup: NOT LOOKED UP\n  Not looked up.\n");
  });

  it("keeps the JSON key order of the contract", () => {
    expect(Object.keys(lookupJson(result))).toEqual(["kind", "message", "database", "urlSource", "provider", "betterAuthVersion", "table", "column", "otherColumn", "foundIn", "session", "user", "elapsedMs"]);
    expect(lookupJson({ kind: "unavailable", message: "x" })).toEqual({ kind: "unavailable", message: "x" });
  });

  it("tells a raw token from a cookie, and abbreviates tokens for logs", () => {
    expect(isRawToken("tj30UirJXHyCNP4DSU85kWHELJTQdzdq")).toBe(true);
    expect(isRawToken("tj30UirJXHyCNP4DSU85kWHELJTQdzdq.pI7Oc6ixgtSfANlRDhTUZSZYInIYJAI8wgwfb4qEbeE%3D")).toBe(false);
    expect(isRawToken("better-auth.session_token=abc")).toBe(false);
    expect(abbreviateToken("tj30UirJXHyCNP4DSU85kWHELJTQdzdq")).toBe("tj30…dzdq");
  });
});
