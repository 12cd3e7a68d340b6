import { join } from "node:path";
import type { LintConfig } from "../better-auth/options-mirror";
import { migrationFolderName, migrationsDirFor, type DuplicateTokens, type MigrationPlan, type SessionTransition } from "../migrations";

// A migration placed where `prisma migrate` will find it. Pure: `now` and the prisma.config.ts
// text come from the caller; nothing is read or written here.

/** What a schema-change migration does: tables, columns, or both merged into one folder. */
export type SchemaChange = "add-tables" | "add-columns" | "add-tables-and-columns";

export interface PlannedMigration {
  /** The Session transition, or the schema change (CLI and log messages print it). */
  transition: SessionTransition | SchemaChange;
  provider: string;
  /** The migrations folder (absolute), as `prisma migrate` finds it. */
  dir: string;
  /** `<YYYYMMDDHHMMSS>_<name>`. */
  folder: string;
  /** Absolute path of `<dir>/<folder>/migration.sql`. */
  path: string;
  /** migration.sql text; undefined when there is nothing to write (MongoDB, unknown provider). */
  sql?: string;
  notes: string[];
  /** make-token-unique: a read-only query that lists sessions sharing a token. */
  duplicateCheckSql?: string;
}

export interface MigrationOptions {
  config?: LintConfig;
  now: Date;
  /** What Prisma is pointed at: the `.prisma` file, or the folder of a multi-file schema. */
  schemaPath: string;
  prismaConfig?: { source: string; dir: string };
  duplicates?: DuplicateTokens;
}

/** Puts a planned migration into `<migrations>/<timestamp>_<name>/migration.sql`. */
export function placeMigration(plan: MigrationPlan, transition: PlannedMigration["transition"], options: MigrationOptions): PlannedMigration {
  const dir = migrationsDirFor(options.schemaPath, options.prismaConfig?.source, options.prismaConfig?.dir);
  const folder = migrationFolderName(options.now, plan.name);
  return {
    transition,
    provider: plan.provider,
    dir,
    folder,
    path: join(dir, folder, "migration.sql"),
    ...(plan.sql !== undefined ? { sql: plan.sql } : {}),
    notes: plan.notes,
    ...(plan.duplicateCheckSql !== undefined ? { duplicateCheckSql: plan.duplicateCheckSql } : {}),
  };
}
