import type { ReadText } from "../app-config";
import type { LoadedApp } from "../better-auth/load-app-context";
import type { Finding, SeveritySetting } from "../lint/findings";
import { findProjectConfigFiles } from "./find-files";
import { lintProjectConfig } from "./lint-project-config";

export interface ProjectConfigLint {
  projectDir: string;
  /** Absolute paths of every file read, in report order: auth config, `.env*`, middleware and handlers, then any other file a finding points into. */
  files: string[];
  findings: Finding[];
}

export interface AppConfigIo {
  readFile: ReadText;
  /** Names in a folder; without it the usual `.env` names are probed. */
  listDir?: (dir: string) => string[] | undefined;
  /** Reading `.env` files is allowed: the CLI (the user's own terminal), a trusted workspace. */
  readEnv: boolean;
}

/**
 * The config doctor over the app around a linted schema, for every front end. Undefined when the
 * schema belongs to no package that depends on better-auth (nothing to check).
 */
export function lintAppConfig(app: LoadedApp, version: string | null, rules: Record<string, SeveritySetting> | undefined, io: AppConfigIo): ProjectConfigLint | undefined {
  const projectDir = app.projectDir;
  if (!projectDir) return undefined;
  const found = findProjectConfigFiles(projectDir, io.readFile, io.listDir);
  const read = (files: string[]) =>
    files.flatMap((path) => {
      const text = io.readFile(path);
      return text === undefined ? [] : [{ path, text }];
    });
  const envFiles = io.readEnv ? read(found.envFiles) : [];
  const middlewareFiles = read(found.middlewareFiles);
  const authConfigText = app.read ? io.readFile(app.read.file) : undefined;
  const findings = lintProjectConfig({
    projectDir,
    ...(app.read ? { authConfig: app.read } : {}),
    ...(authConfigText !== undefined ? { authConfigText } : {}),
    readFile: io.readFile,
    envFiles,
    middlewareFiles,
    version,
    ...(rules ? { rules } : {}),
  });
  const files = new Set([...(app.read && authConfigText !== undefined ? [app.read.file] : []), ...envFiles.map((file) => file.path), ...middlewareFiles.map((file) => file.path)]);
  for (const finding of findings) files.add(finding.file);
  return { projectDir, files: [...files], findings };
}
