import type { CoreModelKey, LintConfig } from "./options-mirror";
import { adapterModelName } from "./app-tables";
import type { ExpectedModel } from "./core-schema";
import type { Block, Field, Schema } from "../schema/ast";
import { findField, mappedName, models } from "../schema/query";

/**
 * Models whose `@@map` names `table`. Found by searching the text first, so a large schema's
 * other models are never parsed beyond their header (see BlockNode in parser.ts). The search
 * goes on from the last match rather than from each block: from each block, a schema of 10,000
 * models with the name quoted near its end was scanned 10,000 times (seconds per lint).
 */
function modelsMappedTo(schema: Schema, all: Block[], table: string): Block[] {
  const quoted = `"${table}"`;
  const found: Block[] = [];
  for (const file of schema.files) {
    // `at` is the first match at or after `from`.
    let from = 0;
    let at = file.text.indexOf(quoted);
    if (at < 0) continue;
    for (const block of all) {
      if (block.file !== file.path) continue;
      const { start, end } = block.offsets;
      if (start < from || (at >= 0 && at < start)) {
        from = start;
        at = file.text.indexOf(quoted, start);
      }
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

// Asked of every model when a table is missing: compared without building a lowered copy of
// each name where the lengths already tell (only a non-ASCII letter can change length lowered).
const ASCII = /^[\x00-\x7f]*$/;

/** `name` with its first letter lowered equals `wanted`. */
function isLowerFirst(name: string, wanted: string): boolean {
  if (name.length !== wanted.length) return !ASCII.test(name) && name.charAt(0).toLowerCase() + name.slice(1) === wanted;
  return name.startsWith(wanted.slice(1), 1) && name.charAt(0).toLowerCase() === wanted.charAt(0);
}

/** `name.toLowerCase() === lower`. */
function isLowerCase(name: string, lower: string): boolean {
  if (name.length !== lower.length && ASCII.test(name)) return false;
  return name.toLowerCase() === lower;
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
      all.find((candidate) => isLowerFirst(candidate.name, expectedName)) ??
      modelsMappedTo(schema, all, expectedName)[0] ??
      all.find((candidate) => isLowerCase(candidate.name, lower));
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
