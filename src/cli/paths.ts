import { existsSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { findSchemaLocation, nodeSchemaFs } from "../core/schema/load";

/** A path to work on: a schema file or folder, or a project folder whose schema Prisma would find. */
export function schemaTarget(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isDirectory()) return path;
  const entries = nodeSchemaFs.readDir(path) ?? [];
  if (entries.some((entry) => !entry.directory && entry.name.endsWith(".prisma"))) return path;
  return findSchemaLocation(path);
}

/** Paths as the user typed them: relative to the working directory, with forward slashes. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path) || path;
  return (rel.startsWith("..") ? path : rel).split(sep).join("/");
}
