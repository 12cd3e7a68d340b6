import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes `files` (paths relative to `dir`, folders made as needed) and returns `dir`: a project on disk for a test. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
