import type { ExpectedField, ExpectedModel } from "../../better-auth/core-schema";
import type { Block, Field } from "../../schema/ast";
import { findField } from "../../schema/query";
import type { RuleContext } from "./rule";

export interface ExpectedMatch {
  key: string;
  model: ExpectedModel;
  block: Block;
  expected: ExpectedField;
  field: Field;
}

/** The Prisma field name of one of Better Auth's fields, after the app's `fields` mapping. */
export function fieldNameOf(field: ExpectedField): string {
  return field.fieldName ?? field.name;
}

/** The expected field `name` of table `key`, or undefined when this version or app has none. */
export function expectedField(context: RuleContext, key: string, name: string): ExpectedField | undefined {
  return context.models.get(key)?.expected.fields.find((field) => field.name === name);
}

/** Every expected field that the schema has, paired with its Prisma field. */
export function presentExpectedFields(context: RuleContext): ExpectedMatch[] {
  const matches: ExpectedMatch[] = [];
  for (const model of context.expected) {
    const block = context.models.get(model.key)?.block;
    if (!block) continue;
    for (const expected of model.fields) {
      const field = findField(block, fieldNameOf(expected));
      if (field) matches.push({ key: model.key, model, block, expected, field });
    }
  }
  return matches;
}
