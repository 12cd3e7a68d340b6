import type { B } from "../app-config/parse-source";
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
  property?: B.ObjectProperty | B.ObjectMethod;
  /** The value's expression (`secret: <this>`, or the name of `{ secret }`). */
  value?: B.Node;
}

export function propertySpot(context: DoctorContext, holder: PlainObject, key: string): PropertySpot | undefined {
  const spot = context.auth?.spotOf(holder, key);
  if (!spot) return undefined;
  const range = spotRange(spot);
  const keyEnd = { line: spot.line, character: spot.character + key.length };
  // Read from a version of the file that is not its current text: its ranges would point at the wrong code.
  if (context.auth?.stale.includes(spot.file)) return undefined;
  const code = context.code(spot.file);
  const property = code?.nodeAt(spot, (node): node is B.ObjectProperty | B.ObjectMethod => node.type === "ObjectProperty" || node.type === "ObjectMethod");
  if (!code || !property) return { file: spot.file, range, keyRange: { start: range.start, end: keyEnd } };
  const value = property.type === "ObjectProperty" ? property.value : undefined;
  return { file: spot.file, range, keyRange: code.rangeOf(property.key), code, property, ...(value ? { value } : {}) };
}
