import type { Position } from "../schema/ast";
import type { TextEdit } from "../lint/findings";

function offsetAt(lineStarts: number[], text: string, position: Position): number {
  const start = lineStarts[Math.min(position.line, lineStarts.length - 1)] ?? text.length;
  if (position.line >= lineStarts.length) return text.length;
  return Math.min(start + position.character, text.length);
}

/** Applies non-overlapping edits to one file's text (as VS Code's WorkspaceEdit would). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const resolved = edits
    .map((edit) => ({ start: offsetAt(lineStarts, text, edit.range.start), end: offsetAt(lineStarts, text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of resolved) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
