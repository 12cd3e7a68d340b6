import type { Reason, ReasonCode, ReasonSeverity, Verdict } from "./types";

export function reason(code: ReasonCode, severity: ReasonSeverity, message: string, cookie?: string): Reason {
  return cookie === undefined ? { code, severity, message } : { code, severity, message, cookie };
}

const RANK: Record<ReasonSeverity, number> = { error: 0, warning: 1, info: 2 };

export function sortReasons(reasons: Reason[]): Reason[] {
  return [...reasons].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** Any error makes it invalid, else any warning makes it a warning. */
export function verdictOf(reasons: readonly Reason[]): Verdict {
  if (reasons.some((r) => r.severity === "error")) return "invalid";
  if (reasons.some((r) => r.severity === "warning")) return "warning";
  return "valid";
}

/** Shortens a token for messages: enough to recognise it, not a wall of text. */
export function preview(value: string, max = 12): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}
