import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { LintConfig } from "../core/better-auth/options-mirror";
import { validateLintConfig } from "../core/lint/config-validation";
import { readTextFile } from "../core/text-file";
import { parseVersionOverride } from "../core/version/override";
import { UsageError } from "./io";
import { displayPath } from "./paths";

export const DEFAULT_CONFIG_FILE = ".better-auth-doctor.json";

/** Reads the CLI's JSON settings (the same shape, and the same validation, as the extension's settings). */
export function readConfigFile(cwd: string, explicit: string | undefined): LintConfig {
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  if (!explicit && !existsSync(path)) return {};
  const shown = displayPath(cwd, path);
  const read = readTextFile(path, { what: "JSON config file" });
  if (!read.ok) throw new UsageError(`config file ${shown}: ${read.error}`);
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (error) {
    throw new UsageError(`config file ${shown} is not JSON (${(error as Error).message})`);
  }
  const { config, problems } = validateLintConfig(value);
  if (problems.length) throw new UsageError(`config file ${shown}: ${problems.join("; ")}`);
  return config;
}

/** The config file with `--better-auth-version` laid over it, both checked here at the border. */
export function readLintSettings(cwd: string, configFile: string | undefined, versionFlag: string | undefined): LintConfig {
  const config = readConfigFile(cwd, configFile);
  if (versionFlag !== undefined) {
    const parsed = parseVersionOverride(versionFlag);
    if (!parsed.ok) throw new UsageError(`--better-auth-version ${parsed.error}`);
    config.betterAuthVersion = versionFlag;
  }
  return config;
}
