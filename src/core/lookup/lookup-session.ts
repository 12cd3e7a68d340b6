import { connect as defaultConnect, urlSchema } from "./connect";
import { LookupCancelled, withDeadline } from "./deadline";
import { dialectFor } from "./dialect";
import { readJwksTable } from "./jwks";
import * as say from "./messages";
import { classifyQueryError, type QueryFailure } from "./query-errors";
import { passwordOf, redact, redactUrl } from "./redact";
import type { ConnectOptions, DbConnection, LookupPlan, LookupResult, SqlProvider, TableName } from "./types";
import { sessionRecord, toDate, userRecord } from "./values";

export interface LookupSessionOptions {
  url: string;
  provider: SqlProvider;
  plan: LookupPlan;
  /** The session token (the part of the cookie before the signature). */
  token: string;
  /** Connect and per-query timeout; default 5 s. */
  timeoutMs?: number;
  /** Folder a relative SQLite path is resolved from. */
  baseDir?: string;
  signal?: AbortSignal;
  now?: Date;
  /**
   * Also read the jwt plugin's public keys (`plan.jwks`) in the same connection, to verify its
   * `sessionCookieCache` when nothing else gave the keys. The result then carries `jwks`.
   */
  readJwks?: boolean;
  /** Replaces the real drivers in unit tests. */
  connect?: (provider: SqlProvider, options: ConnectOptions) => Promise<DbConnection>;
}

interface Found {
  row: Record<string, unknown> | null;
  failure?: QueryFailure;
  error?: unknown;
}

/**
 * Looks the token up the way the detected Better Auth version does, and explains the answer.
 * One connection, SELECTs only with bound parameters, closed before returning. Never throws
 * except LookupCancelled; every message is redacted.
 */
export async function lookupSession(options: LookupSessionOptions): Promise<LookupResult> {
  const { url, provider, plan, token, signal } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const started = Date.now();
  const dialect = dialectFor(provider);
  const defaultSchema = urlSchema(provider, url);
  const qualify = (table: TableName): TableName => (table.schema || !defaultSchema ? table : { ...table, schema: defaultSchema });
  const sessionTable = qualify(plan.session.table);
  const userTable = qualify(plan.user.table);
  const database = redactUrl(url);
  const secrets = [passwordOf(url), token];
  const context = { plan, database, table: say.tableLabel(sessionTable, provider), userTable: say.tableLabel(userTable, provider) };
  const result = (partial: Pick<LookupResult, "kind" | "message"> & Partial<LookupResult>): LookupResult => ({
    database,
    table: context.table,
    column: plan.tokenColumn,
    otherColumn: plan.otherColumn,
    foundIn: null,
    session: null,
    user: null,
    ...partial,
    message: redact(partial.message, secrets),
    elapsedMs: Date.now() - started,
  });

  const open = options.connect ?? defaultConnect;
  let connection: DbConnection;
  try {
    connection = await withDeadline(open(provider, { url, timeoutMs, baseDir: options.baseDir }), timeoutMs, "while connecting", signal, (late) => void late.close());
  } catch (error) {
    if (error instanceof LookupCancelled) throw error;
    return result({ kind: "connect-error", message: say.connectError(database, error) });
  }

  const query = (sql: string, params: unknown[]) => withDeadline(connection.query(sql, params), timeoutMs, "to the query", signal);
  const findBy = async (table: TableName, column: string, value: string): Promise<Found> => {
    try {
      const rows = await query(dialect.selectOneBy(table, column), [value]);
      return { row: rows[0] ?? null };
    } catch (error) {
      if (error instanceof LookupCancelled) throw error;
      return { row: null, failure: classifyQueryError(provider, error), error };
    }
  };

  const findSession = async (): Promise<LookupResult> => {
    const primary = await findBy(sessionTable, plan.tokenColumn, token);
    if (!primary.row && primary.failure === "table-missing") {
      const tables = await query(dialect.listTables, []).catch(() => []);
      const similarTables = tables
        .map((row) => [row.schema, row.name].filter((part) => part !== undefined && part !== null && part !== "").join("."))
        .filter((name) => /session/i.test(name));
      return result({ kind: "table-missing", message: say.tableMissing(context, similarTables), similarTables });
    }
    if (primary.failure === "other") return result({ kind: "query-error", message: say.queryError(context, primary.error) });

    let foundIn = plan.tokenColumn;
    let row = primary.row;
    if (!row && plan.otherColumn !== plan.tokenColumn) {
      const other = await findBy(sessionTable, plan.otherColumn, token);
      if (other.row) {
        row = other.row;
        foundIn = plan.otherColumn;
      }
    }
    if (!row) {
      if (primary.failure === "column-missing") return result({ kind: "column-missing", message: say.columnMissing(context) });
      return result({ kind: "not-found", message: say.notFound(context) });
    }

    const session = sessionRecord(row, plan.session.columns);
    let user = null;
    let userProblem: string | undefined;
    if (session.userId !== null) {
      const found = await findBy(userTable, plan.user.columns.id, session.userId);
      if (found.row) user = userRecord(found.row, plan.user.columns);
      else userProblem = found.failure === "table-missing" ? say.userTableMissing(context) : found.failure ? say.queryError(context, found.error) : undefined;
    }
    const expiresAt = toDate(session.expiresAt);
    const expired = expiresAt !== null && expiresAt.getTime() <= (options.now ?? new Date()).getTime();
    const found = { foundIn, session, user };
    if (foundIn !== plan.tokenColumn) return result({ kind: "found-under-other-column", message: say.otherColumn(context, foundIn, expired), ...found });
    if (expired) return result({ kind: "expired", message: say.expired(context, session), ...found });
    if (!user) return result({ kind: "user-missing", message: userProblem ?? say.userMissing(context, session), ...found });
    return result({ kind: "found", message: say.found(context, session, user), ...found });
  };

  try {
    // Belt and braces: only SELECTs are sent anyway, but the session itself refuses writes where it can.
    if (dialect.readOnly) await query(dialect.readOnly, []).catch((error) => { if (error instanceof LookupCancelled) throw error; });
    const outcome = await findSession();
    if (!options.readJwks || !plan.jwks) return outcome;
    const jwks = await readJwksTable({ query, dialect, provider, plan: plan.jwks, table: qualify(plan.jwks.table), database, secrets });
    return { ...outcome, jwks, elapsedMs: Date.now() - started };
  } catch (error) {
    if (error instanceof LookupCancelled) throw error;
    return result({ kind: "query-error", message: say.queryError(context, error) });
  } finally {
    await connection.close().catch(() => undefined);
  }
}
