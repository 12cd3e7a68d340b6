import { join } from "node:path";
import type * as LookupBundle from "./entry";

let bundle: typeof LookupBundle | undefined;

/**
 * dist/lookup.js, loaded on first use. Only types are imported from entry.ts: a value import
 * would pull every driver into dist/extension.js. The require's argument is not a literal, so
 * esbuild leaves it to run at this moment; extension.js and lookup.js sit side by side in dist/.
 */
export function loadLookupBundle(): typeof LookupBundle {
  bundle ??= require(join(__dirname, "lookup.js")) as typeof LookupBundle;
  return bundle;
}
