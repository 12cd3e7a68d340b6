import { type CookieReport, describeInstant, type Reason, type SecretMatch } from "../core/cookie";

const MARK: Record<Reason["severity"], string> = { error: "✗", warning: "!", info: "·" };
/** Long user fields (the chunking tests use 6 KB names) would drown the report. */
const MAX_FIELD = 80;

/**
 * C0/C1 controls, DEL, and the bidi and line-separator characters a terminal or editor acts
 * on. Decoded cookie fields are attacker-controlled: raw, they could clear the screen or
 * print a fake VALID line.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Every line is built without newlines, so every control character left in it came from input. */
export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Plain-text report in the jwt.io debugger's spirit: verdict first, then why, then what was decoded. */
export function renderCookieReport(report: CookieReport): string {
  const lines: string[] = [report.verdict.toUpperCase()];
  if (report.reasons.length > 0) {
    lines.push("");
    for (const r of report.reasons) lines.push(`  ${MARK[r.severity]} ${r.message}`);
  }

  const token = report.sessionToken;
  if (token) {
    lines.push("", `Session token  ${token.cookieName}`);
    lines.push(`  token      ${token.token ?? "(none: value has no signature part)"}`);
    lines.push(`  signature  ${token.signature}${token.secret ? `, ${secretLabel(token.secret)}` : ""}`);
  }

  const data = report.sessionData;
  if (data.verdict !== "absent") {
    const chunks = data.chunks > 1 ? `, ${data.chunks} chunks` : "";
    lines.push("", `Session data   ${data.cookieName} (${data.strategy ?? "unreadable"}${data.legacyCompact ? ", pre-1.1.20 signature" : ""}${chunks})`);
    lines.push(`  verdict    ${data.verdict}${data.secret ? `, ${secretLabel(data.secret)}` : ""}`);
    if (data.expiresAt !== null) lines.push(`  expires    ${instant(data.expiresAt, report.checkedAt)}`);
    if (data.session) lines.push("  session", ...fields(data.session, report.checkedAt));
    if (data.user) lines.push("  user", ...fields(data.user, report.checkedAt));
    if (!data.session && data.header) lines.push(`  header     ${JSON.stringify(data.header)}`);
  }

  const others = report.cookies.filter((c) => c.signed !== token && c.data !== data);
  for (const cookie of others) {
    if (cookie.kind === "account_data" && cookie.data?.session) {
      lines.push("", `Account data   ${cookie.name} (${cookie.data.verdict})`, ...fields(cookie.data.session, report.checkedAt));
    }
  }

  if (report.cookies.length > 0) {
    lines.push("", "Cookies");
    for (const cookie of report.cookies) {
      const chunks = cookie.chunks > 1 ? ` (${cookie.chunks} chunks)` : "";
      lines.push(`  ${cookie.verdict.padEnd(8)} ${cookie.name}${chunks}  [${cookie.kind}]`);
    }
  }
  if (report.ignoredCookies > 0) lines.push(`  (${report.ignoredCookies} other cookie${report.ignoredCookies === 1 ? "" : "s"} ignored)`);
  if (!report.inputProblem) lines.push("", report.betterAuthVersion ? `Judged as Better Auth ${report.betterAuthVersion} behaves.` : "Better Auth version unknown: reasons say where versions differ (--better-auth-version X).");
  return `${lines.map(terminalSafe).join("\n")}\n`;
}

function secretLabel(secret: SecretMatch): string {
  const version = secret.version === undefined ? "" : ` version ${secret.version}`;
  return `secret: ${secret.source}${version}${secret.current ? "" : " (not current)"}`;
}

function instant(ms: number, now: number): string {
  const d = describeInstant(ms, now);
  return `${d.local} | ${d.utc} | ${d.relative}`;
}

function fields(record: Record<string, unknown>, now: number): string[] {
  return Object.entries(record).map(([key, value]) => {
    const date = typeof value === "string" && /At$/.test(key) ? Date.parse(value) : NaN;
    const shown = Number.isFinite(date) ? instant(date, now) : truncate(typeof value === "string" ? value : JSON.stringify(value) ?? String(value));
    return `    ${key.padEnd(14)} ${shown}`;
  });
}

function truncate(text: string): string {
  return text.length <= MAX_FIELD ? text : `${text.slice(0, MAX_FIELD)}… (${text.length} chars)`;
}
