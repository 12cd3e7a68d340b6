import { prismaFieldName } from "../better-auth/resolve-models";
import { fieldAttribute, isRelationField } from "../schema/query";
import { makeOptional } from "../fixes/edits";
import type { Rule } from "./rule";

export const unwrittenRequiredColumns: Rule = {
  id: "unwritten-required-columns",
  description: "From 1.7.3, core models have no required column that Better Auth never writes (SCHEMA_MISMATCH).",
  defaultSeverity: "error",
  rationale:
    "Better Auth 1.7.3 turned on `advanced.database.validateSchema`: the Prisma adapter logs SCHEMA_MISMATCH at start-up and throws it from every request for a " +
    "required column (not optional, no @default, no @updatedAt) that Better Auth never writes, since every insert would fail on it.",
  examples: {
    bad: { title: "A required extra column", schema: "model User {\n  tenantId String\n}" },
    good: { title: "Optional or defaulted", schema: "model User {\n  tenantId String?\n}" },
  },
  check(context) {
    if (!context.layout.validatesSchema) return;
    for (const model of context.layout.models) {
      const block = context.models.get(model.key)?.block;
      if (!block) continue;
      const known = new Set(model.fields.map((field) => prismaFieldName(model.key, field.name, context.config)));
      for (const stale of context.layout.staleFields) if (stale.model === model.key) known.add(prismaFieldName(model.key, stale.field, context.config));
      for (const field of block.fields) {
        const type = field.type;
        if (!type || known.has(field.name) || type.optional || type.list) continue;
        if (isRelationField(context.modelNames, field)) continue;
        if (fieldAttribute(field, "default") || fieldAttribute(field, "updatedAt") || fieldAttribute(field, "id")) continue;
        context.report({
          range: field.range,
          file: block.file,
          model: block,
          field: field.name,
          message:
            `${block.name}.${field.name} is required but ${context.versionLabel} never writes it, so its schema check ` +
            `fails every request with SCHEMA_MISMATCH (validateSchema, on by default since 1.7.3). If a plugin of yours adds this field, declare it in ` +
            `that plugin's schema (or additionalFields); otherwise the fix makes it optional.`,
          fix: { title: `Make ${block.name}.${field.name} optional`, edits: [makeOptional(block.file, field)!] },
        });
      }
    }
  },
};
