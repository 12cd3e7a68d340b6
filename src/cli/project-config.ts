import { readdirSync } from "node:fs";
import { nodeReadText } from "../core/app-config";
import type { LoadedApp } from "../core/better-auth/load-app-context";
import { lintAppConfig, type ProjectConfigLint } from "../core/doctor/lint-app-config";
import type { SeveritySetting } from "../core/lint/findings";

export type { ProjectConfigLint };

function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

/** The config doctor from the CLI: it runs in the user's own terminal, so it reads the project's `.env` files. */
export function lintProjectConfigOf(app: LoadedApp, version: string | null, rules: Record<string, SeveritySetting> | undefined): ProjectConfigLint | undefined {
  return lintAppConfig(app, version, rules, { readFile: nodeReadText, listDir, readEnv: true });
}
