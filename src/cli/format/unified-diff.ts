// A unified diff (`diff -u` / `git diff` shape) of two texts, so `fix` can show what it would
// change. jsdiff finds the hunks; the header and ranges are written here because its own
// `formatPatch` adds an `===` line and always prints counts (`+1,1`), where diff -u writes `+1`.
import { structuredPatch } from "diff";

function range(start: number, length: number): string {
  // diff's convention: an empty range names the line before it; a length of 1 is left out.
  if (length === 0) return `${start - 1},0`;
  return length === 1 ? `${start}` : `${start},${length}`;
}

/** `--- a/path` / `+++ b/path` and hunks with `context` lines around each change; "" when equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const hunk of structuredPatch(path, path, before, after, undefined, undefined, { context }).hunks) {
    out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`;
    out += hunk.lines.map((line) => `${line}\n`).join("");
  }
  return out;
}
