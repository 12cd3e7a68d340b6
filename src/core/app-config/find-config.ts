import path from "node:path";
import type { ReadText } from "./types";
import { nodeReadText } from "./node-read-text";

const NAMES = [
  "auth.ts",
  "auth.tsx",
  "auth.js",
  "auth.jsx",
  "auth.server.js",
  "auth.server.ts",
  "auth/index.ts",
  "auth/index.tsx",
  "auth/index.js",
  "auth/index.jsx",
  "auth/index.server.js",
  "auth/index.server.ts",
];
const FOLDERS = ["lib/server/", "server/auth/", "server/", "auth/", "lib/", "utils/"];

function withPrefixes(list: string[], prefixes: string[]): string[] {
  return [...list, ...prefixes.flatMap((prefix) => list.map((name) => prefix + name))];
}

/**
 * The relative paths Better Auth's CLI tries, in its order (`auth` 1.7.7, src/utils/get-config.ts):
 * the names, then the names under each folder, then all of that under `src/` and `app/`.
 */
export const AUTH_CONFIG_PATHS: readonly string[] = withPrefixes(withPrefixes(NAMES, FOLDERS), ["src/", "app/"]);

/**
 * The auth config file the CLI would load from `projectDir`: `override` (absolute, or relative to
 * `projectDir`) when given, else the first of AUTH_CONFIG_PATHS that exists. Undefined when none does.
 */
export function findAuthConfig(
  projectDir: string,
  readFile: ReadText = nodeReadText,
  override?: string,
): string | undefined {
  if (override) {
    const file = path.resolve(projectDir, override);
    return readFile(file) === undefined ? undefined : file;
  }
  for (const relative of AUTH_CONFIG_PATHS) {
    const file = path.join(projectDir, relative);
    if (readFile(file) !== undefined) return file;
  }
  return undefined;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

/**
 * The app folder for a schema: the nearest folder at or above `startDir` whose package.json
 * depends on better-auth (in a monorepo, the app's package rather than the workspace root).
 */
export function findAppProjectDir(startDir: string, readFile: ReadText = nodeReadText): string | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    if (dependsOnBetterAuth(readFile(path.join(dir, "package.json")))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function dependsOnBetterAuth(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const manifest: unknown = JSON.parse(text);
    if (!manifest || typeof manifest !== "object") return false;
    return DEPENDENCY_FIELDS.some((field) => {
      const deps = (manifest as Record<string, unknown>)[field];
      return !!deps && typeof deps === "object" && "better-auth" in deps;
    });
  } catch {
    return false;
  }
}
