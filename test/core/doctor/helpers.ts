import path from "node:path";
import { parse } from "dotenv";
import { LastGoodParses, readAuthConfig } from "../../../src/core/app-config";
import { findProjectConfigFiles, lintProjectConfig } from "../../../src/core/doctor";
import type { Finding } from "../../../src/core/lint/findings";
import { applyEdits } from "../../../src/core/fixes/apply";

export const ROOT = "/app";

export interface Project {
  files: Record<string, string>;
  version?: string | null;
  /** Pass .env files (a trusted workspace); true by default. */
  readEnv?: boolean;
  /** Read auth.ts with the .env values, as app-config's `env` option does for the schema linter. */
  readConfigWithEnv?: boolean;
  /** Last good parses, as an editor keeps them between keystrokes; a fresh cache per call when omitted. */
  lastGood?: LastGoodParses;
}

/** Lints a project of in-memory files exactly as an editor or the CLI would hand them over. */
export function doctor(project: Project): Finding[] {
  const files = new Map(Object.entries(project.files).map(([name, text]) => [path.join(ROOT, name), text]));
  const readFile = (file: string) => files.get(file);
  const listDir = (dir: string) => [...files.keys()].filter((file) => path.dirname(file) === dir).map((file) => path.basename(file));
  const found = findProjectConfigFiles(ROOT, readFile, listDir);
  const authPath = ["lib/auth.ts", "src/lib/auth.ts", "auth.ts"].map((name) => path.join(ROOT, name)).find((file) => files.has(file));
  const env = project.readConfigWithEnv ? parse(project.files[".env"] ?? "") : undefined;
  const authConfig = authPath ? readAuthConfig(authPath, { readFile, lastGood: project.lastGood ?? new LastGoodParses(), ...(env ? { env } : {}) }) : undefined;
  return lintProjectConfig({
    projectDir: ROOT,
    authConfig,
    authConfigText: authPath ? files.get(authPath) : undefined,
    readFile,
    envFiles: project.readEnv === false ? [] : found.envFiles.map((file) => ({ path: file, text: files.get(file)! })),
    middlewareFiles: found.middlewareFiles.map((file) => ({ path: file, text: files.get(file)! })),
    version: project.version === undefined ? "1.7.25" : project.version,
  });
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

export function at(name: string): string {
  return path.join(ROOT, name);
}

/** The project's files after applying a finding's fix. */
export function applyFix(project: Project, finding: Finding): Project {
  const files = { ...project.files };
  for (const name of Object.keys(files)) {
    const edits = finding.fix!.edits.filter((edit) => edit.file === at(name));
    if (edits.length) files[name] = applyEdits(files[name]!, edits);
  }
  return { ...project, files };
}

/** The exact text a range covers in one of the project's files. */
export function textAt(project: Project, finding: Finding): string {
  const name = Object.keys(project.files).find((file) => at(file) === finding.file)!;
  const lines = project.files[name]!.split("\n");
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line]!.slice(start.character, end.character);
  return [lines[start.line]!.slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line]!.slice(0, end.character)].join("\n");
}

export const STRONG_SECRET = "q3Vt8ZQ0mJ5rX2yN7cB1fK4hL6pS9wD0aE3gT8uI5oA=";
