import { nodeSchemaFs, readSchemaFile, schemaFilesFor, type SchemaFs } from "../core/schema/load";

export type SchemaInput = { ok: true; fs: SchemaFs } | { ok: false; file: string; problem: string };

/**
 * Reads every file of the schema at `target` up front, so the first one that is no text schema
 * (binary, a FIFO, a device, too large) stops the command with its reason instead of being
 * linted as empty or hanging it. The files are then served from memory: read once.
 */
export function readSchemaInput(target: string): SchemaInput {
  const texts = new Map<string, string>();
  for (const file of schemaFilesFor(target)) {
    const read = readSchemaFile(file);
    if (!read.ok) return { ok: false, file, problem: read.error };
    texts.set(file, read.text);
  }
  return {
    ok: true,
    fs: { readFile: (path) => texts.get(path) ?? nodeSchemaFs.readFile(path), readDir: (path) => nodeSchemaFs.readDir(path) },
  };
}
