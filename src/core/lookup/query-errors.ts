import type { SqlProvider } from "./types";

export type QueryFailure = "table-missing" | "column-missing" | "type-mismatch" | "other";

/** What a failed SELECT means, from the driver's error code (messages differ between versions). */
export function classifyQueryError(provider: SqlProvider, error: unknown): QueryFailure {
  const e = (error ?? {}) as { code?: unknown; errno?: unknown; number?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : "";
  switch (provider) {
    case "postgresql":
    case "cockroachdb":
      // 42P01 undefined_table, 3F000 invalid_schema_name, 42703 undefined_column, 22P02 e.g. a uuid column compared with a token.
      if (e.code === "42P01" || e.code === "3F000") return "table-missing";
      if (e.code === "42703") return "column-missing";
      if (e.code === "22P02") return "type-mismatch";
      return "other";
    case "mysql":
      if (e.errno === 1146 || e.errno === 1049) return "table-missing";
      if (e.errno === 1054) return "column-missing";
      return "other";
    case "sqlite":
      if (/no such table/i.test(message)) return "table-missing";
      if (/no such column/i.test(message)) return "column-missing";
      return "other";
    case "sqlserver":
      // 208 invalid object name, 207 invalid column name, 8169/245 conversion failed (uniqueidentifier/int ids).
      if (e.number === 208) return "table-missing";
      if (e.number === 207) return "column-missing";
      if (e.number === 8169 || e.number === 245) return "type-mismatch";
      return "other";
  }
}
