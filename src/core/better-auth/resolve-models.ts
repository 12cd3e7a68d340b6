import type { CoreModelKey, LintConfig } from "../config";
import type { Block, Field, Schema } from "../schema/ast";
import { findField, mappedName, models } from "../schema/query";

export const CORE_MODELS: readonly CoreModelKey[] = ["user", "session", "account", "verification"];

export interface ResolvedModel {
  key: CoreModelKey;
  /** The name Better Auth's Prisma adapter asks the client for (`prisma[name]`). */
  expectedName: string;
  block?: Block;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Better Auth's `getModelName`: the configured `modelName`, else the key, plus `s` with `usePlural`. */
export function expectedModelName(key: CoreModelKey, config: LintConfig): string {
  const base = config.models?.[key]?.modelName ?? key;
  return config.usePlural ? `${base}s` : base;
}

/**
 * Finds the Prisma model for each core table. The Prisma adapter calls `prisma[modelName]`, and
 * Prisma's client property is the model name with a lower-case first letter, so that match wins;
 * `@@map("session")` and a case-insensitive name are accepted as the user's evident intent.
 */
export function resolveModels(schema: Schema, config: LintConfig): Map<CoreModelKey, ResolvedModel> {
  const all = models(schema);
  const result = new Map<CoreModelKey, ResolvedModel>();
  for (const key of CORE_MODELS) {
    const expectedName = expectedModelName(key, config);
    const lower = expectedName.toLowerCase();
    const block =
      all.find((model) => lowerFirst(model.name) === expectedName) ??
      all.find((model) => mappedName(model) === expectedName) ??
      all.find((model) => model.name.toLowerCase() === lower);
    result.set(key, { key, expectedName, block });
  }
  return result;
}

/** The Prisma field name Better Auth uses for one of its fields, after `fields` mapping. */
export function prismaFieldName(key: CoreModelKey, field: string, config: LintConfig): string {
  return config.models?.[key]?.fields?.[field] ?? field;
}

export function findMappedField(block: Block, key: CoreModelKey, field: string, config: LintConfig): Field | undefined {
  return findField(block, prismaFieldName(key, field, config));
}
