import type * as TS from "typescript";
import { ts } from "../app-config/typescript-parser";
import type { Range } from "../schema/ast";
import { spotRange, type CodeFile } from "./code-file";
import type { PlainObject } from "./static-values";
import type { DoctorContext } from "./types";

/** Where `key` of an evaluated options object is written: its property node when the file is at hand. */
export interface PropertySpot {
  file: string;
  /** The whole `key: value`. */
  range: Range;
  /** Just the key. */
  keyRange: Range;
  code?: CodeFile;
  property?: TS.ObjectLiteralElementLike;
  /** The value's expression (`secret: <this>`, or the name of `{ secret }`). */
  value?: TS.Expression;
}

export function propertySpot(context: DoctorContext, holder: PlainObject, key: string): PropertySpot | undefined {
  const spot = context.auth?.spotOf(holder, key);
  if (!spot) return undefined;
  const range = spotRange(spot);
  const keyEnd = { line: spot.line, character: spot.character + key.length };
  const code = context.code(spot.file);
  const t = ts();
  const property = code?.nodeAt(spot, (node): node is TS.ObjectLiteralElementLike => t.isObjectLiteralElementLike(node) && !t.isSpreadAssignment(node));
  if (!code || !property || !property.name) return { file: spot.file, range, keyRange: { start: range.start, end: keyEnd } };
  const value = t.isPropertyAssignment(property) ? property.initializer : t.isShorthandPropertyAssignment(property) ? property.name : undefined;
  return { file: spot.file, range, keyRange: code.rangeOf(property.name), code, property, ...(value ? { value } : {}) };
}
