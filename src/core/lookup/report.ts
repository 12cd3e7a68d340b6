import { redactUrl } from "./redact";
import type { LookupResult } from "./types";
import type { PreparedLookup } from "./project";

/** What the lookup says when it did not run: the cookie did not verify, or nothing to connect to. */
export interface LookupNotRun {
  kind: "skipped" | "unavailable";
  message: string;
}

/** The `lookup` key of `cookie --lookup --format json`; key order is part of the contract. */
export function lookupJson(result: LookupResult | LookupNotRun, prepared?: PreparedLookup) {
  if (result.kind === "skipped" || result.kind === "unavailable") return { kind: result.kind, message: result.message };
  const r = result as LookupResult;
  return {
    kind: r.kind,
    message: r.message,
    database: r.database,
    urlSource: prepared?.urlSource ?? null,
    provider: prepared?.provider ?? null,
    betterAuthVersion: prepared ? { version: prepared.version.version, source: prepared.version.source, layout: prepared.plan.versionLabel } : null,
    table: r.table,
    column: r.column,
    otherColumn: r.otherColumn,
    foundIn: r.foundIn,
    session: r.session,
    user: r.user,
    ...(r.similarTables ? { similarTables: r.similarTables } : {}),
    ...(r.jwks ? { jwks: { table: r.jwks.table, keys: r.jwks.jwks?.keys.length ?? 0, message: r.jwks.message } } : {}),
    elapsedMs: r.elapsedMs,
  };
}

const LABELS: Record<string, string> = {
  found: "FOUND",
  expired: "EXPIRED",
  "not-found": "NOT FOUND",
  "found-under-other-column": "FOUND UNDER THE OTHER COLUMN",
  "user-missing": "USER MISSING",
  "table-missing": "TABLE MISSING",
  "column-missing": "COLUMN MISSING",
  "connect-error": "CANNOT CONNECT",
  "query-error": "QUERY FAILED",
  skipped: "NOT LOOKED UP",
  unavailable: "NOT LOOKED UP",
};

/** Plain-text lines for the CLI and the editor's log. */
export function lookupText(result: LookupResult | LookupNotRun, prepared?: PreparedLookup): string {
  const lines = [`Session lookup: ${LABELS[result.kind] ?? result.kind}`, `  ${result.message}`];
  if ("database" in result) {
    lines.push(`  database:  ${redactUrl(result.database)}${prepared ? ` (${prepared.provider}; ${prepared.urlSource})` : ""}`);
    if (prepared) {
      const { version, source, file } = prepared.version;
      const from = version ? `Better Auth ${version} (${source}${file ? `: ${file}` : ""})` : `no Better Auth version found, assuming ${prepared.plan.versionLabel}`;
      lines.push(`  version:   ${from}; reads ${result.table}.${result.column}`);
    }
    if (result.session) {
      const s = result.session;
      lines.push(`  session:   user ${s.userId ?? "-"}, expires ${s.expiresAt ?? "-"}, created ${s.createdAt ?? "-"}`);
      if (s.ipAddress || s.userAgent) lines.push(`             ${s.ipAddress ?? "-"} · ${s.userAgent ?? "-"}`);
    }
    if (result.user) lines.push(`  user:      ${result.user.email ?? "-"} (${result.user.name ?? "-"}, id ${result.user.id})`);
    if (result.jwks) lines.push(`  jwks:      ${result.jwks.message}`);
    for (const note of prepared?.plan.notes ?? []) lines.push(`  note:      ${note}`);
  }
  return `${lines.join("\n")}\n`;
}
