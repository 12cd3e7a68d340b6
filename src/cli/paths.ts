import { statSync } from "node:fs";
import { relative, sep } from "node:path";
import { findSchemaLocation, nodeSchemaFs, schemaFilesFor } from "../core/schema/load";

export type SchemaTarget = { ok: true; path: string } | { ok: false; problem: string };

/**
 * A path to work on: a schema file or folder, or a project folder whose schema Prisma would find.
 * Only stat is used here: whether the file is something to read is for the reader to say.
 */
export function schemaTarget(path: string): SchemaTarget {
  let directory: boolean;
  try {
    directory = statSync(path).isDirectory();
  } catch {
    return { ok: false, problem: "no such schema file or folder" };
  }
  if (!directory) return { ok: true, path };
  const entries = nodeSchemaFs.readDir(path) ?? [];
  if (entries.some((entry) => !entry.directory && entry.name.endsWith(".prisma"))) return { ok: true, path };
  const found = findSchemaLocation(path);
  if (found) return { ok: true, path: found };
  // A schema folder whose files sit in subfolders (prisma/ holding schema/*.prisma, as a
  // prisma.config.ts `schema: "prisma"` names it): Prisma reads every .prisma file below it. A
  // project folder (its own package.json) is not taken as one schema of everything under it.
  if (!entries.some((entry) => !entry.directory && entry.name === "package.json") && schemaFilesFor(path).length) return { ok: true, path };
  return { ok: false, problem: path.endsWith(".prisma") ? "a directory with no .prisma file in it, not a schema" : "no Prisma schema found here" };
}

/** Paths as the user typed them: relative to the working directory, with forward slashes. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path) || path;
  return (rel.startsWith("..") ? path : rel).split(sep).join("/");
}
