import { appendAttribute } from "../../schema/edits";
import { isUnique } from "../../schema/query";
import type { Rule } from "./rule";
import { presentExpectedFields } from "./expected-fields";

export const uniqueFields: Rule = {
  id: "unique-fields",
  description: "Fields Better Auth looks records up by (user.email and the like) are unique.",
  defaultSeverity: "error",
  rationale:
    "Better Auth finds users by email and updates records with `where` on these fields; Prisma's `findUnique`/`update` accept only " +
    "unique fields, and without the constraint two accounts can share an email.",
  examples: {
    bad: { title: "email without a unique constraint", schema: "model User {\n  email String\n}" },
    good: { title: "unique email", schema: "model User {\n  email String @unique\n}" },
  },
  byVersion: [
    {
      versions: "every version (0.4.0–1.7.25)",
      behaviour:
        "getAuthTables marks user.email (and plugin fields such as username) unique; the internal adapter updates users with `where email` (updateUserByEmail: email verification, password reset) and the Prisma adapter sends that as `prisma.user.update({ where: { email } })`, which Prisma accepts only for a unique field. From 1.7 the adapter checks Better Auth's own unique flag, not the database's, before choosing update.",
      source: "better-auth@1.0.0 dist/db.js; @better-auth/prisma-adapter@1.7.25 dist/index.mjs (hasRootUniqueWhereCondition, update)",
    },
  ],
  check(context) {
    for (const { key, block, expected, field } of presentExpectedFields(context)) {
      // The session token has its own, more specific finding in session-token-layout.
      if (!expected.unique || (key === "session" && expected.name === "token")) continue;
      if (isUnique(block, field)) continue;
      context.report({
        range: field.range,
        file: block.file,
        model: block,
        field: field.name,
        message:
          `${block.name}.${field.name} must be unique for ${context.versionLabel}: Better Auth looks ${key} records up by it, and ` +
          "Prisma's unique queries (findUnique, update where) reject non-unique fields. The fix adds @unique.",
        fix: { title: `Make ${block.name}.${field.name} @unique`, edits: [appendAttribute(block.file, field, "@unique")] },
      });
    }
  },
};
