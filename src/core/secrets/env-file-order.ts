/**
 * Which `.env*` files hold an app's secrets, and in which order they win. Pure (no vscode
 * import): the extension finds the files, this decides what to read.
 */

/** `.env`, `.env.local`, `.env.development.local`…; not `.envrc`. */
const ENV_FILE = /^\.env(\.[^/\\]+)?$/;
/** Checked-in templates hold placeholders, not the app's secret. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;

/**
 * Precedence as Next.js loads them in development (the first file that sets a variable wins,
 * as with dotenv): `.env.development.local`, `.env.local`, `.env.development`, `.env`; other
 * modes (`.env.production`, `.env.test`…) after, so a cookie from another environment is
 * still explained.
 */
const RANK = [".env.development.local", ".env.local", ".env.development", ".env"];

export function isEnvFileName(name: string): boolean {
  return ENV_FILE.test(name) && !TEMPLATE.test(name);
}

export function compareEnvFileNames(a: string, b: string): number {
  const rank = (name: string) => (RANK.includes(name) ? RANK.indexOf(name) : RANK.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

export interface EnvFileGroup {
  /** Directory relative to the workspace folder, `""` for its root. */
  dir: string;
  /** File names in precedence order. */
  names: string[];
}

/**
 * Groups relative paths (`apps/web/.env.local`) by directory: in a monorepo every app reads
 * its own files, so each directory is one set of secrets. The folder root comes first, then
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
