import path from "node:path";
import type { ReadText } from "../app-config";

/** Names probed when the folder cannot be listed: the files Next.js, Vite, Nuxt and dotenv-flow load. */
export const KNOWN_ENV_FILES = [
  ".env",
  ".env.local",
  ".env.development",
  ".env.development.local",
  ".env.production",
  ".env.production.local",
  ".env.test",
  ".env.test.local",
  ".env.staging",
  ".env.example",
] as const;

/** Middleware and proxy files (Next.js ≤ 15 `middleware`, 16 `proxy`, SvelteKit `hooks.server`). */
export const MIDDLEWARE_FILES = [
  "middleware.ts",
  "middleware.js",
  "src/middleware.ts",
  "src/middleware.js",
  "proxy.ts",
  "proxy.js",
  "src/proxy.ts",
  "src/proxy.js",
  "src/hooks.server.ts",
  "src/hooks.server.js",
] as const;

/** Where apps mount Better Auth's handler; a file counts only when its text mounts it. */
export const HANDLER_FILES = [
  "app/api/auth/[...all]/route.ts",
  "app/api/auth/[...all]/route.js",
  "src/app/api/auth/[...all]/route.ts",
  "src/app/api/auth/[...all]/route.js",
  "pages/api/auth/[...all].ts",
  "src/pages/api/auth/[...all].ts",
  "src/routes/api/auth/[...all]/+server.ts",
  "server/api/auth/[...all].ts",
  "src/index.ts",
  "src/server.ts",
  "src/app.ts",
  "server.ts",
  "index.ts",
  "app.ts",
  "server/index.ts",
] as const;

const MOUNTS_HANDLER = /\btoNextJsHandler\s*\(|\btoNodeHandler\s*\(|\bsvelteKitHandler\s*\(|\btoSolidStartHandler\s*\(|\bauth\.handler\b/;

export interface ProjectConfigFiles {
  /** Absolute paths of `.env*` files in the project folder. */
  envFiles: string[];
  /** Absolute paths of middleware/proxy files and files that mount the auth handler. */
  middlewareFiles: string[];
}

/**
 * The files the config doctor reads besides the auth config. `listDir` (names in a folder) finds
 * every `.env*`; without it the usual names are probed with `readFile`.
 */
export function findProjectConfigFiles(projectDir: string, readFile: ReadText, listDir?: (dir: string) => string[] | undefined): ProjectConfigFiles {
  const exists = (file: string): boolean => {
    try {
      return typeof readFile(file) === "string";
    } catch {
      return false;
    }
  };
  let names: readonly string[] | undefined;
  try {
    names = listDir?.(projectDir)?.filter((name) => /^\.env(\..+)?$/.test(name)).sort();
  } catch {
    names = undefined;
  }
  const envFiles = (names ?? KNOWN_ENV_FILES).map((name) => path.join(projectDir, name)).filter(exists);
  const middlewareFiles = MIDDLEWARE_FILES.map((name) => path.join(projectDir, name)).filter(exists);
  for (const name of HANDLER_FILES) {
    const file = path.join(projectDir, name);
    let text: string | undefined;
    try {
      text = readFile(file);
    } catch {
      text = undefined;
    }
    if (typeof text === "string" && MOUNTS_HANDLER.test(text) && !middlewareFiles.includes(file)) middlewareFiles.push(file);
  }
  return { envFiles, middlewareFiles };
}
