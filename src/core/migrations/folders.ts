import { dirname, isAbsolute, join, resolve } from "node:path";
import { migrationsPathFromPrismaConfig } from "../schema/load";

// Where `prisma migrate` keeps migrations and how it names their folders, so a migration we
// write is picked up by `migrate deploy`/`migrate dev` like one Prisma created.

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** `20261125114600_better_auth_session_token`: UTC timestamp, then the name with anything but [A-Za-z0-9_] turned into `_`. */
export function migrationFolderName(now: Date, name: string): string {
  const stamp =
    pad(now.getUTCFullYear(), 4) +
    pad(now.getUTCMonth() + 1) +
    pad(now.getUTCDate()) +
    pad(now.getUTCHours()) +
    pad(now.getUTCMinutes()) +
    pad(now.getUTCSeconds());
  const slug = name.replace(/[^A-Za-z0-9_]/g, "_");
  return slug ? `${stamp}_${slug}` : stamp;
}

/**
 * Prisma's rule: `migrations.path` from prisma.config.ts (relative to the config file's folder),
 * else `migrations/` in the schema's root — the folder of a single schema file, or the schema
 * folder itself for a multi-file schema. `schemaPath` is what Prisma was pointed at: a `.prisma`
 * file, or a folder.
 */
export function migrationsDirFor(schemaPath: string, prismaConfigSource?: string, prismaConfigDir?: string): string {
  const configured = prismaConfigSource ? migrationsPathFromPrismaConfig(prismaConfigSource) : undefined;
  if (configured) return isAbsolute(configured) ? configured : resolve(prismaConfigDir ?? dirname(schemaPath), configured);
  const root = schemaPath.endsWith(".prisma") ? dirname(schemaPath) : schemaPath;
  return join(root, "migrations");
}
