// Input Prisma itself accepts must parse without a syntax finding, and input that could take the
// parser down must become one. Prisma's own parser (@prisma/prisma-schema-wasm, offline) is the
// oracle for what "accepts" means.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { lintText } from "../../../src/core/lint/lint";
import { MAX_DEPTH, parseSchemaText } from "../../../src/core/schema/parser";
import type { DetectedVersion } from "../../../src/core/version/detected-version";
import { CURRENT_SCHEMA, edit } from "../lint/rules/helpers";

const prismaWasm = createRequire(__filename)("@prisma/prisma-schema-wasm") as { lint(input: string): string };

/** Prisma's own errors for a schema (warnings left out). */
function prismaErrors(text: string): string[] {
  const diagnostics = JSON.parse(prismaWasm.lint(JSON.stringify([["schema.prisma", text]])));
  return (diagnostics as { text: string; is_warning: boolean }[]).filter((d) => !d.is_warning).map((d) => d.text);
}

const V1: DetectedVersion = { version: "1.7.25", source: "override" };
// Prisma 7 moved `url` to prisma.config.ts and rejects it in the schema; the oracle runs Prisma 7.
const SCHEMA = edit(CURRENT_SCHEMA, '  url      = env("DATABASE_URL")\n', "");
const LEGACY_SESSION = edit(edit(SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
const syntax = (text: string) => lintText(text, { version: V1 }).filter((f) => f.rule === "schema-syntax").map((f) => f.message);

describe("block comments", () => {
  const accepted: Record<string, string> = {
    "above a model, over several lines": edit(SCHEMA, "model User {", "/* users\n   and more users */\nmodel User {"),
    "a /** doc block */ above a field": edit(SCHEMA, "  name          String\n", "  /** the display name\n   * (never unique) */\n  name          String\n"),
    "before a field on its line": edit(SCHEMA, "  name          String\n", "  /* c */ name String\n"),
    "after a field, running onto the next line": edit(SCHEMA, "  name          String\n", "  name          String /* a\n  b */\n"),
    "after the opening brace": edit(SCHEMA, "model User {", "model User { /* c */"),
    "after the closing brace, and before a block": edit(SCHEMA, "\nmodel Session {", " /* c */\n/* d */ model Session {"),
    "in the datasource": edit(SCHEMA, '  provider = "postgresql"\n', '  provider = "postgresql" /* x */\n  /* y */\n'),
    "after a block attribute": edit(SCHEMA, '  @@map("user")\n', '  @@map("user") /* x */\n'),
    "holding braces and keywords": edit(SCHEMA, "model User {", "/* model Fake {\n  x Int\n} */\nmodel User {"),
    "empty": edit(SCHEMA, "model User {", "/**/\nmodel User {"),
  };

  for (const [where, text] of Object.entries(accepted)) {
    it(`${where}: Prisma accepts it and we report nothing`, () => {
      expect(prismaErrors(text)).toEqual([]);
      expect(parseSchemaText(text).problems).toEqual([]);
      expect(lintText(text, { version: V1 })).toEqual([]);
    });
  }

  it("keep the comment's text and lines, and every block after it", () => {
    const text = edit(SCHEMA, "model User {", "/* users\n   and more */\nmodel User {");
    const file = parseSchemaText(text);
    expect(file.comments.map((c) => [c.text, c.doc, c.range])).toEqual([
      ["/* users\n   and more */", false, { start: { line: 4, character: 0 }, end: { line: 5, character: 14 } }],
    ]);
    expect(file.blocks.map((b) => b.name)).toEqual(["db", "User", "Session", "Account", "Verification"]);
    expect(file.blocks[1]!.nameRange.start).toEqual({ line: 6, character: 6 });
  });

  it("still find the Session error below a block comment", () => {
    const text = edit(LEGACY_SESSION, "model Session {", "/* sessions */\nmodel Session {");
    const findings = lintText(text, { version: V1 });
    expect(findings.map((f) => [f.rule, f.range.start.line])).toEqual([["session-token-layout", 20]]);
  });

  const rejected: Record<string, string> = {
    "between a field's name and type": edit(SCHEMA, "  name          String\n", "  name /* c */ String\n"),
    "inside attribute arguments": edit(SCHEMA, "  emailVerified Boolean   @default(false)\n", "  emailVerified Boolean @default(/* x */ false)\n"),
    "never closed": edit(SCHEMA, "model User {", "/* open\nmodel User {"),
    "nested (comments do not nest)": edit(SCHEMA, "model User {", "/* a /* b */ c */\nmodel User {"),
  };

  for (const [where, text] of Object.entries(rejected)) {
    it(`${where}: Prisma rejects it and so do we`, () => {
      expect(prismaErrors(text).length).toBeGreaterThan(0);
      expect(syntax(text).length).toBeGreaterThan(0);
    });
  }

  it("an unclosed one costs its line only: the models after it are still read", () => {
    const text = edit(SCHEMA, "model User {", "/* open\nmodel User {");
    expect(syntax(text)).toEqual(["Expected a block (model, enum, datasource, generator, type or view), found '/'."]);
    expect(parseSchemaText(text).blocks.map((b) => b.name)).toEqual(["db", "User", "Session", "Account", "Verification"]);
  });

  it("many unclosed ones stay linear", () => {
    const text = `${SCHEMA}\n${"/* x\n".repeat(20_000)}`;
    const start = performance.now();
    expect(parseSchemaText(text).problems).toHaveLength(20_000);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe("line endings", () => {
  const lf = LEGACY_SESSION;
  const shape = (text: string) => lintText(text, { version: V1 }).map((f) => ({ rule: f.rule, message: f.message, range: f.range }));

  it("a lone CR is a line break, as in Prisma: same findings, same ranges as LF", () => {
    const cr = lf.replace(/\n/g, "\r");
    expect(prismaErrors(cr)).toEqual([]);
    expect(parseSchemaText(cr).problems).toEqual([]);
    const expected = shape(lf);
    expect(expected.map((f) => f.rule)).toEqual(["session-token-layout"]);
    expect(shape(cr)).toEqual(expected);
    expect(shape(lf.replace(/\n/g, "\r\n"))).toEqual(expected);
  });

  it("every rule runs on a CR-only schema (a half-typed field, comments, a multi-line attribute)", () => {
    const typed = edit(edit(edit(lf, "  ipAddress String?\n", "  ipAddress\n  // note\n"), "  userAgent String?\n", ""), "  @@index([userId])\n", "  @@index([\n    userId\n  ])\n");
    const expected = shape(typed);
    expect(expected.map((f) => f.rule).sort()).toEqual(["core-model-fields", "schema-syntax", "session-token-layout"]);
    expect(shape(typed.replace(/\n/g, "\r"))).toEqual(expected);
    expect(shape(typed.replace(/\n/g, "\r\n"))).toEqual(expected);
  });

  it("lineText and block comments work across CR, CRLF and LF mixed in one file", () => {
    const text = "model A {\r  id String @id\r\n  /* x\r y */\n  name String\r}\r";
    const file = parseSchemaText(text);
    expect(file.problems).toEqual([]);
    expect([0, 1, 2, 3, 4, 5].map((line) => file.lineText(line))).toEqual(["model A {", "  id String @id", "  /* x", " y */", "  name String", "}"]);
    expect(file.blocks[0]!.fields.map((f) => [f.name, f.range.start.line])).toEqual([["id", 1], ["name", 4]]);
    expect(file.blocks[0]!.range.end).toEqual({ line: 5, character: 1 });
  });

  it("an unclosed string stops at a lone CR", () => {
    const file = parseSchemaText('model A {\r  id String @default("abc\r  name String\r}\r');
    expect(file.problems.map((p) => [p.message, p.range])).toEqual([
      ["Unclosed string.", { start: { line: 1, character: 21 }, end: { line: 1, character: 25 } }],
      ["Expected ')' to close the argument list.", { start: { line: 1, character: 20 }, end: { line: 1, character: 21 } }],
    ]);
    expect(file.blocks[0]!.fields.map((f) => f.name)).toEqual(["id", "name"]);
  });
});

describe("deep nesting", () => {
  const NESTED = `Arguments nested deeper than ${MAX_DEPTH} levels; the rest of the line is not read.`;
  const calls = (n: number) => `${"a(".repeat(n)}${")".repeat(n)}`;

  it("50,000 nested calls in @default: one schema-syntax finding, no stack overflow, the rest still linted", () => {
    const text = edit(LEGACY_SESSION, "  expiresAt DateTime\n", `  expiresAt DateTime @default(${calls(50_000)})\n`);
    const findings = lintText(text, { version: V1 });
    // The report points at the first `(` past the limit: @default's own `(` is level 1.
    expect(findings.map((f) => [f.rule, f.message.slice(0, 30), f.range.start])).toEqual([
      ["session-token-layout", "Session has no `token` field, ", { line: 19, character: 6 }],
      ["schema-syntax", NESTED.slice(0, 30), { line: 21, character: "  expiresAt DateTime @default(".length + 2 * (MAX_DEPTH - 1) + 1 }],
    ]);
    expect(findings[1]!.message).toBe(NESTED);
    const field = parseSchemaText(text).blocks.find((b) => b.name === "Session")!.fields.find((f) => f.name === "expiresAt")!;
    // Walking the kept tree (as rules do) is bounded by MAX_DEPTH.
    let depth = 0;
    for (let expr = field.attributes[0]!.args[0]!.value; expr.kind === "call" && expr.args[0]; expr = expr.args[0].value) depth++;
    expect(depth).toBe(MAX_DEPTH - 1);
    expect(field.range.end.line).toBe(21);
  });

  it("nesting up to the limit is read without a finding", () => {
    const text = edit(SCHEMA, "  emailVerified Boolean   @default(false)\n", `  emailVerified Boolean @default(${calls(MAX_DEPTH - 1)})\n`);
    expect(syntax(text)).toEqual([]);
  });

  it("nested lists, datasource values, block attributes and Unsupported types are bounded too", () => {
    const inputs = [
      edit(SCHEMA, "  @@map(\"user\")\n", `  @@index([${"[".repeat(50_000)}])\n  @@map("user")\n`),
      edit(SCHEMA, '  provider = "postgresql"\n', `  provider = "postgresql"\n  extensions = [${calls(50_000)}]\n`),
      edit(SCHEMA, "  image         String?\n", `  image Unsupported(${calls(50_000)})?\n`),
      edit(SCHEMA, "  image         String?\n", `  image String? @default(${"a(".repeat(50_000)}\n`),
    ];
    for (const text of inputs) expect(syntax(text).filter((m) => m === NESTED)).toHaveLength(1);
  });
});
