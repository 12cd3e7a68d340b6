import type { CoreModelKey } from "../config";
import type { ExpectedField } from "../better-auth/core-schema";
import { prismaFieldName } from "../better-auth/resolve-models";
import type { Block, Field } from "../schema/ast";
import { findField } from "../schema/query";
import type { RuleContext } from "./rule";

export interface ExpectedMatch {
  key: CoreModelKey;
  block: Block;
  expected: ExpectedField;
  field: Field;
}

/** Every expected core field that the schema has, paired with its Prisma field. */
export function presentExpectedFields(context: RuleContext): ExpectedMatch[] {
  const matches: ExpectedMatch[] = [];
  for (const model of context.layout.models) {
    const block = context.models.get(model.key)?.block;
    if (!block) continue;
    for (const expected of model.fields) {
      const field = findField(block, prismaFieldName(model.key, expected.name, context.config));
      if (field) matches.push({ key: model.key, block, expected, field });
    }
  }
  return matches;
}
