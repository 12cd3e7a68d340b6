/**
 * The one place that loads the `typescript` package. It is 3.5 MB bundled and takes hundreds of
 * milliseconds to load, so it is required on the first parse, never when this module is imported
 * (docs/architecture.md, "Reading the auth config", has the measurements behind the choice).
 */
import type * as TS from "typescript";
import type { SourceSpot } from "./types";

export type Ts = typeof TS;

let loaded: Ts | undefined;

export function ts(): Ts {
  // A plain require, not an import: esbuild wraps the bundled package so it runs on this first call.
  loaded ??= require("typescript") as Ts;
  return loaded;
}

/** A parsed file. TypeScript's parser always returns a tree, recovering from syntax errors. */
export function parseSource(file: string, text: string): TS.SourceFile {
  const t = ts();
  // `.ts` is not parsed as TSX: `<T>value` assertions are legal there and JSX is not.
  const kind = file.endsWith(".tsx") ? t.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? t.ScriptKind.TS : t.ScriptKind.JSX;
  return t.createSourceFile(file, text, t.ScriptTarget.Latest, true, kind);
}

export function syntaxErrorCount(source: TS.SourceFile): number {
  return (source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
}

export function spotOfNode(node: TS.Node, source: TS.SourceFile = node.getSourceFile()): SourceSpot {
  const start = source.getLineAndCharacterOfPosition(node.getStart(source));
  const end = source.getLineAndCharacterOfPosition(node.end);
  return {
    file: source.fileName,
    line: start.line,
    character: start.character,
    endLine: end.line,
    endCharacter: end.character,
  };
}
