/**
 * Parses JSON with comments and trailing commas, the text format of Bun's `bun.lock`
 * (Bun ≥ 1.2). Returns undefined instead of throwing: detection skips unreadable files.
 */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(stripJsoncExtras(text));
  } catch {
    return undefined;
  }
}

/** Drops `//` and `/* *\/` comments and commas before `}` / `]`, leaving strings untouched. */
function stripJsoncExtras(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (ch === "," && isCloser(nextSignificant(text, i + 1))) {
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

const isCloser = (ch: string): boolean => ch === "}" || ch === "]";

/** Index just past the string literal starting at `start` (a `"`). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "\\") i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/** The next character that is neither whitespace nor inside a comment. */
function nextSignificant(text: string, from: number): string {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text.startsWith("//", i)) i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
    else if (text.startsWith("/*", i)) i = text.indexOf("*/", i + 2) === -1 ? text.length : text.indexOf("*/", i + 2) + 2;
    else return text[i];
  }
  return "";
}
