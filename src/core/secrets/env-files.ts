import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "dotenv";
import { compareEnvFileNames, isEnvFileName } from "./env-file-order";
import type { EnvSource } from "./from-env";

/**
 * Reads env files with dotenv's own parser (quotes, `export`, comments, multi-line values),
 * so a secret is read exactly as the app would see it. Missing files are reported, not thrown.
 */
export function readEnvFiles(paths: readonly string[], cwd: string): { sources: EnvSource[]; problems: string[] } {
  const sources: EnvSource[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      sources.push({ label: path, vars: parse(readFileSync(full)) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`Cannot read env file ${path}${code ? ` (${code})` : ""}.`);
    }
  }
  return { sources, problems };
}

/**
 * The `.env*` files of one project folder in `ENV_FILE_ORDER`, leaving out those already read
 * (`skip`, absolute or relative to `dir`). An unreadable folder is simply a folder without any.
 */
export function projectEnvFiles(dir: string, skip: readonly string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() && isEnvFileName(entry.name)).map((entry) => entry.name);
  } catch {
    return [];
  }
  const skipped = new Set(skip.map((path) => resolve(dir, path)));
  return names.filter((name) => !skipped.has(resolve(dir, name))).sort(compareEnvFileNames);
}
