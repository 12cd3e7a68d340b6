import { describe, expect, it } from "vitest";
import { expectedTables } from "../../../src/core/better-auth/app-tables";
import { layoutFor } from "../../../src/core/better-auth/core-schema";
import { resolveModels } from "../../../src/core/better-auth/resolve-models";
import type { LintConfig } from "../../../src/core/better-auth/options-mirror";
import type { Schema } from "../../../src/core/schema/ast";
import { parseSchemaText } from "../../../src/core/schema/parser";

// Which model stands for each Better Auth table when no model has its name: `@@map("verification")`
// found by searching the text, and a case-insensitive name last. The text search goes on from its
// last match; these pin that it still finds exactly the models it found from each block.

const VERSION = "1.7.25";

function schemaOf(...files: [string, string][]): Schema {
  const parsed = files.map(([path, text]) => parseSchemaText(text, path));
  return { files: parsed, blocks: parsed.flatMap((file) => file.blocks) };
}

function resolved(schema: Schema, config: LintConfig = {}): Record<string, string | undefined> {
  const models = resolveModels(schema, config, expectedTables(layoutFor(VERSION), config, VERSION));
  return Object.fromEntries([...models].map(([key, model]) => [key, model.block?.name]));
}

const CORE = `model User {\n  id String @id\n}\nmodel Session {\n  id String @id\n}\nmodel Account {\n  id String @id\n}\n`;

describe("resolveModels: a table found by @@map", () => {
  it("finds the mapped model past earlier quotes of the name, in another model and between models", () => {
    const text =
      CORE +
      `model Audit {\n  kind String @default("verification")\n}\n// "verification" in a comment\n` +
      `model Token {\n  id String @id\n  @@map("verification")\n}\n` +
      `model Later {\n  note String @default("verification")\n  @@map("verification")\n}\n`;
    expect(resolved(schemaOf(["schema.prisma", text]))).toMatchObject({ user: "User", verification: "Token" });
  });

  it("finds it in a later file of a multi-file schema, and with the blocks listed out of text order", () => {
    const first: [string, string] = ["a.prisma", CORE + `model Audit {\n  kind String @default("verification")\n}\n`];
    const second: [string, string] = ["b.prisma", `model Other {\n  id String @id\n}\nmodel Token {\n  id String @id\n  @@map("verification")\n}\n`];
    expect(resolved(schemaOf(first, second)).verification).toBe("Token");
    const schema = schemaOf(second, first);
    expect(resolved({ files: schema.files, blocks: [...schema.blocks].reverse() }).verification).toBe("Token");
  });

  it("takes a model whose name differs only in case when nothing is mapped, and none when the quote is outside every block", () => {
    expect(resolved(schemaOf(["schema.prisma", CORE + `model VERIFICATION {\n  id String @id\n}\n`])).verification).toBe("VERIFICATION");
    expect(resolved(schemaOf(["schema.prisma", CORE + `// @@map("verification")\nmodel Token {\n  id String @id\n}\n`])).verification).toBeUndefined();
  });

  it("lowers only the first letter for the client name, a non-ASCII one included", () => {
    expect(resolved(schemaOf(["schema.prisma", CORE.replace("model Session", "model session") + `model Verification {\n  id String @id\n}\n`]))).toMatchObject({
      session: "session",
      verification: "Verification",
    });
    // 'İ' lowers to two code units: the name is longer lowered than as written.
    const config: LintConfig = { models: { verification: { modelName: "i\u0307tem" } } };
    expect(resolved(schemaOf(["schema.prisma", CORE + `model \u0130tem {\n  id String @id\n}\n`]), config).verification).toBe("\u0130tem");
  });
});
