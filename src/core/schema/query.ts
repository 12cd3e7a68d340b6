import type { Attribute, Block, Expr, Field, FieldType, Schema } from "./ast";
import { FieldNode } from "./nodes";

// Small read-only questions rules ask of the tree, kept in one place so every rule reads the
// schema the same way Prisma does (field `@unique` and single-column `@@unique` are equivalent).

export function models(schema: Schema): Block[] {
  return schema.blocks.filter((block) => block.kind === "model");
}

/** `block.name === name`; the parser's blocks compare in the text, so asking every block slices no names. */
export function isNamed(block: Block, name: string): boolean {
  const named = block as Block & { nameIs?(name: string): boolean };
  return named.nameIs ? named.nameIs(name) : block.name === name;
}

export function fieldAttribute(field: Field, name: string): Attribute | undefined {
  return field.attributes.find((attribute) => attribute.name === name);
}

export function blockAttributes(block: Block, name: string): Attribute[] {
  return block.attributes.filter((attribute) => attribute.name === name);
}

export function findField(block: Block, name: string): Field | undefined {
  return block.fields.find((field) => field.name === name);
}

/**
 * The field's type when it is neither optional nor a list (a value every create must give), else
 * undefined. The parser's fields answer from their offsets, so a User with thousands of
 * back-relation lists builds no type object for them.
 */
export function requiredSingleType(field: Field): FieldType | undefined {
  if (field instanceof FieldNode && (field.typeStart < 0 || field.typeFlags !== 0)) return undefined;
  const type = field.type;
  return type && !type.optional && !type.list ? type : undefined;
}

export function stringValue(expr: Expr | undefined): string | undefined {
  return expr?.kind === "string" ? expr.value : undefined;
}

/** The field names a block attribute such as `@@unique([a, b])` or `@@index(fields: [a])` lists. */
export function attributeFieldList(attribute: Attribute): string[] {
  const arg = attribute.args.find((a) => a.name === "fields") ?? attribute.args.find((a) => a.name === undefined);
  if (!arg || arg.value.kind !== "array") return [];
  return arg.value.items.map((item) => (item.kind === "identifier" ? item.name : item.kind === "call" ? item.name : "")).filter(Boolean);
}

export function mappedName(block: Block): string | undefined {
  const map = blockAttributes(block, "map")[0];
  return map ? stringValue(map.args[0]?.value) : undefined;
}

/** True when Prisma treats the field alone as unique: `@unique`, `@id`, or a one-field `@@unique`/`@@id`. */
export function isUnique(block: Block, field: Field): boolean {
  if (fieldAttribute(field, "unique") || fieldAttribute(field, "id")) return true;
  return [...blockAttributes(block, "unique"), ...blockAttributes(block, "id")].some((attribute) => {
    const list = attributeFieldList(attribute);
    return list.length === 1 && list[0] === field.name;
  });
}

export function idField(block: Block): Field | undefined {
  return block.fields.find((field) => fieldAttribute(field, "id"));
}

export function defaultCall(field: Field): string | undefined {
  const value = fieldAttribute(field, "default")?.args[0]?.value;
  return value?.kind === "call" ? value.name : undefined;
}

/** The relation field that owns `fields: [scalar]`, e.g. `user User @relation(fields: [userId], …)`. */
export function relationFor(block: Block, scalar: string): { field: Field; attribute: Attribute } | undefined {
  for (const field of block.fields) {
    const attribute = fieldAttribute(field, "relation");
    if (!attribute) continue;
    const fields = attribute.args.find((a) => a.name === "fields")?.value;
    if (fields?.kind === "array" && fields.items.some((item) => item.kind === "identifier" && item.name === scalar)) {
      return { field, attribute };
    }
  }
  return undefined;
}

export function namedArg(attribute: Attribute, name: string): Expr | undefined {
  return attribute.args.find((a) => a.name === name)?.value;
}

export function datasourceProvider(schema: Schema): string | undefined {
  for (const block of schema.blocks) {
    if (block.kind !== "datasource") continue;
    const provider = block.assignments.find((assignment) => assignment.key === "provider");
    const value = stringValue(provider?.value);
    if (value) return value;
  }
  return undefined;
}

/** What isRelationField asks of the model names (a Set does). */
export interface NameLookup {
  has(name: string): boolean;
}

/** Scalar fields a database column backs (relation fields and lists of models are virtual). */
export function isRelationField(modelNames: NameLookup, field: Field): boolean {
  if (fieldAttribute(field, "relation")) return true;
  const type = field.type?.name;
  return !!type && modelNames.has(type);
}
