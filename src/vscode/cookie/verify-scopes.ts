import type { CookieReport, ReasonCode, VerifyCookieOptions } from "../../core/cookie/types";
import type { SecretCandidate } from "../../core/secrets/secret-candidate";
import type { SecretScope } from "../../core/secrets/discover";

/**
 * Verifying with each set of secrets apart and judging the outcome: what the panel's badge
 * says, which notes it shows, and whether to pop the "enter the app's secret" box. Pure (no
 * vscode import, the verifier is passed in) so the panel and the session lookup share it and
 * vitest checks it on real cookies; the lookup passes the verifier of its own bundle.
 */

export type Verify = (input: string, options: VerifyCookieOptions) => Promise<CookieReport>;

/** What the panel's badge reads. `not-verified`: nothing to verify with, which is not "invalid". */
export type Badge = "valid" | "warning" | "invalid" | "not-verified";

export interface ScopedReport {
  scope: SecretScope;
  report: CookieReport;
}

export interface ScopedVerification {
  report: CookieReport;
  /** Labels of the secrets behind `report` (source + version), never values. */
  tried: string[];
  /** The scope that verified, when one did. */
  scope?: SecretScope;
  /** Every scope's own report, in discovery order. */
  perScope: ScopedReport[];
}

export interface SecretNote {
  severity: "info" | "warning";
  text: string;
  /** The note offers the "Enter secret…" button. */
  offerSecret?: boolean;
}

export interface Judgement {
  badge: Badge;
  notes: SecretNote[];
  /** Pop the password box: only when the app's own secrets were not there to verify with. */
  askForSecret: boolean;
}

const VERDICT_RANK = { valid: 0, warning: 1, invalid: 2 } as const;
/** Errors that a different secret could fix. */
const SECRET_PROBLEMS: ReadonlySet<ReasonCode> = new Set(["no-secret", "signature-mismatch", "cache-signature-mismatch", "cache-not-decryptable"]);

export const candidateLabel = (c: SecretCandidate) => (c.version === undefined ? c.source : `${c.source} version ${c.version}`);

/**
 * Verifies with each scope apart and keeps the best report (valid, then warning, then the one
 * where most cookies verified). When nothing verified anywhere, one run with every secret
 * names them all in the "tried" message.
 */
export async function verifyWithScopes(input: string, scopes: readonly SecretScope[], verify: Verify, options: VerifyCookieOptions = {}): Promise<ScopedVerification> {
  const now = options.now ?? Date.now();
  const perScope: ScopedReport[] = [];
  for (const scope of scopes) perScope.push({ scope, report: await verify(input, { ...options, secrets: scope.candidates, now }) });
  const best = perScope.reduce<ScopedReport | undefined>((a, b) => (!a || score(b.report) < score(a.report) ? b : a), undefined);
  if (best && verifiedCount(best.report) > 0) return { report: best.report, tried: best.scope.candidates.map(candidateLabel), scope: best.scope, perScope };
  const all = scopes.flatMap((scope) => scope.candidates);
  return { report: await verify(input, { ...options, secrets: all, now }), tried: all.map(candidateLabel), perScope };
}

export function verifiedCount(report: CookieReport): number {
  return report.cookies.filter((c) => (c.signed?.secret ?? c.data?.secret) != null).length;
}

function score(report: CookieReport): number {
  return VERDICT_RANK[report.verdict] * 1000 - verifiedCount(report);
}

/** Cookies that only lack a secret: their "invalid" means "not verified". */
export function unverifiedCookies(report: CookieReport): Set<string> {
  const names = new Set<string>();
  for (const cookie of report.cookies) {
    const errors = cookie.reasons.filter((r) => r.severity === "error");
    if (errors.length > 0 && errors.every((r) => r.code === "no-secret")) names.add(cookie.name);
  }
  for (const r of report.reasons) if (r.code === "no-secret" && r.cookie) names.add(r.cookie);
  return names;
}

function badgeOf(report: CookieReport): Badge {
  const errors = report.reasons.filter((r) => r.severity === "error");
  if (report.verdict === "invalid" && errors.length > 0 && errors.every((r) => r.code === "no-secret")) return "not-verified";
  return report.verdict;
}

/**
 * What the panel says beyond the core's verdict:
 * - no secret anywhere: NOT VERIFIED (not INVALID), and the box pops to ask for one;
 * - some cookie verified but another did not: that one was altered, another secret will not
 *   help, so no secret prompt;
 * - the app's own secrets (.env) were tried and verify nothing: the verdict stands (altered, or
 *   signed elsewhere — HMAC cannot tell), with a button to try another secret but no popped box;
 * - a secret of the tool's own (SecretStorage, the extension host's environment) verifies where
 *   the app's .env secrets do not: the app would reject the cookie, so say so and warn.
 */
export function judge(verification: ScopedVerification): Judgement {
  const { report, scope, perScope } = verification;
  const notes: SecretNote[] = [];
  let badge = badgeOf(report);
  const appScopes = perScope.filter((s) => s.scope.kind === "app");
  const verified = verifiedCount(report);
  const secretProblem = report.reasons.some((r) => r.severity === "error" && SECRET_PROBLEMS.has(r.code));

  if (verified > 0 && scope && scope.kind !== "app" && appScopes.length > 0 && appScopes.every((s) => verifiedCount(s.report) === 0)) {
    const appSecrets = appScopes.flatMap((s) => s.scope.candidates.map(candidateLabel));
    notes.push({
      severity: "warning",
      text: `The app's own secret${appSecrets.length === 1 ? "" : "s"} (${appSecrets.join(", ")}) do${appSecrets.length === 1 ? "es" : ""} not verify this cookie; only ${scope.label} does. The app reads its .env files, so it would reject this cookie: put the secret it was signed with in .env, or it comes from another deployment.`,
    });
    if (badge === "valid") badge = "warning";
  }

  if (badge === "not-verified") {
    notes.push({
      severity: "info",
      text: "Not verified: no secret was found (environment, .env files, SecretStorage) and Better Auth's public defaults do not match. The decoded content below is unchecked. Enter the app's secret to verify it; you can keep it in VS Code's SecretStorage.",
      offerSecret: true,
    });
    return { badge, notes, askForSecret: true };
  }
  if (!secretProblem) return { badge, notes, askForSecret: false };

  if (verified > 0) {
    const good = report.cookies.filter((c) => (c.signed?.secret ?? c.data?.secret) != null).map((c) => c.name);
    const bad = report.cookies.filter((c) => c.reasons.some((r) => r.severity === "error" && SECRET_PROBLEMS.has(r.code))).map((c) => c.name);
    notes.push({
      severity: "warning",
      text: `${good.join(", ")} verif${good.length === 1 ? "ies" : "y"} with ${scope?.label ?? "the secrets tried"}, so the secret is right: ${bad.join(", ")} ${bad.length === 1 ? "was" : "were"} altered, or copied from another session. Another secret would not help.`,
    });
    return { badge, notes, askForSecret: false };
  }

  const appTried = appScopes.length > 0;
  notes.push({
    severity: "info",
    text: appTried
      ? "None of the secrets tried verifies this cookie, the app's own .env included: it was signed with another secret (another environment, or a secret since changed), or altered. If it comes from another deployment, enter that secret."
      : "No secret tried verifies this cookie. Enter the app's secret to check it; you can keep it in VS Code's SecretStorage.",
    offerSecret: true,
  });
  return { badge, notes, askForSecret: !appTried };
}
