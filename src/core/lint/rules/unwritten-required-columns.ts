import { fieldAttribute, isRelationField, requiredSingleType } from "../../schema/query";
import { makeOptional } from "../../schema/edits";
import { fieldNameOf } from "./expected-fields";
import type { Rule, RuleContext } from "./rule";

// Better Auth's Prisma adapter creates rows with exactly the fields it knows (its tables, the
// plugins' and additionalFields). Prisma rejects a create that leaves out a required scalar with
// no default ("Argument `x` is missing") — in every version. From 1.7.3 the adapter's schema
// check (validateSchema) also finds such a column at start-up and fails every request with
// SCHEMA_MISMATCH (@better-auth/prisma-adapter dist/index.mjs, @better-auth/core dist/db/schema-diff.mjs).

/** When each table is written, for the message: what stops working. */
const WHEN: Record<string, string> = {
  user: "every sign-up fails",
  session: "every sign-in fails",
  account: "every sign-up and account link fails",
  verification: "every flow that stores a verification value (email verification, password reset, OAuth state) fails",
};

function configNote(context: RuleContext): string {
  const unchecked = context.app.uncheckedPlugins;
  if (unchecked?.names.length) {
    return ` Unless one of ${unchecked.names.map((name) => `${name}()`).join(", ")} adds it (their fields were not checked: ${unchecked.reason}).`;
  }
  if (!context.app.configFile) return " (No auth config was found to read additionalFields from: if yours declares this field, point the linter at it.)";
  return "";
}

export const unwrittenRequiredColumns: Rule = {
  id: "unwritten-required-columns",
  description: "Better Auth's models have no required column that Better Auth never writes.",
  defaultSeverity: "error",
  rationale:
    "Better Auth creates rows with the fields it knows — its own, its plugins' and your `additionalFields` — and nothing else. A required " +
    "column outside that set (not optional, no @default, no @updatedAt) makes Prisma reject every create (\"Argument `x` is missing\"), in every " +
    "version; NextAuth leftovers such as Session.sessionToken or Account.providerAccountId are the usual cause. From 1.7.3 Better Auth's " +
    "schema check (`advanced.database.validateSchema`, on by default) also fails every request with SCHEMA_MISMATCH.",
  examples: {
    bad: { title: "A required column Better Auth never writes", schema: "model Session {\n  sessionToken String @unique\n}" },
    good: { title: "Optional or defaulted", schema: "model Session {\n  sessionToken String? @unique\n}" },
  },
  byVersion: [
    {
      versions: "0.4.0–1.7.2",
      behaviour:
        "The adapter creates rows with exactly the fields of getAuthTables (plugins and additionalFields included) and nothing else; Prisma rejects a create that leaves out a required column without a default (\"Argument `x` is missing\").",
      source: "better-auth@1.0.0 dist/adapters/prisma.js (transformInput, create); versions/tables.json",
    },
    {
      versions: "1.7.3–1.7.25",
      behaviour: "Also, validateSchema (on by default) reports such a column as unexpected-required-column at start-up and every request fails with SCHEMA_MISMATCH.",
      source: "@better-auth/core@1.7.3 dist/db/schema-diff.mjs, dist/db/schema-check.mjs; @better-auth/prisma-adapter@1.7.25 dist/index.mjs",
    },
  ],
  check(context) {
    const stale = new Set(context.layout.staleFields.map((field) => `${field.model}.${field.field}`));
    for (const model of context.expected) {
      const block = context.models.get(model.key)?.block;
      if (!block) continue;
      const known = new Set(model.fields.map(fieldNameOf));
      for (const field of block.fields) {
        const type = requiredSingleType(field);
        if (!type || known.has(field.name) || type.name.startsWith("Unsupported")) continue;
        // Known leftovers of another version get stale-fields' message (and fix) instead.
        if (stale.has(`${model.key}.${field.name}`)) continue;
        if (isRelationField(context.modelNames, field)) continue;
        if (fieldAttribute(field, "default") || fieldAttribute(field, "updatedAt") || fieldAttribute(field, "id")) continue;
        const when = WHEN[model.key] ?? `every ${model.key} Better Auth creates fails`;
        context.report({
          range: field.range,
          file: block.file,
          model: block,
          field: field.name,
          // A plugin whose fields we could not read may be the one that writes it: say so, don't claim.
          ...(context.app.uncheckedPlugins?.names.length ? { severity: "info" as const } : {}),
          message:
            `${block.name}.${field.name} is required, but ${context.versionLabel} never writes it, so Prisma rejects its creates ` +
            `("Argument \`${field.name}\` is missing") and ${when}` +
            (context.layout.validatesSchema ? "; its schema check also fails every request with SCHEMA_MISMATCH (validateSchema, on by default since 1.7.3)" : "") +
            `. If your app sets it, declare it in the auth config's ${model.key}.additionalFields (or a plugin's schema); otherwise the fix makes it optional.` +
            configNote(context),
          fix: { title: `Make ${block.name}.${field.name} optional`, edits: [makeOptional(block.file, field)!] },
        });
      }
    }
  },
};
