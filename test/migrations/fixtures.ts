import type { Finding } from "../../src/core/lint/findings";
import { planSessionMigration, type DuplicateTokens, type MigrationPlan, type SessionTransition } from "../../src/core/migrations";
import { parseSchemaText } from "../../src/core/schema/parser";
import type { Block, Schema } from "../../src/core/schema/ast";
import { CURRENT_SCHEMA, edit, fixed, lintWith } from "../core/lint/rules/helpers";

// The three situations the session-token-layout fix handles, built from the Better Auth schema
// the generator writes: the schema before the fix, the schema the fix produces (checked clean by
// the linter), and the migration planned for the pair.

export type TestProvider = "postgresql" | "mysql" | "sqlite" | "sqlserver" | "cockroachdb" | "mongodb";

/** Better Auth ≤ 0.8 layout: no token, the id is the token. */
const LEGACY = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
/** A 0.8 app whose Session got the 1.x `token` (the "add token" advice applied to the wrong version). */
const TOKEN_ON_08 = edit(CURRENT_SCHEMA, "  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n  ipAddress", "  ipAddress");
/** 1.x layout whose token is not unique. */
const NON_UNIQUE = edit(CURRENT_SCHEMA, "  @@unique([token])\n", "");

const SITUATIONS: Record<SessionTransition, { before: string; version: string }> = {
  "add-token": { before: LEGACY, version: "1.7.25" },
  "drop-token": { before: TOKEN_ON_08, version: "0.8.8" },
  "make-token-unique": { before: NON_UNIQUE, version: "1.7.25" },
};

export function forProvider(schema: string, provider: TestProvider): string {
  let text = edit(schema, 'provider = "postgresql"', `provider = "${provider}"`);
  // Prisma 7 takes the connection URL from prisma.config.ts and rejects `url` in the schema.
  text = edit(text, '  url      = env("DATABASE_URL")\n', "");
  if (provider === "mongodb") text = text.replace(/  id(\s+)String(\s+)@id\n/g, '  id$1String$2@id @map("_id")\n');
  return text;
}

export function parse(text: string): Schema {
  const file = parseSchemaText(text, "schema.prisma");
  return { files: [file], blocks: file.blocks };
}

export function sessionBlock(schema: Schema): Block {
  const block = schema.blocks.find((b) => b.kind === "model" && b.name === "Session");
  if (!block) throw new Error("fixture has no Session model");
  return block;
}

export interface Situation {
  transition: SessionTransition;
  version: string;
  before: string;
  after: string;
  finding: Finding;
  plan: MigrationPlan;
  /** Lint findings about the Session model once the fix is applied (expected: none). */
  sessionFindingsAfter: Finding[];
}

export function situation(provider: TestProvider, transition: SessionTransition, duplicates?: DuplicateTokens): Situation {
  const { before: generic, version } = SITUATIONS[transition];
  const before = forProvider(generic, provider);
  const finding = lintWith(before, version).find((f) => f.rule === "session-token-layout" && f.model === "Session");
  if (!finding) throw new Error(`no session-token-layout finding for ${transition} on ${provider}`);
  const after = fixed(before, finding);
  const schema = parse(before);
  const plan = planSessionMigration({ schema, session: sessionBlock(schema), transition, tokenField: "token", duplicates });
  return {
    transition,
    version,
    before,
    after,
    finding,
    plan,
    sessionFindingsAfter: lintWith(after, version).filter((f) => f.model === "Session"),
  };
}
