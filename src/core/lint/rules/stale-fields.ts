import { prismaFieldName } from "../../better-auth/resolve-models";
import { deleteLine } from "../../schema/edits";
import { fieldAttribute, findField } from "../../schema/query";
import type { Rule } from "./rule";

export const staleFields: Rule = {
  id: "stale-fields",
  description: "No fields left over from another Better Auth version that break this one (0.x account.expiresAt, 1.7.0–1.7.2 account.issuer).",
  defaultSeverity: "error",
  rationale:
    "Upgrades leave columns behind. Some are harmless, but a required one Better Auth no longer writes makes every create fail: " +
    "`account.issuer` from 1.7.0–1.7.2 breaks sign-ups on 1.7.3+ (\"Argument `issuer` is missing\"), and 0.x's `account.expiresAt` " +
    "was split into accessTokenExpiresAt / refreshTokenExpiresAt in 1.0.0.",
  examples: {
    bad: { title: "issuer left from 1.7.0", schema: "model Account {\n  issuer String\n}" },
    good: { title: "no issuer on 1.7.3+", schema: "model Account {\n  accountId String\n}" },
  },
  byVersion: [
    {
      versions: "0.4.0–0.8.8",
      behaviour: "Sessions have no token, createdAt or updatedAt: createSession never writes them.",
      source: "better-auth@0.8.8 dist/db.js (getAuthTables, createSession)",
    },
    {
      versions: "1.0.0–1.7.25",
      behaviour: "account.expiresAt is gone (split into accessTokenExpiresAt and refreshTokenExpiresAt) and never written.",
      source: "better-auth@1.0.0 dist/db.js (getAuthTables)",
    },
    {
      versions: "1.7.0–1.7.2",
      behaviour: "account.issuer is a required column Better Auth writes on every account.",
      source: "@better-auth/core@1.7.0 dist/db/get-tables.mjs",
    },
    {
      versions: "1.7.3–1.7.25",
      behaviour: "account.issuer is gone again and never written; the schema check reports a required issuer as unexpected-required-column (SCHEMA_MISMATCH).",
      source: "@better-auth/core@1.7.3 dist/db/get-tables.mjs, dist/db/schema-diff.mjs",
    },
  ],
  check(context) {
    for (const stale of context.layout.staleFields) {
      const block = context.models.get(stale.model)?.block;
      const field = block && findField(block, prismaFieldName(stale.model, stale.field, context.config));
      if (!block || !field?.type) continue;
      // ≤ 0.8's session.token is session-token-layout's finding, with the migration-aware fix.
      if (stale.model === "session" && stale.field === "token") continue;
      // A leftover Better Auth never writes only breaks inserts when the database demands a value.
      if (field.type.optional || field.type.list || fieldAttribute(field, "default") || fieldAttribute(field, "updatedAt")) continue;
      context.report({
        range: field.range,
        file: block.file,
        model: block,
        field: field.name,
        message: `${block.name}.${field.name} is required, but ${context.versionLabel} never writes it: ${stale.message} The fix removes the field.`,
        fix: { title: `Remove ${block.name}.${field.name}`, edits: [deleteLine(block.file, field.range.start.line)] },
      });
    }
  },
};
