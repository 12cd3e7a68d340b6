import { layoutFor } from "../better-auth/core-schema";
import { resolveModels } from "../better-auth/resolve-models";
import type { LintConfig } from "../better-auth/options-mirror";
import type { Finding } from "../lint/findings";
import { planSessionMigration } from "../migrations";
import type { Block, Schema } from "../schema/ast";
import { placeMigration, type MigrationOptions, type PlannedMigration } from "./planned-migration";

// Pairs a session-token-layout fix with the migration that changes the table the same way, so
// the model and the database never disagree (and nobody is signed out).

export type { PlannedMigration } from "./planned-migration";
export type SessionMigrationOptions = MigrationOptions;

function sessionBlock(schema: Schema, finding: Finding, config: LintConfig | undefined): Block | undefined {
  // The finding names the model the rule resolved (mapping included); fall back to resolving again.
  return (
    schema.blocks.find((block) => block.kind === "model" && block.name === finding.model && block.file === finding.file) ??
    resolveModels(schema, config ?? {}, layoutFor(null).models).get("session")?.block
  );
}

/**
 * The migration that accompanies a session-token-layout finding's fix, or undefined when the
 * finding needs none (e.g. removing a @default) or its migration is not a Session one. Reads the
 * Session block from `schema` as it is BEFORE the fix.
 */
export function migrationForFinding(schema: Schema, finding: Finding, options: SessionMigrationOptions): PlannedMigration | undefined {
  const migration = finding.fix?.migration;
  if (!migration || (migration.kind !== undefined && migration.kind !== "session")) return undefined;
  const session = sessionBlock(schema, finding, options.config);
  if (!session) return undefined;
  const plan = planSessionMigration({
    schema,
    session,
    transition: migration.transition,
    tokenField: migration.tokenField,
    ...(options.duplicates ? { duplicates: options.duplicates } : {}),
  });
  return placeMigration(plan, migration.transition, options);
}
