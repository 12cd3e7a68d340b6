import type { SessionTransition } from "../migrations/types";
import type { Range } from "../schema/ast";
import type { TextEdit } from "../schema/text-edit";

export type Severity = "error" | "warning" | "info";
/** What configuration may say for a rule; `warn` is accepted as ESLint spells it. */
export type SeveritySetting = Severity | "warn" | "off";

// Edits are a schema-level primitive (schema/edits.ts builds them); findings carry them.
export type { TextEdit };

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Set when applying the edits changes the database too, so `fix` can write the matching
   * migration (src/core/fixes/migration-for-finding.ts). Lives on the fix rather than the finding
   * because lint.ts passes a rule's fix through whole.
   */
  migration?: FixMigration;
}

/**
 * What a fix changes in the database. The Session change is planned from the schema before the
 * fix (it moves data); tables and columns from the schema after it (they are what the fix adds).
 * `kind` may be left out for the Session change, which was the only kind once.
 */
export type FixMigration =
  | { kind: "session"; transition: SessionTransition; tokenField: string }
  /** New models, by Prisma model name. */
  | { kind: "add-tables"; models: string[] }
  /** New fields of an existing model, by Prisma names (relation fields may be listed; they have no column). */
  | { kind: "add-columns"; model: string; fields: string[] };

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  /** Prisma model name the finding is about, when it is about one. */
  model?: string;
  /** Prisma field name, when the finding is about one field (where an ignore comment goes). */
  field?: string;
  range: Range;
  fix?: Fix;
  /** Other places that explain it, e.g. the auth config line whose plugin needs a missing table (VS Code relatedInformation). */
  related?: RelatedPlace[];
}

export interface RelatedPlace {
  file: string;
  range: Range;
  message: string;
}
