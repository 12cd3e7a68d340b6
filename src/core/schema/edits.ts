import type { TextEdit } from "./text-edit";
import type { Attribute, Block, Field, Position } from "./ast";

// Minimal text edits for fixes. New lines copy the block's indentation and Prisma's column
// alignment (name, type, attributes) so a fixed model reads as if `prisma format` had run.

type Columns = { indent: number; type: number; attributes: number };

// A fix for a 1,000-model schema formats many lines for the same User block (one back-relation per
// model): measured once per parsed block, not once per line. Blocks are never edited in place.
const measured = new WeakMap<Block, Columns>();

function columns(block: Block): Columns {
  let found = measured.get(block);
  if (!found) {
    found = measure(block);
    measured.set(block, found);
  }
  return found;
}

function measure(block: Block): Columns {
  let indent = 2;
  let type = 0;
  let attributes = 0;
  for (const field of block.fields) {
    indent = field.nameRange.start.character;
    if (field.type) type = Math.max(type, field.type.range.start.character);
    const first = field.attributes[0];
    if (first) attributes = Math.max(attributes, first.range.start.character);
  }
  return { indent, type, attributes };
}

function padTo(text: string, column: number): string {
  return text.length + 1 >= column ? `${text} ` : text.padEnd(column, " ");
}

/** `token     String   @unique`, aligned with the block's existing fields. */
export function formatField(block: Block, name: string, type: string, attributes: string[] = []): string {
  const { indent, type: typeColumn, attributes: attributeColumn } = columns(block);
  let line = padTo(" ".repeat(indent) + name, typeColumn) + type;
  if (attributes.length) line = padTo(line, attributeColumn) + attributes.join(" ");
  return line.trimEnd();
}

function endOfLine(lineText: string, line: number): Position {
  return { line, character: lineText.length };
}

/** Inserts a formatted field line after `after` (or at the top of the body). */
export function insertField(block: Block, after: Field | undefined, line: string, lineText: (line: number) => string): TextEdit {
  const anchor = after ?? block.fields[block.fields.length - 1];
  if (anchor) {
    const position = endOfLine(lineText(anchor.range.end.line), anchor.range.end.line);
    return { file: block.file, range: { start: position, end: position }, newText: `\n${line}` };
  }
  const position = block.bodyStart ?? block.nameRange.end;
  return { file: block.file, range: { start: position, end: position }, newText: `\n${line}` };
}

/** Removes a whole line, including its line break. */
export function deleteLine(file: string, line: number): TextEdit {
  return { file, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: "" };
}

/** Removes one attribute and the space before it. */
export function removeAttribute(file: string, attribute: Attribute, lineText: string): TextEdit {
  let start = attribute.range.start.character;
  while (start > 0 && (lineText[start - 1] === " " || lineText[start - 1] === "\t")) start--;
  return {
    file,
    range: { start: { line: attribute.range.start.line, character: start }, end: attribute.range.end },
    newText: "",
  };
}

/** Appends an attribute after the field's last attribute (or its type). */
export function appendAttribute(file: string, field: Field, attribute: string): TextEdit {
  const position = field.range.end;
  return { file, range: { start: position, end: position }, newText: ` ${attribute}` };
}

export function replaceRange(file: string, range: { start: Position; end: Position }, newText: string): TextEdit {
  return { file, range, newText };
}

/** `String` → `String?`: the `?` goes right after the type. */
export function makeOptional(file: string, field: Field): TextEdit | undefined {
  if (!field.type) return undefined;
  const end = field.type.range.end;
  return { file, range: { start: end, end }, newText: "?" };
}
