import type { CookieKind, CookieReport, SessionDataVerdict, SignatureState, Verdict } from "./types";

/** The CLI's `--format json` shape; keys are built in this order on purpose. */
export interface JsonCookieReport {
  verdict: Verdict;
  /** Errors and warnings, worst first, as sentences. */
  reasons: string[];
  sessionToken: {
    cookieName: string;
    secure: boolean;
    token: string | null;
    signature: SignatureState;
    secret: { source: string; version: number | null } | null;
  } | null;
  sessionData: {
    strategy: string | null;
    verdict: SessionDataVerdict;
    session: Record<string, unknown> | null;
    user: Record<string, unknown> | null;
    /** ISO 8601 UTC. */
    expiresAt: string | null;
  };
  cookies: { name: string; kind: CookieKind; verdict: Verdict }[];
}

export function toJsonReport(report: CookieReport): JsonCookieReport {
  const token = report.sessionToken;
  const data = report.sessionData;
  return {
    verdict: report.verdict,
    reasons: report.reasons.filter((r) => r.severity !== "info").map((r) => r.message),
    sessionToken: token
      ? {
          cookieName: token.cookieName,
          secure: token.secure,
          token: token.token,
          signature: token.signature,
          secret: token.secret ? { source: token.secret.source, version: token.secret.version ?? null } : null,
        }
      : null,
    sessionData: {
      strategy: data.strategy,
      verdict: data.verdict,
      session: data.session,
      user: data.user,
      expiresAt: data.expiresAt === null ? null : isoOrNull(data.expiresAt),
    },
    cookies: report.cookies.map((c) => ({ name: c.name, kind: c.kind, verdict: c.verdict })),
  };
}

function isoOrNull(ms: number): string | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
