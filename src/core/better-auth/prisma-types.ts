import type { BaFieldType, ExpectedField } from "./core-schema";

// Which Prisma scalar types hold each Better Auth field type. Numbers may be any numeric type;
// ids and foreign keys are String, or Int under `generateId: "serial"`.
const ACCEPTED: Record<BaFieldType, readonly string[]> = {
  string: ["String"],
  number: ["Int", "BigInt", "Float", "Decimal"],
  boolean: ["Boolean"],
  date: ["DateTime"],
  bigint: ["BigInt", "Int"],
  json: ["Json", "String"],
};

export function acceptedPrismaTypes(field: ExpectedField): readonly string[] {
  if (field.isId || field.references) return ["String", "Int", "BigInt"];
  return ACCEPTED[field.type];
}

/** The Prisma type a fix writes for a missing field. */
export function prismaTypeFor(field: ExpectedField): string {
  return field.type === "string" || field.isId || field.references ? "String" : ACCEPTED[field.type][0]!;
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
