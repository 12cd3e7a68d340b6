import { renderPrismaField, renderPrismaModel, type PrismaModelContext } from "../../better-auth/prisma-model-text";
import type { Fix, TextEdit } from "../findings";
import type { Block, Field, Position, Schema } from "../../schema/ast";
import { formatField, insertField } from "../../schema/edits";

// Edits that add what Better Auth's generator would have written: whole models (with the
// back-relation lines Prisma needs in the models they reference) and single fields (with their
// relation, back-relation and @@unique/@@index lines), each carrying its migration.

type LineText = (file: string, line: number) => string;

function modelBlocks(schema: Schema): Block[] {
  return schema.blocks.filter((block) => block.kind === "model");
}

/**
 * Missing tables that reference each other must arrive together (a relation to a model that is
 * not there is a schema Prisma rejects). Each missing table's fix adds its whole group, so the
 * findings of one group carry the same edits and `fix` applies them once.
 */
export function missingTableGroups(missing: readonly string[], ctx: PrismaModelContext): string[][] {
  const group = new Map(missing.map((key) => [key, key]));
  const find = (key: string): string => (group.get(key) === key ? key : find(group.get(key)!));
  const keyOf = (model: string) => Object.keys(ctx.tables).find((key) => key === model || ctx.tables[key]!.modelName === model);
  for (const key of missing) {
    for (const field of Object.values(ctx.tables[key]?.fields ?? {})) {
      const target = field.references && keyOf(field.references.model);
      if (target && group.has(target)) group.set(find(key), find(target));
    }
  }
  const groups = new Map<string, string[]>();
  for (const key of missing) groups.set(find(key), [...(groups.get(find(key)) ?? []), key]);
  return [...groups.values()];
}

/** A rendered line `name Type @a @b(…)` as the pieces formatField aligns. */
function splitLine(line: string): { name: string; type: string; attributes: string[] } {
  const match = /^(\S+)\s+(\S+)\s*(.*)$/.exec(line.trim());
  if (!match) throw new Error(`not a field line: ${line}`);
  return { name: match[1]!, type: match[2]!, attributes: match[3] ? [match[3]] : [] };
}

function aligned(block: Block, line: string): string {
  const { name, type, attributes } = splitLine(line);
  return formatField(block, name, type, attributes);
}

function endOf(lineText: LineText, file: string, line: number): Position {
  return { line, character: lineText(file, line).length };
}

/** Back-relation lines for existing models, one edit per model after its last field. */
function backRelationEdits(schema: Schema, lines: { model: string; field: string; line: string }[], lineText: LineText): TextEdit[] {
  return backRelations(schema, lines, lineText).edits;
}

function backRelations(schema: Schema, lines: { model: string; field: string; line: string }[], lineText: LineText): { edits: TextEdit[]; models: string[] } {
  const byModel = new Map<string, string[]>();
  for (const back of lines) {
    const block = modelBlocks(schema).find((b) => b.name === back.model);
    if (!block || block.fields.some((f) => f.name === back.field)) continue;
    const list = byModel.get(back.model) ?? [];
    if (!list.some((l) => splitLine(l).name === back.field)) list.push(back.line);
    byModel.set(back.model, list);
  }
  const edits: TextEdit[] = [];
  for (const [model, list] of byModel) {
    const block = modelBlocks(schema).find((b) => b.name === model)!;
    edits.push(insertField(block, undefined, list.map((line) => aligned(block, line)).join("\n"), (n) => lineText(block.file, n)));
  }
  return { edits, models: [...byModel.keys()] };
}

/**
 * Existing models for the renderer: a model whose table references a new one appears only when
 * it has the relation field, since a back-relation without its opposite is a schema Prisma rejects.
 */
function existingModels(schema: Schema, newModels: string[]): ExistingModels {
  // Lazy: a model's body is parsed on first access (parser.ts), and the renderer asks about a few
  // models only — building every model's field set made a 1,000-model lint with fixes 10x slower.
  const blocks = new Map(modelBlocks(schema).map((block) => [block.name, block]));
  const added = new Set(newModels);
  const removed = new Set<string>();
  const fields = new Map<string, ReadonlySet<string>>();
  return {
    has: (model) => !removed.has(model) && (added.has(model) || blocks.has(model)),
    get(model) {
      if (removed.has(model)) return undefined;
      if (added.has(model)) return new Set();
      const block = blocks.get(model);
      if (!block) return undefined;
      let names = fields.get(model);
      if (!names) fields.set(model, (names = new Set(block.fields.map((f) => f.name))));
      return names;
    },
    delete: (model) => void removed.add(model),
  };
}

interface ExistingModels extends NonNullable<PrismaModelContext["existingModels"]> {
  delete(model: string): void;
}

