import type { SeveritySetting } from "../lint/findings";

/** Better Auth's own names for its core tables. */
export type CoreModelKey = "user" | "session" | "account" | "verification";

/** Mirrors Better Auth's `modelName` / `fields` / `usePlural` options. */
export interface ModelMapping {
  modelName?: string;
  /** Better Auth field name -> Prisma field name, as in `session: { fields: { token: "sessionToken" } }`. */
  fields?: Record<string, string>;
}

/**
 * One entry of `user: { additionalFields: { role: {...} } }` (or a plugin's schema field), as
 * far as the database sees it. `type` is Better Auth's type name (`"string"`, `"number"`…);
 * anything else (an enum list) is kept but never type-checked.
 */
export interface AdditionalFieldSpec {
  type: string;
  /** Better Auth's `required`; its generator makes a column optional only for `required: false`. */
  required?: boolean;
  unique?: boolean;
  /** `defaultValue` is set, so Better Auth fills the column when the caller does not. */
  hasDefault?: boolean;
  fieldName?: string;
  references?: { model: string; field: string; onDelete?: string };
  /** Where the app's config declares it, for messages ("user.additionalFields.role in src/auth.ts:20"). */
  origin?: string;
  spot?: { file: string; line: number; character: number; endLine: number; endCharacter: number };
}

export interface LintConfig {
  /** Per-rule severity; a rule not listed keeps its default. */
  rules?: Record<string, SeveritySetting>;
  /** Forces the Better Auth version instead of detecting it. */
  betterAuthVersion?: string;
  usePlural?: boolean;
  /** Keyed by Better Auth's table key: the core ones and any plugin table (`twoFactor`). */
  models?: Record<string, ModelMapping>;
  /** `user|session|account|verification.additionalFields`, keyed by table, then field. */
  additionalFields?: Record<string, Record<string, AdditionalFieldSpec>>;
  /**
   * Better Auth's `advanced.database.generateId` (`advanced.generateId` before 1.3); `"function"`
   * when the app passes its own generator, whose ids the linter cannot know.
   */
  generateId?: "default" | "uuid" | "serial" | "function" | false;
  /** `rateLimit: { storage: "database" }`: Better Auth reads and writes a rateLimit table. */
  rateLimitTable?: boolean;
}
