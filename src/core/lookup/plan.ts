import type { CoreModelKey, LintConfig } from "../better-auth/options-mirror";
import { layoutFor } from "../better-auth/core-schema";
import { expectedModelName, prismaFieldName, resolveModels } from "../better-auth/resolve-models";
import type { Block, Schema } from "../schema/ast";
import { blockAttributes, fieldAttribute, findField, mappedName, stringValue } from "../schema/query";
import { planJwks } from "./jwks";
import type { LookupPlan, SessionColumns, TableName, UserColumns } from "./types";

const SESSION_FIELDS = ["id", "token", "userId", "expiresAt", "createdAt", "ipAddress", "userAgent"] as const;
const USER_FIELDS = ["id", "email", "name"] as const;

/** The table Prisma created for a model: `@@map` or the model name, in `@@schema` when set. */
function tableOf(block: Block | undefined, fallback: string, notes: string[], key: CoreModelKey): TableName {
  if (!block) {
    notes.push(`The schema has no ${key} model; assuming the table is named "${fallback}".`);
    return { name: fallback };
  }
  const schema = stringValue(blockAttributes(block, "schema")[0]?.args[0]?.value);
  return { name: mappedName(block) ?? block.name, ...(schema ? { schema } : {}) };
}

/** The column behind a Better Auth field: the mapped Prisma field's `@map`, else its name. */
function columnOf(block: Block | undefined, key: CoreModelKey, field: string, config: LintConfig, missing: string[]): string {
  const prismaName = prismaFieldName(key, field, config);
  const found = block && findField(block, prismaName);
  if (!found) {
    if (block) missing.push(prismaName);
    return prismaName;
  }
  return stringValue(fieldAttribute(found, "map")?.args[0]?.value) ?? prismaName;
}

/**
 * Where the session for a cookie token lives, by the schema's real names, and which column the
 * detected Better Auth version reads it from. `version` null means "newest" (as the linter assumes).
 */
export function planLookup(schema: Schema, version: string | null, config: LintConfig = {}): LookupPlan {
  const layout = layoutFor(version);
  const models = resolveModels(schema, config, layout.models);
  const sessionBlock = models.get("session")?.block;
  const userBlock = models.get("user")?.block;
  const notes: string[] = [];
  const missing: string[] = [];

  const session = Object.fromEntries(SESSION_FIELDS.map((field) => [field, columnOf(sessionBlock, "session", field, config, missing)])) as unknown as SessionColumns;
  const user = Object.fromEntries(USER_FIELDS.map((field) => [field, columnOf(userBlock, "user", field, config, [])])) as unknown as UserColumns;
  // Only fields this version's Session has are worth mentioning (≤ 0.8 has no token or createdAt).
  const expected = new Set(layout.models.find((model) => model.key === "session")?.fields.map((field) => prismaFieldName("session", field.name, config)));
  const unexpected = missing.filter((name) => expected.has(name));
  if (sessionBlock && unexpected.length) notes.push(`The ${sessionBlock.name} model has no ${unexpected.join(", ")} field; assuming column names of the same name.`);

  const tokenField = layout.sessionTokenColumn;
  return {
    versionLabel: layout.label,
    version,
    session: { table: tableOf(sessionBlock, expectedModelName("session", config), notes, "session"), columns: session },
    user: { table: tableOf(userBlock, expectedModelName("user", config), notes, "user"), columns: user },
    tokenField,
    tokenColumn: session[tokenField],
    otherColumn: session[tokenField === "id" ? "token" : "id"],
    notes,
    jwks: planJwks(schema, config),
  };
}
