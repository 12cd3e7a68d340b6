import type { ExpectedField } from "../better-auth/core-schema";
import { prismaAttributesFor, prismaTypeFor } from "../better-auth/prisma-types";
import { formatField, insertField } from "../fixes/edits";
import type { Block } from "../schema/ast";
import { findField } from "../schema/query";
import { fieldNameOf } from "./expected-fields";
import type { Rule, RuleContext } from "./rule";

// Better Auth's Prisma adapter passes every field it knows to `create`; Prisma rejects an
// argument the model lacks ("Unknown argument"), and from 1.7.3 Better Auth's schema check fails every request
// (SCHEMA_MISMATCH). So a missing column breaks sign-up, sign-in or startup.

/** The field whose line a new field goes after: the expected field listed just before it. */
function anchorFor(block: Block, fields: ExpectedField[], index: number) {
  for (let i = index - 1; i >= 0; i--) {
    const found = findField(block, fieldNameOf(fields[i]!));
    if (found) return found;
  }
  return undefined;
}

function fieldLine(context: RuleContext, block: Block, name: string, field: ExpectedField): string[] {
  const type = prismaTypeFor(field) + (field.required ? "" : "?");
  const lines = [formatField(block, name, type, prismaAttributesFor(field))];
  if (field.references) {
    const target = context.models.get(field.references.model)?.block?.name ?? "User";
    const relation = field.references.model;
    const onDelete = field.references.onDelete === "cascade" ? ", onDelete: Cascade" : "";
    lines.push(formatField(block, relation, target, [`@relation(fields: [${name}], references: [id]${onDelete})`]));
  }
  return lines;
}

export const coreModelFields: Rule = {
  id: "core-model-fields",
  description: "Better Auth's core models (user, session, account, verification) exist and have every field the version writes.",
  defaultSeverity: "error",
  rationale:
    "Better Auth's Prisma adapter writes every field of its core tables. A model without one of them makes Prisma reject the " +
    "write (\"Unknown argument\"), and from 1.7.3 Better Auth answers every request with SCHEMA_MISMATCH.",
  examples: {
    bad: { title: "Session without expiresAt", schema: "model Session {\n  id     String @id\n  token  String @unique\n  userId String\n}" },
    good: {
      title: "Session with the fields Better Auth writes",
      schema: "model Session {\n  id        String   @id\n  token     String   @unique\n  expiresAt DateTime\n  userId    String\n}",
    },
  },
  check(context) {
    const present = [...context.models.values()].filter((model) => model.block);
    if (present.length === 0) {
      reportNoModels(context);
      return;
    }
    const anchor = present[0]!.block!;
    for (const expected of context.expected) {
      const resolved = context.models.get(expected.key);
      const block = resolved?.block;
      const name = resolved?.expectedName ?? expected.key;
      if (!block) {
        const who = expected.origin ? `${expected.origin.label} needs` : `${context.versionLabel} reads and writes`;
        context.report({
          range: anchor.nameRange,
          file: anchor.file,
          model: anchor,
          message:
            `The schema has no model for Better Auth's \`${name}\` table, which ${who} ` +
            `(the Prisma adapter calls prisma.${name}), so ${context.layout.validatesSchema ? "every request fails with SCHEMA_MISMATCH" : "the first write to it fails"}. ` +
            "Add it (`npx auth generate` prints it), or map an existing model with modelName in the auth config.",
        });
        continue;
      }
      const missing: { field: ExpectedField; name: string; index: number }[] = [];
      expected.fields.forEach((field, index) => {
        if (field.isId) return;
        const fieldName = fieldNameOf(field);
        // The session token's absence is session-token-layout's finding, with its own fix.
        if (expected.key === "session" && field.name === "token") return;
        if (!findField(block, fieldName)) missing.push({ field, name: fieldName, index });
      });
      for (const { field, name: fieldName, index } of missing) {
        const after = anchorFor(block, expected.fields, index);
        const lines = fieldLine(context, block, fieldName, field);
        const who = field.origin ? `${field.origin.label} adds and ${context.versionLabel} writes` : `${context.versionLabel} writes`;
        context.report({
          range: block.nameRange,
          file: block.file,
          model: block,
          message:
            `${block.name} has no \`${fieldName}\` field, which ${who} ` +
            `${field.required ? `on every ${expected.key} it creates` : "whenever it has a value"}: Prisma rejects the write ("Unknown argument \`${fieldName}\`")` +
            (context.layout.validatesSchema ? " and Better Auth's schema check fails every request (SCHEMA_MISMATCH)" : "") +
            `.${field.note ? ` ${field.note}` : ""} The fix adds \`${lines[0]!.trim().replace(/\s+/g, " ")}\`.`,
          fix: {
            title: `Add ${block.name}.${fieldName}`,
            edits: [insertField(block, after, lines.join("\n"), (n) => context.lineText(block.file, n))],
          },
        });
      }
    }
  },
};

/**
 * A schema with none of Better Auth's models: silent unless the app evidently uses Better Auth
 * through Prisma (its package depends on better-auth and its auth config passes prismaAdapter),
 * because then every auth call fails.
 */
function reportNoModels(context: RuleContext): void {
  if (!context.app.dependsOnBetterAuth || !context.app.usesPrismaAdapter) return;
  const first = context.schema.blocks[0];
  if (!first) return;
  const names = context.expected.map((model) => context.models.get(model.key)?.expectedName ?? model.key);
  context.report({
    range: first.nameRange,
    file: first.file,
    message:
      `The schema has no model for any of Better Auth's tables (${names.join(", ")}), but ${context.app.configFile ?? "the auth config"} passes ` +
      `prismaAdapter(...) to ${context.versionLabel}, so every sign-up, sign-in and session lookup fails. Add the models (\`npx auth generate\` prints them).`,
  });
}
