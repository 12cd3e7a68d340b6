import { readFileSync, statSync } from "node:fs";
import type { ReadText } from "./types";

/** Larger files are not app config; reading them would only stall the lint. */
export const MAX_SOURCE_BYTES = 2_000_000;

export const nodeReadText: ReadText = (file) => {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_SOURCE_BYTES) return undefined;
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};
