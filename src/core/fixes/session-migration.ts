import { join } from "node:path";
import { layoutFor } from "../better-auth/core-schema";
import { resolveModels } from "../better-auth/resolve-models";
import type { LintConfig } from "../config";
import type { Finding } from "../findings";
import { migrationFolderName, migrationsDirFor, planSessionMigration, type DuplicateTokens, type SessionTransition } from "../migrations";
import type { Block, Schema } from "../schema/ast";

// Pairs a session-token-layout fix with the migration that changes the table the same way, so
// the model and the database never disagree (and nobody is signed out). Pure: `now` and the
// prisma.config.ts text come from the caller; nothing is read or written here.

export interface PlannedMigration {
  transition: SessionTransition;
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

export interface SessionMigrationOptions {
  config?: LintConfig;
  now: Date;
  /** What Prisma is pointed at: the `.prisma` file, or the folder of a multi-file schema. */
  schemaPath: string;
  prismaConfig?: { source: string; dir: string };
  duplicates?: DuplicateTokens;
}

function sessionBlock(schema: Schema, finding: Finding, config: LintConfig | undefined): Block | undefined {
  // The finding names the model the rule resolved (mapping included); fall back to resolving again.
  return (
    schema.blocks.find((block) => block.kind === "model" && block.name === finding.model && block.file === finding.file) ??
    resolveModels(schema, config ?? {}, layoutFor(null).models).get("session")?.block
  );
}

/**
 * The migration that accompanies a session-token-layout finding's fix, or undefined when the
 * finding needs none (e.g. removing a @default). Reads the Session block from `schema` as it is
 * BEFORE the fix.
 */
export function migrationForFinding(schema: Schema, finding: Finding, options: SessionMigrationOptions): PlannedMigration | undefined {
  const migration = finding.fix?.migration;
  if (!migration) return undefined;
  const session = sessionBlock(schema, finding, options.config);
  if (!session) return undefined;
  const plan = planSessionMigration({
    schema,
    session,
    transition: migration.transition,
    tokenField: migration.tokenField,
    ...(options.duplicates ? { duplicates: options.duplicates } : {}),
  });
  const dir = migrationsDirFor(options.schemaPath, options.prismaConfig?.source, options.prismaConfig?.dir);
  const folder = migrationFolderName(options.now, plan.name);
  return {
    transition: migration.transition,
    provider: plan.provider,
    dir,
    folder,
    path: join(dir, folder, "migration.sql"),
    ...(plan.sql !== undefined ? { sql: plan.sql } : {}),
    notes: plan.notes,
    ...(plan.duplicateCheckSql !== undefined ? { duplicateCheckSql: plan.duplicateCheckSql } : {}),
  };
}
