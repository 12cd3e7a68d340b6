import type { SeveritySetting } from "./findings";

/** Better Auth's own names for its core tables. */
export type CoreModelKey = "user" | "session" | "account" | "verification";

/** Mirrors Better Auth's `modelName` / `fields` / `usePlural` options. */
export interface ModelMapping {
  modelName?: string;
  /** Better Auth field name -> Prisma field name, as in `session: { fields: { token: "sessionToken" } }`. */
  fields?: Record<string, string>;
}

export interface LintConfig {
  /** Per-rule severity; a rule not listed keeps its default. */
  rules?: Record<string, SeveritySetting>;
  /** Forces the Better Auth version instead of detecting it. */
  betterAuthVersion?: string;
  usePlural?: boolean;
  models?: Partial<Record<CoreModelKey, ModelMapping>>;
  /** Better Auth's `advanced.database.generateId`. */
  generateId?: "default" | "uuid" | "serial" | false;
}
