import { fieldAttribute, namedArg, relationFor } from "../schema/query";
import type { Rule } from "./rule";
import { presentExpectedFields } from "./expected-fields";

const PRISMA_ACTION: Record<string, string> = { cascade: "Cascade", "set null": "SetNull", restrict: "Restrict", "no action": "NoAction" };

export const userRelation: Rule = {
  id: "user-relation",
  description: "session.userId and account.userId are relations to User that cascade on delete, as Better Auth generates them.",
  defaultSeverity: "warning",
  rationale:
    "Better Auth deletes a user and relies on the database to remove that user's sessions and accounts (`onDelete: Cascade`). " +
    "Without the relation, or with another referential action, deleting a user fails on the foreign key or leaves orphaned sessions behind.",
  examples: {
    bad: { title: "No cascade", schema: "model Session {\n  userId String\n  user   User   @relation(fields: [userId], references: [id])\n}" },
    good: {
      title: "Cascade on delete",
      schema: "model Session {\n  userId String\n  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)\n}",
    },
  },
  check(context) {
    for (const { block, expected, field } of presentExpectedFields(context)) {
      const references = expected.references;
      if (!references) continue;
      const target = context.models.get(references.model)?.block;
      const relation = relationFor(block, field.name);
      const action = PRISMA_ACTION[references.onDelete]!;
      if (!relation) {
        context.report({
          range: field.range,
          file: block.file,
          model: block,
          field: field.name,
          message:
            `${block.name}.${field.name} is not a relation to ${target?.name ?? references.model}: ${context.versionLabel} expects a foreign key with ` +
            `onDelete: ${action}, so deleting a user removes its ${block.name.toLowerCase()} rows. Add ` +
            `\`${references.model} ${target?.name ?? "User"} @relation(fields: [${field.name}], references: [${references.field}], onDelete: ${action})\`.`,
        });
        continue;
      }
      const onDelete = namedArg(relation.attribute, "onDelete");
      const current = onDelete?.kind === "identifier" ? onDelete.name : undefined;
      if (current === action) continue;
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
        message:
          `${block.name}.${relation.field.name} ${current ? `deletes with onDelete: ${current}` : "has no onDelete"}, but ${context.versionLabel} relies on ` +
          `onDelete: ${action}: deleting a user must remove its ${block.name.toLowerCase()} rows, or the delete fails on the foreign key. ` +
          `The fix sets onDelete: ${action}.`,
        ...(fieldAttribute(relation.field, "relation") && attribute.args.length ? { fix: { title: `Set onDelete: ${action}`, edits: [edit] } } : {}),
      });
    }
  },
};
