import type { SessionTransition } from "./migrations/types";
import type { Range } from "./schema/ast";

export type Severity = "error" | "warning" | "info";
/** What configuration may say for a rule; `warn` is accepted as ESLint spells it. */
export type SeveritySetting = Severity | "warn" | "off";

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Set when applying the edits changes the database table too, so `fix` can write the matching
   * migration (src/core/fixes/session-migration.ts). Lives on the fix rather than the finding
   * because lint.ts passes a rule's fix through whole.
   */
  migration?: { transition: SessionTransition; tokenField: string };
}

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
}
