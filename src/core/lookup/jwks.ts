import type { LintConfig } from "../better-auth/options-mirror";
import { expectedModelName, prismaFieldName, resolveModels } from "../better-auth/resolve-models";
import type { Schema } from "../schema/ast";
import { blockAttributes, fieldAttribute, findField, mappedName, stringValue } from "../schema/query";
import { LookupCancelled } from "./deadline";
import type { Dialect } from "./dialect";
import { tableLabel } from "./messages";
import { classifyQueryError } from "./query-errors";
import { redact } from "./redact";
import type { CookieReport } from "../cookie/types";
import type { JwksColumns, JwksRead, JwksTablePlan, LookupResult, SqlProvider, TableName } from "./types";

// The jwt plugin (1.7's `sessionCookieCache`) signs the cookie cache with a key from its own
// table, `jwks`: one row per key, `id` is the JWS `kid`, `publicKey` a JWK as JSON. Better Auth
// verifies the cache by reading every row and picking the one whose id is the kid
// (plugins/jwt/cookie-cache.ts, importLocalPublicKey), ignoring expiresAt; so does this.

const KEY = "jwks";

/** More keys than a rotating app keeps; a bound so a runaway table cannot flood the lookup. */
export const JWKS_ROW_LIMIT = 100;

/** The table behind Better Auth's `jwks` model: the Prisma model Better Auth's adapter would ask for, its `@@map`/`@@schema`, mapped columns. */
export function planJwks(schema: Schema, config: LintConfig = {}): JwksTablePlan {
  const block = resolveModels(schema, config, [{ key: KEY, fields: [] }]).get(KEY)?.block;
  const column = (field: keyof JwksColumns): string => {
    const prismaName = prismaFieldName(KEY, field, config);
    const found = block && findField(block, prismaName);
    return (found && stringValue(fieldAttribute(found, "map")?.args[0]?.value)) ?? prismaName;
  };
  const tableSchema = block && stringValue(blockAttributes(block, "schema")[0]?.args[0]?.value);
  const table: TableName = block ? { name: mappedName(block) ?? block.name, ...(tableSchema ? { schema: tableSchema } : {}) } : { name: expectedModelName(KEY, config) };
  return { table, columns: { id: column("id"), publicKey: column("publicKey"), alg: column("alg"), crv: column("crv") }, inSchema: Boolean(block) };
}

/** A row as `/api/auth/jwks` serves it: the stored JWK with `alg`/`crv` from their columns when it lacks them, and the row id as `kid`. */
function publicJwk(row: Record<string, unknown>, columns: JwksColumns): Record<string, unknown> | null {
  const id = row[columns.id];
  const text = row[columns.publicKey];
  if ((typeof id !== "string" && typeof id !== "number") || typeof text !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const alg = row[columns.alg];
  const crv = row[columns.crv];
  // No default alg when the column is empty: Better Auth would take the app's configured one,
  // which is not known here, and the header's alg must suit the key's type anyway.
  return { ...(typeof alg === "string" && alg ? { alg } : {}), ...(typeof crv === "string" && crv ? { crv } : {}), ...parsed, kid: String(id) };
}

export interface ReadJwksInput {
  query: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  dialect: Dialect;
  provider: SqlProvider;
  plan: JwksTablePlan;
  /** The table, already qualified with the URL's schema when the plan has none. */
  table: TableName;
  /** The database, password masked. */
  database: string;
  /** Values to mask in driver messages (the URL's password). */
  secrets: readonly (string | undefined)[];
}

/** Reads the public keys; never throws except LookupCancelled. */
export async function readJwksTable(input: ReadJwksInput): Promise<JwksRead> {
  const { dialect, provider, plan, database } = input;
  const table = tableLabel(input.table, provider);
  const source = `the ${table} table of ${database}`;
  const unverified = "the cookie cache stays unverified";
  const read = (rows: number, message: string, jwks: JwksRead["jwks"] = null): JwksRead => ({ table, rows, jwks, source, message: redact(message, input.secrets) });
  let rows: Record<string, unknown>[];
  try {
    rows = await input.query(dialect.selectAll(input.table, JWKS_ROW_LIMIT), []);
  } catch (error) {
    if (error instanceof LookupCancelled) throw error;
    if (classifyQueryError(provider, error) === "table-missing") {
      const model = plan.inSchema ? "" : " (the schema has no model for it either)";
      return read(0, `No table ${table} in ${database}${model}: the jwt plugin keeps its public keys there, so ${unverified}. Run the migrations that add it, or pass the keys with --jwks.`);
    }
    return read(0, `Reading the jwt plugin's keys from ${table} failed: ${error instanceof Error ? error.message : String(error)}; ${unverified}.`);
  }
  const keys = rows.map((row) => publicJwk(row, plan.columns)).filter((key): key is Record<string, unknown> => key !== null);
  if (rows.length === 0) return read(0, `${table} in ${database} holds no keys: the app has not created one yet, or this is not the database the app signs with; ${unverified}.`);
  if (keys.length === 0) return read(rows.length, `None of the ${rows.length} rows of ${table} has a readable ${plan.columns.id} and JSON ${plan.columns.publicKey}; ${unverified}.`);
  const skipped = rows.length - keys.length;
  const plural = (n: number) => `${n} public key${n === 1 ? "" : "s"}`;
  return read(rows.length, `Read ${plural(keys.length)} from ${table}${skipped ? ` (${skipped} unreadable row${skipped === 1 ? "" : "s"} left out)` : ""}; the cookie cache is checked against them as Better Auth does, by kid.`, { keys });
}

/**
 * The lookup's `jwks` line once the cookie was verified again with the keys it read: which key
 * of which table verified the cache, or why it did not. For front ends that show the lookup
 * apart from the cookie report (the editor's notification and log).
 */
export function withCacheVerdict(result: LookupResult, report: Pick<CookieReport, "sessionData" | "reasons">): LookupResult {
  if (!result.jwks?.jwks) return result;
  const data = report.sessionData;
  const cacheName = data.cookieName ?? "the cookie cache";
  let message = result.jwks.message;
  if (data.verdict === "valid" && data.secret) message = `The jwt plugin's cookie cache verifies with ${data.secret.source}.`;
  else if (data.verdict === "invalid" || data.verdict === "expired") {
    const why = report.reasons.find((reason) => reason.cookie === data.cookieName && reason.severity !== "info")?.message;
    message = why ?? `${cacheName} does not verify with the keys of ${result.jwks.source}.`;
  }
  return { ...result, jwks: { ...result.jwks, message } };
}
