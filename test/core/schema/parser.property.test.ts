import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintText } from "../../../src/core/lint/lint";
import { parseSchemaText } from "../../../src/core/schema/parser";
import { CURRENT_SCHEMA } from "../lint/rules/helpers";

// The parser runs on every keystroke over whatever the user has typed so far: it must never
// throw, must always return a tree, and must not go quadratic on hostile input.

const PIECES = [
  "model ", "enum ", "datasource ", "type ", "view ", "generator ", "Session", "User", " {", "}", "\n", "  ", "id", " String", "?", "[]",
  " @id", " @default(", "uuid()", ")", "@@unique([", "token", "])", '"', '"abc', "//", "///", " @relation(fields: [userId], references: [id])",
  ",", ":", "=", "(", "[", "]", "@", "@@", "\r\n", "😀", "\t", "db.Uuid", "-1.5", "\\",
];

const schemaLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((parts) => parts.join(""));

function assertTree(text: string): void {
  const file = parseSchemaText(text);
  expect(Array.isArray(file.blocks)).toBe(true);
  const lines = text.split("\n");
  // Every range the parser reports points inside the text.
  for (const block of file.blocks) {
    for (const range of [block.range, block.nameRange, ...block.fields.map((field) => field.range)]) {
      expect(range.start.line).toBeLessThan(lines.length);
      expect(range.end.line).toBeLessThan(lines.length);
      expect(range.end.character).toBeLessThanOrEqual(lines[range.end.line]!.length);
    }
  }
}

describe("parser properties", () => {
  it("never throws on arbitrary unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => assertTree(text)), { numRuns: 500 });
  });

  it("never throws on schema-shaped garbage, and lint never throws on it either", () => {
    fc.assert(
      fc.property(schemaLike, (text) => {
        assertTree(text);
        expect(Array.isArray(lintText(text, { config: { betterAuthVersion: "1.7.25" } }))).toBe(true);
        expect(Array.isArray(lintText(text, { config: { betterAuthVersion: "0.8.8" } }))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("parses every truncation of a real schema and keeps the complete models before the cut", () => {
    const complete = parseSchemaText(CURRENT_SCHEMA).blocks;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: CURRENT_SCHEMA.length }), (cut) => {
        const text = CURRENT_SCHEMA.slice(0, cut);
        assertTree(text);
        const blocks = parseSchemaText(text).blocks;
        for (const block of complete) {
          const end = CURRENT_SCHEMA.split("\n").slice(0, block.range.end.line).join("\n").length + 1 + block.range.end.character;
          if (end <= cut) expect(blocks.find((candidate) => candidate.name === block.name)?.fields.length).toBe(block.fields.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("survives deep nesting and very long lines", () => {
    assertTree(`model A {\n  a Int @default(${"[".repeat(100_000)}\n}\n`);
    assertTree(`model A {\n  a Int @default(${"(".repeat(100_000)}\n}\n`);
    assertTree(`model A {\n  a Int ${"@x".repeat(50_000)}\n}\n`);
    assertTree('"'.repeat(100_000));
  });

  it("takes time linear in the input size", () => {
    // Ratios of medians over growing inputs; a quadratic parser would take ~10x longer per step.
    const unit = `${CURRENT_SCHEMA}\nmodel Broken {\n  id String @default([(\n  name\n`;
    const median = (text: string) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        parseSchemaText(text);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3]!;
    };
    median(unit.repeat(50)); // warm up the JIT
    const small = median(unit.repeat(50));
    const large = median(unit.repeat(500));
    expect(large / small).toBeLessThan(30);
  });
});
