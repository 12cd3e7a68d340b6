import { describe, expect, it } from "vitest";
import { passwordOf, redact, redactUrl } from "../../src/core/lookup";

describe("redaction", () => {
  it("masks the password of every URL form Prisma accepts", () => {
    expect(redactUrl("postgresql://app:s3cr%40t@db.example.com:5432/app?schema=public")).toBe("postgresql://app:***@db.example.com:5432/app?schema=public");
    expect(redactUrl("mysql://root:hunter22@127.0.0.1/app")).toBe("mysql://root:***@127.0.0.1/app");
    expect(redactUrl("postgres://:onlypass@host/db")).toBe("postgres://:***@host/db");
    expect(redactUrl("postgresql://app@localhost/db?host=/tmp/x")).toBe("postgresql://app@localhost/db?host=/tmp/x");
    expect(redactUrl("file:./dev.db")).toBe("file:./dev.db");
    expect(redactUrl("postgresql://app:p@ss@db/app?x=a@b")).toBe("postgresql://app:***@db/app?x=a@b");
    expect(redactUrl("sqlserver://db:1433;database=app;user=sa;password=Str0ng!Pass;encrypt=true")).toBe("sqlserver://db:1433;database=app;user=sa;password=***;encrypt=true");
    expect(redactUrl("sqlserver://db;user=sa;password={a;b}}c};trustServerCertificate=true")).toBe("sqlserver://db;user=sa;password=***;trustServerCertificate=true");
  });

  it("reads the password a URL carries, decoded", () => {
    expect(passwordOf("postgresql://app:s3cr%40t@host/db")).toBe("s3cr@t");
    expect(passwordOf("postgresql://app@host/db")).toBeUndefined();
    expect(passwordOf("sqlserver://db;user=sa;PWD={a;b}}c}")).toBe("a;b}c");
  });

  it("masks the password where a driver repeats it, raw or URL-encoded, and URLs inside messages", () => {
    const url = "postgresql://app:p%40ss%3Aw0rd@db/app";
    expect(redact('connect failed for "p@ss:w0rd" at postgresql://app:p%40ss%3Aw0rd@db/app', [passwordOf(url)])).toBe('connect failed for "***" at postgresql://app:***@db/app');
    expect(redact("Login failed; Password=abc;def", [])).toBe("Login failed; Password=***;def");
    // A message that quotes the URL and goes on after a colon keeps its colon; colons inside a password are masked.
    expect(redact("Cannot connect to sqlserver://db;user=sa;password=pw: Failed to connect", [])).toBe("Cannot connect to sqlserver://db;user=sa;password=***: Failed to connect");
    expect(redact("sqlserver://db;password=pa:ss;user=sa", [])).toBe("sqlserver://db;password=***;user=sa");
    expect(redact("sqlserver://db;password=pa:ss", [])).toBe("sqlserver://db;password=***");
    expect(redact("token XYZ0123456789 leaked", ["XYZ0123456789"])).toBe("token *** leaked");
  });

  it("leaves short secrets to the URL patterns instead of masking ordinary letters", () => {
    expect(redact("Access denied for user 'a'", ["a"])).toBe("Access denied for user 'a'");
  });
});
