import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { findSchemaLocation } from "../core/schema/load";
import type { Settings } from "./settings";

/** A folder's schema file or folder: the schemaPath setting, else where Prisma looks. */
export function folderSchemaLocation(folder: string, settings: Pick<Settings, "schemaPath">): string | undefined {
  const configured = settings.schemaPath;
  return configured ? (isAbsolute(configured) ? configured : join(folder, configured)) : findSchemaLocation(folder);
}

/**
 * A file of the folder's schema, to lint it by (a multi-file schema lints whole from any of its
 * files, keyed as the workspace scan keys it); undefined when there is none.
 */
export function folderSchemaFile(folder: string, settings: Pick<Settings, "schemaPath">): string | undefined {
  const location = folderSchemaLocation(folder, settings);
  if (!location) return undefined;
  try {
    if (!statSync(location).isDirectory()) return location;
    const first = readdirSync(location).filter((name) => name.endsWith(".prisma")).sort()[0];
    return first && join(location, first);
  } catch {
    return undefined;
  }
}
