/**
 * Which `.env*` files hold an app's secrets, and in which order they win. The one order the
 * CLI, the cookie panel and the session lookup all read them in (see `discoverSecrets`).
 */

/** `.env`, `.env.local`, `.env.development.local`…; not `.envrc`. */
const ENV_FILE = /^\.env(\.[^/\\]+)?$/;
/** Checked-in templates hold placeholders, not the app's secret. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;

/**
 * Precedence as Next.js (and Vite, Nuxt, dotenv-flow) load them in development: the first file
 * that sets a variable wins, as with dotenv. Other modes (`.env.production`, `.env.test`…)
 * come after, alphabetically, so a cookie from another environment is still explained.
 */
export const ENV_FILE_ORDER = [".env.development.local", ".env.local", ".env.development", ".env"] as const;

export function isEnvFileName(name: string): boolean {
  return ENV_FILE.test(name) && !TEMPLATE.test(name);
}

export function compareEnvFileNames(a: string, b: string): number {
  const rank = (name: string) => {
    const index = (ENV_FILE_ORDER as readonly string[]).indexOf(name);
    return index === -1 ? ENV_FILE_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export interface EnvFileGroup {
  /** Directory relative to the project (or workspace folder), `""` for its root. */
  dir: string;
  /** File names in precedence order. */
  names: string[];
}

/**
 * Groups relative paths (`apps/web/.env.local`) by directory: in a monorepo every app reads
 * its own files, so each directory is one set of secrets. The root comes first, then
 * shallower directories.
 */
export function groupEnvFiles(relativePaths: readonly string[]): EnvFileGroup[] {
  const byDir = new Map<string, string[]>();
  for (const path of relativePaths) {
    const normal = path.replace(/\\/g, "/");
    const slash = normal.lastIndexOf("/");
    const dir = slash < 0 ? "" : normal.slice(0, slash);
    const name = normal.slice(slash + 1);
    if (!isEnvFileName(name) || dir.split("/").includes("node_modules")) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), name]);
  }
  const depth = (dir: string) => (dir === "" ? 0 : dir.split("/").length);
  return [...byDir]
    .sort(([a], [b]) => depth(a) - depth(b) || a.localeCompare(b))
    .map(([dir, names]) => ({ dir, names: [...new Set(names)].sort(compareEnvFileNames) }));
}
