import type { Block, Schema } from "../schema/ast";
import { fieldAttribute, namedArg } from "../schema/query";
import { tableName } from "./table-model";

/** Relations in other models whose foreign key points at the Session table (`sessionId String` + `@relation(fields: …)`). */
export function inboundReferences(schema: Schema, session: Block): { model: string; field: string; onUpdate: string }[] {
  const result: { model: string; field: string; onUpdate: string }[] = [];
  for (const block of schema.blocks) {
    if (block.kind !== "model" || block === session) continue;
    for (const field of block.fields) {
      const relation = fieldAttribute(field, "relation");
      if (field.type?.name !== session.name || !relation || !namedArg(relation, "fields")) continue;
      const onUpdate = namedArg(relation, "onUpdate");
      result.push({ model: block.name, field: field.name, onUpdate: onUpdate?.kind === "identifier" ? onUpdate.name : "Cascade" });
    }
  }
  return result;
}

export function referenceNotes(schema: Schema, session: Block): string[] {
  const references = inboundReferences(schema, session);
  const table = tableName(session);
  if (!references.length) {
    return [`No other model references ${session.name}, so replacing the ids of ${table} affects nothing else.`];
  }
  return references.map((reference) =>
    reference.onUpdate === "Cascade"
      ? `${reference.model}.${reference.field} references ${session.name}: its foreign key is ON UPDATE CASCADE, so its rows follow the new ids.`
      : `${reference.model}.${reference.field} references ${session.name} with onUpdate: ${reference.onUpdate}: changing an id that is referenced fails ` +
        "(or leaves the reference dangling with relationMode \"prisma\"); point those rows at the new ids or set onUpdate: Cascade first.",
  );
}
