import type { Range } from "../schema/ast";
import { TextIndex } from "./text-index";

/** One `KEY=value` assignment of a .env file, with where its value is written. */
export interface EnvAssignment {
  key: string;
  /** The value as dotenv gives it to the app (quotes removed, `\n` expanded in double quotes). */
  value: string;
  /** The key's range, for findings about the whole line. */
  keyRange: Range;
  /** The value's range, inside its quotes; empty at the end of the line for `KEY=`. */
  valueRange: Range;
  line: number;
}

export interface EnvFile {
  path: string;
  text: string;
  index: TextIndex;
  /** Every assignment in file order; dotenv keeps the last one of a key. */
  assignments: EnvAssignment[];
  /** The assignment dotenv keeps for a key. */
  get(key: string): EnvAssignment | undefined;
}

// dotenv 17's own line pattern (lib/main.js `LINE`), with `d` for match indices so each value
// keeps its place in the file.
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

export function parseEnvFile(path: string, text: string): EnvFile {
  const index = new TextIndex(text);
  // dotenv turns \r\n into \n before matching; a same-length substitute keeps offsets true.
  const normalized = text.replace(/\r\n/g, " \n").replace(/\r/g, "\n");
  const assignments: EnvAssignment[] = [];
  const last = new Map<string, EnvAssignment>();
  for (const match of normalized.matchAll(LINE)) {
    const key = match[1]!;
    const keyStart = match.indices![1]![0];
    const raw = match[2] ?? "";
    let start = match.indices![2]?.[0] ?? match.index! + match[0].trimEnd().length;
    let end = start + raw.length;
    while (start < end && /\s/.test(normalized[start]!)) start++;
    while (end > start && /\s/.test(normalized[end - 1]!)) end--;
    let value = normalized.slice(start, end);
    const quote = value[0];
    if ((quote === "'" || quote === '"' || quote === "`") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      start++;
      end--;
      if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
    }
    const assignment: EnvAssignment = {
      key,
      value,
      keyRange: index.range(keyStart, keyStart + key.length),
      valueRange: index.range(start, end),
      line: index.position(keyStart).line,
    };
    assignments.push(assignment);
    last.set(key, assignment);
  }
  return { path, text, index, assignments, get: (key) => last.get(key) };
}

/** `.env.example` and friends document variables; their values are not the app's. */
export function isTemplateEnvFile(path: string): boolean {
  return /\.(example|sample|template|dist|defaults?|schema)$/i.test(baseName(path));
}

/** Files loaded only when NODE_ENV=production (Next.js, Vite), or that say so themselves. */
export function isProductionEnvFile(file: EnvFile): boolean {
  return /^\.env\.production(\.local)?$/i.test(baseName(file.path)) || file.get("NODE_ENV")?.value === "production";
}

/** `.env.test*`: Better Auth skips its secret checks under test (`isTest()` in create-context). */
export function isTestEnvFile(path: string): boolean {
  return /^\.env\.test(\.local)?$/i.test(baseName(path));
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}
