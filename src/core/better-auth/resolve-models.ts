import type { CoreModelKey, LintConfig } from "./options-mirror";
import { adapterModelName } from "./app-tables";
import type { ExpectedModel } from "./core-schema";
import type { Block, Field, Schema } from "../schema/ast";
import { findField, mappedName, models } from "../schema/query";

/**
 * Models whose `@@map` names `table`. Found by searching the text first, so a large schema's
 * other models are never parsed beyond their header (see BlockNode in parser.ts).
 */
function modelsMappedTo(schema: Schema, all: Block[], table: string): Block[] {
  const found: Block[] = [];
  for (const file of schema.files) {
    if (!file.text.includes(`"${table}"`)) continue;
    for (const block of all) {
      if (block.file !== file.path) continue;
      const { start, end } = block.offsets;
      const at = file.text.indexOf(`"${table}"`, start);
      if (at >= 0 && at < end && mappedName(block) === table) found.push(block);
    }
  }
  return found;
}

export const CORE_MODELS: readonly CoreModelKey[] = ["user", "session", "account", "verification"];

export interface ResolvedModel {
  key: string;
  /** The name Better Auth's Prisma adapter asks the client for (`prisma[name]`). */
  expectedName: string;
  expected: ExpectedModel;
  block?: Block;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Better Auth's `getModelName` for a core table: the configured `modelName`, else the key, plus `s` with `usePlural`. */
export function expectedModelName(key: string, config: LintConfig): string {
  const base = config.models?.[key]?.modelName ?? key;
  return config.usePlural ? `${base}s` : base;
}

/**
 * Finds the Prisma model for each expected table. The Prisma adapter calls `prisma[modelName]`, and
 * Prisma's client property is the model name with a lower-case first letter, so that match wins;
 * `@@map("session")` and a case-insensitive name are accepted as the user's evident intent.
 */
export function resolveModels(schema: Schema, config: LintConfig, expected: readonly ExpectedModel[]): Map<string, ResolvedModel> {
  const all = models(schema);
  const result = new Map<string, ResolvedModel>();
  for (const model of expected) {
    const expectedName = adapterModelName(model, config);
    const lower = expectedName.toLowerCase();
    const block =
      all.find((candidate) => lowerFirst(candidate.name) === expectedName) ??
      modelsMappedTo(schema, all, expectedName)[0] ??
      all.find((candidate) => candidate.name.toLowerCase() === lower);
    result.set(model.key, { key: model.key, expectedName, expected: model, block });
  }
  return result;
}

/** The Prisma field name Better Auth uses for one of its fields, after `fields` mapping. */
export function prismaFieldName(key: string, field: string, config: LintConfig): string {
  return config.models?.[key]?.fields?.[field] ?? field;
}

export function findMappedField(block: Block, key: string, field: string, config: LintConfig): Field | undefined {
  return findField(block, prismaFieldName(key, field, config));
}
