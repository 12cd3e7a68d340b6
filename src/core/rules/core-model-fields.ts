import type { ExpectedField } from "../better-auth/core-schema";
import { prismaAttributesFor, prismaTypeFor } from "../better-auth/prisma-types";
import { prismaFieldName } from "../better-auth/resolve-models";
import { formatField, insertField } from "../fixes/edits";
import type { Block } from "../schema/ast";
import { findField } from "../schema/query";
import type { Rule, RuleContext } from "./rule";

// Better Auth's Prisma adapter passes every field it knows to `create`; Prisma rejects an
// argument the model lacks ("Unknown argument"), and from 1.7.3 Better Auth's schema check fails every request
// (SCHEMA_MISMATCH). So a missing column breaks sign-up, sign-in or startup.

/** The field whose line a new field goes after: the expected field listed just before it. */
function anchorFor(context: RuleContext, block: Block, key: "user" | "session" | "account" | "verification", fields: ExpectedField[], index: number) {
  for (let i = index - 1; i >= 0; i--) {
    const found = findField(block, prismaFieldName(key, fields[i]!.name, context.config));
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
    // A schema with none of Better Auth's models is not a Better Auth schema: say nothing.
    if (present.length === 0) return;
    const anchor = present[0]!.block!;
    for (const expected of context.layout.models) {
      const resolved = context.models.get(expected.key);
      const block = resolved?.block;
      if (!block) {
        context.report({
          range: anchor.nameRange,
          file: anchor.file,
          model: anchor,
          message:
            `The schema has no model for Better Auth's \`${resolved?.expectedName ?? expected.key}\` table, which ${context.versionLabel} reads and writes ` +
            `(the Prisma adapter calls prisma.${resolved?.expectedName ?? expected.key}). Add it (\`npx auth generate\` prints it), or map an existing model ` +
            `with the modelName setting.`,
        });
        continue;
      }
      const missing: { field: ExpectedField; name: string; index: number }[] = [];
      expected.fields.forEach((field, index) => {
        if (field.isId) return;
        const name = prismaFieldName(expected.key, field.name, context.config);
        // The session token's absence is session-token-layout's finding, with its own fix.
        if (expected.key === "session" && field.name === "token") return;
        if (!findField(block, name)) missing.push({ field, name, index });
      });
      for (const { field, name, index } of missing) {
        const after = anchorFor(context, block, expected.key, expected.fields, index);
        const lines = fieldLine(context, block, name, field);
        context.report({
          range: block.nameRange,
          file: block.file,
          model: block,
          message:
            `${block.name} has no \`${name}\` field, which ${context.versionLabel} writes ` +
            `${field.required ? `on every ${expected.key} it creates` : "whenever it has a value"}: Prisma rejects the write ("Unknown argument \`${name}\`")` +
            (context.layout.validatesSchema ? " and Better Auth's schema check fails every request (SCHEMA_MISMATCH)" : "") +
            `.${field.note ? ` ${field.note}` : ""} The fix adds \`${lines[0]!.trim().replace(/\s+/g, " ")}\`.`,
          fix: {
            title: `Add ${block.name}.${name}`,
            edits: [insertField(block, after, lines.join("\n"), (n) => context.lineText(block.file, n))],
          },
        });
      }
    }
  },
};