function withoutDanglingInbound(schema: Schema, ctx: PrismaModelContext, newModels: string[]): ExistingModels {
  const map = existingModels(schema, newModels);
  const tableOf = new Map(Object.keys(ctx.tables).map((key) => [ctx.prismaModelNameOf?.(key), key]));
  for (const block of modelBlocks(schema)) {
    // Only Better Auth's own models can reference a new table: look at their bodies alone.
    const key = tableOf.get(block.name);
    const references = key && Object.values(ctx.tables[key]!.fields).some((f) => {
      const target = f.references && Object.keys(ctx.tables).find((k) => k === f.references!.model || ctx.tables[k]!.modelName === f.references!.model);
      return target && newModels.includes(ctx.prismaModelNameOf?.(target) ?? "");
    });
    if (!references) continue;
    const pointsAtNew = block.fields.some((f) => f.type && newModels.includes(f.type.name));
    if (!pointsAtNew) map.delete(block.name);
  }
  return map;
}

export interface AddedModels {
  fix: Fix;
  models: string[];
  /** Existing models that gain a back-relation line. */
  backModels: string[];
}

/** The models of `keys` appended after `after` (the last model of the file Better Auth's models live in). */
export function addModelsFix(schema: Schema, keys: string[], ctx: PrismaModelContext, after: Block, lineText: LineText): AddedModels {
  const models = keys.map((key) => ctx.prismaModelNameOf!(key));
  const rendering = { ...ctx, existingModels: withoutDanglingInbound(schema, ctx, models) };
  const rendered = keys.map((key) => renderPrismaModel(key, rendering));
  const back = rendered.flatMap((r) => r.backRelations).filter((b) => !models.includes(b.model));
  const end = after.range.end;
  const relations = backRelations(schema, back, lineText);
  const edits: TextEdit[] = [{ file: after.file, range: { start: end, end }, newText: rendered.map((r) => `\n\n${r.text}`).join("") }, ...relations.edits];
  const title = models.length === 1 ? `Add model ${models[0]}` : `Add models ${models.slice(0, -1).join(", ")} and ${models[models.length - 1]}`;
  return { fix: { title, edits, migration: { kind: "add-tables", models } }, models, backModels: relations.models };
}

export interface AddedField {
  fix: Fix;
  /** The scalar line as the block shows it, for messages. */
  line: string;
}

function blockAttributeEdit(block: Block, lines: string[], lineText: LineText): TextEdit | undefined {
  if (!lines.length) return undefined;
  const indent = " ".repeat(block.fields[0]?.nameRange.start.character ?? 2);
  const text = lines.map((line) => `${indent}${line}`);
  const attributes = block.attributes;
  const others = attributes.filter((a) => a.name !== "map");
  if (others.length) {
    const last = others[others.length - 1]!;
    return { file: block.file, range: { start: endOf(lineText, block.file, last.range.end.line), end: endOf(lineText, block.file, last.range.end.line) }, newText: `\n${text.join("\n")}` };
  }
  const map = attributes[0];
  if (map && map.range.start.line > 0) {
    const line = map.range.start.line - 1;
    const blank = lineText(block.file, line).trim() === "";
    const position = endOf(lineText, block.file, line);
    return { file: block.file, range: { start: position, end: position }, newText: `\n${text.join("\n")}${blank ? "\n" : ""}` };
  }
  const last = block.fields[block.fields.length - 1];
  const position = last ? endOf(lineText, block.file, last.range.end.line) : block.bodyStart!;
  return { file: block.file, range: { start: position, end: position }, newText: `\n\n${text.join("\n")}` };
}

/** Same-point insertions of one fix as one edit, in order (applyEdits would reverse them). */
function mergeSamePoint(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const same = out.find(
      (o) => o.file === edit.file && o.range.start.line === edit.range.start.line && o.range.start.character === edit.range.start.character && o.range.end.line === o.range.start.line && o.range.end.character === o.range.start.character && edit.range.end.line === edit.range.start.line && edit.range.end.character === edit.range.start.character,
    );
    if (same) same.newText += edit.newText;
    else out.push({ ...edit });
  }
  return out;
}

/** One field of `tableKey` added to `block` after `after`, as the generator writes it. */
export function addFieldFix(schema: Schema, block: Block, tableKey: string, fieldKey: string, ctx: PrismaModelContext, after: Field | undefined, lineText: LineText): AddedField {
  const rendered = renderPrismaField(tableKey, fieldKey, { ...ctx, existingModels: existingModels(schema, []) });
  const lines = rendered.lines.filter((line, index) => index === 0 || !block.fields.some((f) => f.name === splitLine(line).name));
  const present = new Set(block.attributes.map((a) => a.range).map((r) => lineText(block.file, r.start.line).trim()));
  const attributes = rendered.blockAttributes.filter((line) => !present.has(line));
  const scalar = aligned(block, lines[0]!);
  const fieldEdit = insertField(block, after, lines.map((line) => aligned(block, line)).join("\n"), (n) => lineText(block.file, n));
  const attributeEdit = blockAttributeEdit(block, attributes, lineText);
  const back = rendered.backRelation && rendered.backRelation.model !== block.name ? backRelationEdits(schema, [rendered.backRelation], lineText) : [];
  const fields = lines.map((line) => splitLine(line).name);
  return {
    fix: {
      title: `Add ${block.name}.${fields[0]}`,
      edits: mergeSamePoint([fieldEdit, ...(attributeEdit ? [attributeEdit] : []), ...back]),
      migration: { kind: "add-columns", model: block.name, fields },
    },
    line: scalar,
  };
}
