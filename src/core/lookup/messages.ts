import { redact } from "./redact";
import type { LookupPlan, SessionRecord, SqlProvider, TableName, UserRecord } from "./types";

// The sentences a lookup result carries. They name tables, columns and versions, never the
// token or a password (lookup-session.ts redacts once more before anything leaves).

export interface MessageContext {
  plan: LookupPlan;
  database: string;
  table: string;
  userTable: string;
}

export function tableLabel(table: TableName, provider: SqlProvider): string {
  return table.schema && provider !== "sqlite" ? `${table.schema}.${table.name}` : table.name;
}

const version = (plan: LookupPlan) => (plan.version ? `Better Auth ${plan.version}` : `Better Auth ${plan.versionLabel} (assumed: no version found)`);

function describeUser(user: UserRecord): string {
  return user.email ? `${user.email} (id ${user.id})` : `id ${user.id}`;
}

function describeSession(session: SessionRecord): string {
  const parts = [`expires ${session.expiresAt ?? "(no expiresAt)"}`];
  if (session.createdAt) parts.push(`created ${session.createdAt}`);
  if (session.ipAddress) parts.push(`from ${session.ipAddress}`);
  if (session.userAgent) parts.push(`with ${session.userAgent.length > 80 ? `${session.userAgent.slice(0, 77)}…` : session.userAgent}`);
  return parts.join(", ");
}

export function connectError(database: string, error: unknown): string {
  const detail = error instanceof Error ? error.message || error.name : String(error);
  const code = (error as { code?: unknown })?.code;
  return `Cannot connect to ${database}: ${detail}${typeof code === "string" && !detail.includes(code) ? ` (${code})` : ""}.`.replace(/\.\.$/, ".");
}

export function queryError(context: MessageContext, error: unknown): string {
  return `The lookup in ${context.table} failed: ${redact(error instanceof Error ? error.message : String(error))}.`.replace(/\.\.$/, ".");
}

export function found(context: MessageContext, session: SessionRecord, user: UserRecord): string {
  return `Session found in ${context.table}.${context.plan.tokenColumn}, where ${version(context.plan)} looks for it: user ${describeUser(user)}, ${describeSession(session)}. The database is not why Better Auth says "no session"; check the cookie's name, domain and secret.`;
}

export function expired(context: MessageContext, session: SessionRecord): string {
  return `The session exists in ${context.table} but expired at ${session.expiresAt}: Better Auth deletes it on the next request and answers with no session. Sign in again; if sessions expire too early, check session.expiresIn and the server clock.`;
}

export function notFound(context: MessageContext): string {
  const other = context.plan.otherColumn !== context.plan.tokenColumn ? ` (nor in ${context.plan.otherColumn})` : "";
  return `No session with this token in ${context.table}.${context.plan.tokenColumn}${other} in ${context.database}. It was deleted (sign-out, revoked, expired and cleaned up), or the app writes to another database: check that this is the database the app uses.`;
}

export function otherColumn(context: MessageContext, foundIn: string, expired: boolean): string {
  const { plan } = context;
  return `The token is in ${context.table}.${foundIn}, but ${version(plan)} looks sessions up by ${plan.tokenColumn}: the data was written in the other layout (≤ 0.8 keeps the token in id, ≥ 1.0 in a separate token column). Apply the session-token-layout fix ("Fix all" in VS Code, or better-auth-doctor fix) and run its migration so schema, data and version agree${expired ? "; the session has also expired" : ""}.`;
}

export function userMissing(context: MessageContext, session: SessionRecord): string {
  return `The session belongs to user ${session.userId ?? "(none)"}, who is not in ${context.userTable}: Better Auth answers with no session when the user is gone. Check the User model's @@map and the foreign key.`;
}

export function userTableMissing(context: MessageContext): string {
  return `The session exists, but the user table ${context.userTable} does not: check the User model's @@map.`;
}

export function tableMissing(context: MessageContext, similar: string[]): string {
  const hint = similar.length ? ` Tables that look like sessions: ${similar.join(", ")} — does the Session model's @@map name one of them?` : " Run the schema's migrations (prisma migrate deploy) or fix the Session model's @@map.";
  return `The table ${context.table} does not exist in ${context.database}.${hint}`;
}

export function columnMissing(context: MessageContext): string {
  const { plan } = context;
  return `${context.table} has no column ${plan.tokenColumn}, the one ${version(plan)} reads the token from, and the token is not in ${plan.otherColumn} either. The database is behind the schema: run its migrations, or fix the field's @map.`;
}
