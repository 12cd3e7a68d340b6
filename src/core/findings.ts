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
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  /** Prisma model name the finding is about, when it is about one. */
  model?: string;
  range: Range;
  fix?: Fix;
}
