import { fieldAttribute, namedArg, relationFor } from "../../schema/query";
import type { Severity } from "../findings";
import type { Rule } from "./rule";
import { presentExpectedFields } from "./expected-fields";

const PRISMA_ACTION: Record<string, string> = { cascade: "Cascade", "set null": "SetNull", restrict: "Restrict", "no action": "NoAction" };

// Actions that refuse to delete a user while rows still point at it. Prisma's default for a
// required relation without onDelete is Restrict.
const BLOCKING = new Set([undefined, "Restrict", "NoAction"]);

export const userRelation: Rule = {
  id: "user-relation",
  description: "Tables that point at a user let Better Auth delete that user (onDelete: Cascade where Better Auth does not delete the rows itself).",
  defaultSeverity: "warning",
  rationale:
    "Better Auth's deleteUser deletes all of the user's sessions and accounts itself before the user row (0.8.3 … 1.7.25, internalAdapter.deleteUser; see the table below for older versions), " +
    "so those two need no cascade. Rows of other tables that reference the user — a plugin's twoFactor, member or apikey rows — are left to the " +
    "database: with Prisma's default (Restrict) or NoAction, deleting the user fails on the foreign key, which is why Better Auth's generator " +
    "writes `onDelete: Cascade`. Without a relation at all nothing fails, but the rows outlive their user.",
  examples: {
    bad: {
      title: "A plugin table that blocks deleting a user",
      schema: "model TwoFactor {\n  userId String\n  user   User   @relation(fields: [userId], references: [id])\n}",
    },
    good: {
      title: "Cascade on delete",
      schema: "model TwoFactor {\n  userId String\n  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)\n}",
    },
  },
  byVersion: [
    {
      versions: "0.4.0–0.4.13",
      behaviour: "deleteUser deletes one session and one account (a plain delete) before the user: with more than one, a foreign key without cascade blocks the delete.",
      source: "better-auth@0.4.0 dist/index.js, better-auth@0.4.13 dist/db.js (deleteUser)",
    },
    {
      versions: "0.5.2–0.8.2",
      behaviour: "deleteUser deletes all of the user's sessions (deleteMany) and one account before the user.",
      source: "better-auth@0.5.2 dist/db.js (deleteUser)",
    },
    {
      versions: "0.8.3–1.7.25",
      behaviour: "deleteUser deletes all of the user's sessions and accounts (deleteMany) before the user; rows of plugin tables that reference the user are left to the database's referential action.",
      source: "better-auth@0.8.8 dist/db.js, better-auth@1.0.0 dist/db.js, better-auth@1.7.25 dist/db/internal-adapter.mjs (deleteUser)",
    },
  ],
  check(context) {
    const deletedFirst = new Set(context.layout.deletedBeforeUser);
    for (const { key, block, expected, field } of presentExpectedFields(context)) {
      const references = expected.references;
      if (!references || references.onDelete !== "cascade") continue;
      // Better Auth deletes these rows itself before the user: any action works.
      if (references.model === "user" && deletedFirst.has(key)) continue;
      const target = context.models.get(references.model)?.block;
      const targetName = target?.name ?? references.model;
      const relation = relationFor(block, field.name);
      const action = PRISMA_ACTION[references.onDelete]!;
      if (!relation) {
        context.report({
          range: field.range,
          file: block.file,
          model: block,
          field: field.name,
          severity: "info",
          message:
            `${block.name}.${field.name} is not a relation to ${targetName}: nothing fails, but when ${context.versionLabel} deletes a ${references.model}, ` +
            `its ${block.name} rows stay behind (Better Auth does not delete them itself; its generator writes a relation with onDelete: ${action}). ` +
            `Add \`${references.model} ${target?.name ?? "User"} @relation(fields: [${field.name}], references: [${references.field}], onDelete: ${action})\`.`,
        });
        continue;
      }
      const onDelete = namedArg(relation.attribute, "onDelete");
      const current = onDelete?.kind === "identifier" ? onDelete.name : undefined;
      if (current === action) continue;
      const severity: Severity = BLOCKING.has(current) ? "warning" : "info";
      const attribute = relation.attribute;
      const closing = attribute.range.end;
      const edit = onDelete
        ? { file: block.file, range: onDelete.range, newText: action }
        : { file: block.file, range: { start: { line: closing.line, character: closing.character - 1 }, end: { line: closing.line, character: closing.character - 1 } }, newText: `, onDelete: ${action}` };
      context.report({
        range: attribute.range,
        file: block.file,
        model: block,
        field: relation.field.name,
        severity,
        message:
          severity === "warning"
            ? `${block.name}.${relation.field.name} ${current ? `deletes with onDelete: ${current}` : "has no onDelete (Prisma's default is Restrict)"}, so deleting a ` +
              `${references.model} that still has ${block.name} rows fails on the foreign key: ${context.versionLabel} deletes only ` +
              `${[...deletedFirst].join(" and ")} rows before the ${references.model}. The fix sets onDelete: ${action}, as Better Auth's generator does.`
            : `${block.name}.${relation.field.name} deletes with onDelete: ${current}: deleting a ${references.model} keeps its ${block.name} rows ` +
              `(Better Auth's generator writes onDelete: ${action}). The fix sets onDelete: ${action}.`,
        ...(fieldAttribute(relation.field, "relation") && attribute.args.length ? { fix: { title: `Set onDelete: ${action}`, edits: [edit] } } : {}),
      });
    }
  },
};
