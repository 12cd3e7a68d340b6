import { readdirSync } from "node:fs";
import { nodeReadText } from "../core/app-config";
import type { LoadedApp } from "../core/better-auth/load-app-context";
import { findProjectConfigFiles, lintProjectConfig } from "../core/doctor";
import type { Finding, SeveritySetting } from "../core/findings";

export interface ProjectConfigLint {
  projectDir: string;
  /** Absolute paths of every file read, in report order: auth config, `.env*`, middleware and handlers, then any other file a finding points into. */
  files: string[];
  findings: Finding[];
}

function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

/**
 * The config doctor over the app around a linted schema. The CLI runs in the user's own terminal,
 * so unlike an untrusted editor it reads the project's `.env` files. Undefined when the schema
 * belongs to no package that depends on better-auth (nothing to check).
 */
export function lintProjectConfigOf(app: LoadedApp, version: string | null, rules: Record<string, SeveritySetting> | undefined): ProjectConfigLint | undefined {
  const projectDir = app.projectDir;
  if (!projectDir) return undefined;
  const found = findProjectConfigFiles(projectDir, nodeReadText, listDir);
  const read = (files: string[]) => files.flatMap((path) => {
    const text = nodeReadText(path);
    return text === undefined ? [] : [{ path, text }];
  });
  const envFiles = read(found.envFiles);
  const middlewareFiles = read(found.middlewareFiles);
  const authConfigText = app.read ? nodeReadText(app.read.file) : undefined;
  const findings = lintProjectConfig({
    projectDir,
    ...(app.read ? { authConfig: app.read } : {}),
    ...(authConfigText !== undefined ? { authConfigText } : {}),
    readFile: nodeReadText,
    envFiles,
    middlewareFiles,
    version,
    ...(rules ? { rules } : {}),
  });
  const files = new Set([...(app.read && authConfigText !== undefined ? [app.read.file] : []), ...envFiles.map((file) => file.path), ...middlewareFiles.map((file) => file.path)]);
  for (const finding of findings) files.add(finding.file);
  return { projectDir, files: [...files], findings };
}
