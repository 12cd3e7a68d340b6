import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { LintConfig } from "../core/config";
import { UsageError } from "./io";

export const DEFAULT_CONFIG_FILE = ".better-auth-doctor.json";

/** Reads the CLI's JSON settings (the same shape as the extension's settings). */
export function readConfigFile(cwd: string, explicit: string | undefined): LintConfig {
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  if (!explicit && !existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read config file ${explicit}`);
  }
  try {
    const value = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
    return value as LintConfig;
  } catch (error) {
    throw new UsageError(`config file ${path} is not a JSON object (${(error as Error).message})`);
  }
}
