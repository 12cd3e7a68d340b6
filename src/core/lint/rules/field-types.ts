import { acceptedPrismaTypes, prismaTypeFor } from "../../better-auth/prisma-types";
import { replaceRange } from "../../schema/edits";
import type { Rule } from "./rule";
import { presentExpectedFields } from "./expected-fields";

export const fieldTypes: Rule = {
  id: "field-types",
  description: "Core Better Auth fields have a Prisma type that holds what Better Auth writes.",
  defaultSeverity: "error",
  rationale:
    "Better Auth writes JavaScript strings, booleans and Dates; Prisma validates every argument against the field's type, so a " +
    "`String` expiresAt or an `Int` email fails on the first write, and a list type never matches a single value.",
  examples: {
    bad: { title: "expiresAt stored as text", schema: "model Session {\n  expiresAt String\n}" },
    good: { title: "expiresAt as a date", schema: "model Session {\n  expiresAt DateTime\n}" },
  },
  byVersion: [
    {
      versions: "every version (0.4.0–1.7.25)",
      behaviour:
        "The adapter passes JavaScript values of each field's declared type (string, boolean, Date, number; json/string[] from 1.3 serialised on MySQL/SQLite) to Prisma's create/update; Prisma validates every argument against the model's type and rejects the write on a mismatch. The declared types are each version's getAuthTables.",
      source: "versions/tables.json (getAuthTables of every published version); @better-auth/prisma-adapter@1.7.25 dist/index.mjs",
    },
  ],
  check(context) {
    const enums = new Set(context.schema.blocks.filter((block) => block.kind === "enum").map((block) => block.name));
    for (const { block, expected, field } of presentExpectedFields(context)) {
      const type = field.type;
      if (!type) continue;
      const accepted = acceptedPrismaTypes(expected);
      if (!accepted || accepted.includes(type.name + (type.list ? "[]" : ""))) continue;
      // Prisma takes a string for an enum field and checks it against the enum's values: the
      // app's own value set (`role Role`), not a type mismatch.
      if (expected.type === "string" && !type.list && enums.has(type.name)) continue;
      const wanted = prismaTypeFor(expected) + (type.optional ? "?" : "");
      context.report({
        range: type.range,
        file: block.file,
        model: block,
        field: field.name,
        message:
          `${block.name}.${field.name} is ${type.name}${type.list ? "[]" : ""}, but ${context.versionLabel} writes a ${expected.type} there ` +
          `(Prisma accepts ${accepted.join(" or ")}), so Prisma rejects the write. The fix changes the type to ${wanted}.`,
        fix: { title: `Change ${block.name}.${field.name} to ${wanted}`, edits: [replaceRange(block.file, type.range, wanted)] },
      });
    }
  },
};
