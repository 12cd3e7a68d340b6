import type { Finding, TextEdit } from "../lint/findings";
import type { Schema } from "../schema/ast";
import { IGNORE_FIELD, IGNORE_MODEL } from "../lint/suppressions";

/**
 * The edit behind "ignore for this model/field": a `///` suppression comment as the first line
 * of the model body, or on its own line above the field, indented like its neighbours.
 */
export function suppressionEdit(schema: Schema, finding: Finding, scope: "model" | "field"): TextEdit | undefined {
  const block = schema.blocks.find((candidate) => candidate.kind === "model" && candidate.name === finding.model && candidate.file === finding.file);
  if (!block) return undefined;
  if (scope === "field") {
    const field = finding.field ? block.fields.find((candidate) => candidate.name === finding.field) : undefined;
    if (!field) return undefined;
    const start = field.range.start;
    const indent = " ".repeat(start.character);
    return { file: block.file, range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } }, newText: `${indent}/// ${IGNORE_FIELD} ${finding.rule}\n` };
  }
  const bodyStart = block.bodyStart;
  if (!bodyStart) return undefined;
  const indent = " ".repeat(block.fields[0]?.range.start.character ?? 2);
  return { file: block.file, range: { start: bodyStart, end: bodyStart }, newText: `\n${indent}/// ${IGNORE_MODEL} ${finding.rule}` };
}
