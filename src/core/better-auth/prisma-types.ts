import type { BaFieldType, ExpectedField } from "./core-schema";

// Which Prisma types hold each Better Auth field type, as `auth generate` writes them per
// provider (json and arrays are String on MySQL/SQLite) or as Prisma accepts the same value.
// Numbers may be any numeric type; ids and foreign keys are String, or Int under
// `generateId: "serial"`. `[]` marks a Prisma list.
const ACCEPTED: Record<Exclude<BaFieldType, "other">, readonly string[]> = {
  string: ["String"],
  number: ["Int", "BigInt", "Float", "Decimal"],
  boolean: ["Boolean"],
  date: ["DateTime"],
  bigint: ["BigInt", "Int"],
  json: ["Json", "String"],
  "string[]": ["String[]", "String", "Json"],
  "number[]": ["Int[]", "BigInt[]", "Float[]", "String", "Json"],
};

/** Undefined for types the linter does not model (never type-checked). */
export function acceptedPrismaTypes(field: ExpectedField): readonly string[] | undefined {
  if (field.isId || field.references) return ["String", "Int", "BigInt"];
  return field.type === "other" ? undefined : ACCEPTED[field.type];
}

/** The Prisma type a fix writes for a missing field. */
export function prismaTypeFor(field: ExpectedField): string {
  if (field.type === "string" || field.type === "other" || field.isId || field.references) return "String";
  return ACCEPTED[field.type][0]!;
}

/** Attributes a fix writes for a missing field, as Better Auth's generator would. */
export function prismaAttributesFor(field: ExpectedField): string[] {
  const attributes: string[] = [];
  if (field.unique) attributes.push("@unique");
  if (field.name === "createdAt") attributes.push("@default(now())");
  else if (field.name === "updatedAt") attributes.push("@updatedAt");
  else if (field.type === "boolean" && field.required) attributes.push("@default(false)");
  return attributes;
}
