import type { SessionColumns, SessionRecord, UserColumns, UserRecord } from "./types";

/**
 * A timestamp as drivers return it: Date (pg, mysql2, tedious), an ISO string (Better Auth's
 * Kysely adapter on SQLite) or epoch milliseconds (Prisma on SQLite).
 */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "number" || typeof value === "bigint") {
    const n = Number(value);
    // Seconds (unixepoch()) would be ~1.7e9; milliseconds ~1.7e12.
    return new Date(n < 1e11 ? n * 1000 : n);
  }
  if (typeof value === "string") {
    if (/^\d+$/.test(value)) return toDate(Number(value));
    // `YYYY-MM-DD HH:MM:SS[.fff]` without a zone: Prisma and SQLite's CURRENT_TIMESTAMP mean UTC.
    const text = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Columns are matched exactly first, then case-insensitively (MySQL on Windows, SQL Server collations). */
function pick(row: Record<string, unknown>, column: string): unknown {
  if (column in row) return row[column];
  const lower = column.toLowerCase();
  const key = Object.keys(row).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : row[key];
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const iso = (value: unknown): string | null => toDate(value)?.toISOString() ?? null;

export function sessionRecord(row: Record<string, unknown>, columns: SessionColumns): SessionRecord {
  return {
    userId: text(pick(row, columns.userId)),
    expiresAt: iso(pick(row, columns.expiresAt)),
    createdAt: iso(pick(row, columns.createdAt)),
    ipAddress: text(pick(row, columns.ipAddress)),
    userAgent: text(pick(row, columns.userAgent)),
  };
}

export function userRecord(row: Record<string, unknown>, columns: UserColumns): UserRecord {
  return { id: String(pick(row, columns.id)), email: text(pick(row, columns.email)), name: text(pick(row, columns.name)) };
}
