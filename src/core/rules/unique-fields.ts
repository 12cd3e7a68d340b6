import { appendAttribute } from "../fixes/edits";
import { isUnique } from "../schema/query";
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
