import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readTextFile, type TextFile } from "../text-file";
import type { Schema } from "./ast";
import { parseSchemaText } from "./parser";
import { PRISMA_CONFIG_NAMES } from "./prisma-config-names";

/** File access the loader needs; the VS Code layer overlays unsaved editor text on it. */
export interface SchemaFs {
  readFile(path: string): string | undefined;
  /** Entries of a directory, or undefined when it is not one. */
  readDir(path: string): { name: string; directory: boolean }[] | undefined;
}

/** A schema file's text, or why it is not one (a FIFO, a device, binary data, over 50 MB). */
export function readSchemaFile(path: string): TextFile {
  return readTextFile(path, { what: "text schema" });
}

export const nodeSchemaFs: SchemaFs = {
  readFile(path) {
    const read = readSchemaFile(path);
    return read.ok ? read.text : undefined;
  },
  readDir(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory() || (entry.isSymbolicLink() && safeIsDir(join(path, entry.name))),
      }));
    } catch {
      return undefined;
    }
  },
};

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const SKIPPED_DIRS = new Set(["node_modules", "migrations", ".git"]);

/** The `schema` path a `prisma.config.ts` names, when it is written as a plain string literal. */
export function schemaPathFromPrismaConfig(source: string): string | undefined {
  return /\bschema\s*:\s*(["'`])([^"'`]+)\1/.exec(source)?.[2];
}

/** The `migrations.path` a `prisma.config.ts` names, when it is a plain string literal. */
export function migrationsPathFromPrismaConfig(source: string): string | undefined {
  return /\bmigrations\s*:\s*\{[^}]*?\bpath\s*:\s*(["'`])([^"'`]+)\1/s.exec(source)?.[2];
}

/**
 * Where Prisma itself would look for the schema from a project directory: `prisma.config.ts`,
 * `package.json#prisma.schema`, then `prisma/schema.prisma`, `prisma/schema/`, `schema.prisma`.
 */
export function findSchemaLocation(projectDir: string, fs: SchemaFs = nodeSchemaFs): string | undefined {
  for (const name of PRISMA_CONFIG_NAMES) {
    const source = fs.readFile(join(projectDir, name));
    const schema = source && schemaPathFromPrismaConfig(source);
    if (schema) return resolve(dirname(join(projectDir, name)), schema);
  }
  const packageJson = fs.readFile(join(projectDir, "package.json"));
  if (packageJson) {
    try {
      const schema = JSON.parse(packageJson)?.prisma?.schema;
      if (typeof schema === "string") return resolve(projectDir, schema);
    } catch {
      // A broken package.json is the package manager's to report.
    }
  }
  for (const candidate of ["prisma/schema.prisma", "prisma/schema", "schema.prisma"]) {
    const path = join(projectDir, candidate);
    if (fs.readFile(path) !== undefined || fs.readDir(path)) return path;
  }
  return undefined;
}

function collect(dir: string, fs: SchemaFs, out: string[]): void {
  for (const entry of fs.readDir(dir) ?? []) {
    const path = join(dir, entry.name);
    if (entry.directory) {
      if (!SKIPPED_DIRS.has(entry.name)) collect(path, fs, out);
    } else if (entry.name.endsWith(".prisma")) {
      out.push(path);
    }
  }
}

/**
 * The files that form one schema with `path`: a folder means every `.prisma` file under it; a
 * file whose folder holds other `.prisma` files belongs to a multi-file schema and brings them.
 */
export function schemaFilesFor(path: string, fs: SchemaFs = nodeSchemaFs): string[] {
  const files: string[] = [];
  if (fs.readDir(path)) {
    collect(path, fs, files);
    return files.sort();
  }
  const siblings = (fs.readDir(dirname(path)) ?? []).filter((entry) => !entry.directory && entry.name.endsWith(".prisma"));
  if (siblings.length > 1) {
    collect(dirname(path), fs, files);
    return files.sort();
  }
  return [path];
}

export function loadSchema(files: string[], fs: SchemaFs = nodeSchemaFs): { schema: Schema; missing: string[] } {
  const schema: Schema = { files: [], blocks: [] };
  const missing: string[] = [];
  for (const path of files) {
    const text = fs.readFile(path);
    if (text === undefined) {
      missing.push(path);
      continue;
    }
    const file = parseSchemaText(text, path);
    schema.files.push(file);
    for (const block of file.blocks) schema.blocks.push(block);
  }
  return { schema, missing };
}
