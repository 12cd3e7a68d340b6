import { groupCookies } from "../../core/cookie/group-cookies";
import { parsePastedInput } from "../../core/cookie/parse-input";
import type { CookieReport, CookieResult, VerifyCookieOptions } from "../../core/cookie/types";
import { decodeOnce } from "../../core/cookie/url-decode";

/** Which part of a value a span is, for colouring as jwt.io does with header/payload/signature. */
export type PartKind = "token" | "signature" | "cache" | "cache-header" | "cache-payload" | "cache-signature" | "cache-key" | "cache-iv" | "cache-tag" | "dot" | "plain";

export interface ValuePart {
  kind: PartKind;
  text: string;
  /** What the part is, for a tooltip. */
  label: string;
}

/** One cookie of the report with its value split into parts. */
export interface CookieValue {
  name: string;
  /** The value as pasted, chunks joined by index (still URL-encoded if it was). */
  raw: string;
  /** After Better Auth's single URL decode: what the parts are cut from. */
  decoded: string;
  parts: ValuePart[];
}

const SIGNED_KINDS = new Set<CookieResult["kind"]>(["session_token", "session_token_multi", "dont_remember", "two_factor", "trust_device", "admin_session"]);
const JWT_PARTS: [PartKind, string][] = [
  ["cache-header", "JWT header"],
  ["cache-payload", "JWT payload"],
  ["cache-signature", "JWT signature (HS256)"],
];
const JWE_PARTS: [PartKind, string][] = [
  ["cache-header", "JWE protected header"],
  ["cache-key", "JWE encrypted key (empty for dir)"],
  ["cache-iv", "JWE initialisation vector"],
  ["cache-payload", "JWE ciphertext"],
  ["cache-tag", "JWE authentication tag"],
];

/**
 * The raw values behind a report, cut into the parts the panel colours. Reads the input the
 * way `verifyCookies` does (same parser and grouping), so names match `report.cookies`.
 */
export function cookieValues(input: string, report: CookieReport, options: VerifyCookieOptions = {}): CookieValue[] {
  if (report.inputProblem === "empty" || report.inputProblem === "too-large") return [];
  const parsed = parsePastedInput(input, report.checkedAt);
  const { groups } = groupCookies(parsed.cookies, options);
  const out: CookieValue[] = [];
  for (const cookie of report.cookies) {
    const group = groups.find((g) => g.name === cookie.name);
    if (!group) continue;
    const raw = group.whole ? group.whole.raw : [...group.chunks.entries()].sort(([a], [b]) => a - b).map(([, c]) => c.raw).join("");
    const decoded = decodeOnce(raw).value;
    out.push({ name: cookie.name, raw, decoded, parts: splitValue(decoded, cookie) });
  }
  return out;
}

export function splitValue(value: string, cookie: Pick<CookieResult, "kind" | "data">): ValuePart[] {
  if (SIGNED_KINDS.has(cookie.kind)) {
    const dot = value.lastIndexOf(".");
    if (dot < 0) return [{ kind: "token", text: value, label: "token (no signature)" }];
    return [
      { kind: "token", text: value.slice(0, dot), label: "session token" },
      { kind: "dot", text: ".", label: "separator" },
      { kind: "signature", text: value.slice(dot + 1), label: "HMAC-SHA256 signature (base64)" },
    ];
  }
  if (cookie.kind === "session_data" || cookie.kind === "account_data") {
    const segments = value.split(".");
    const names = cookie.data?.strategy === "jwt" && segments.length === 3 ? JWT_PARTS : cookie.data?.strategy === "jwe" && segments.length === 5 ? JWE_PARTS : null;
    if (!names) return [{ kind: "cache", text: value, label: cookie.data?.strategy === "compact" ? "compact cache (base64url JSON)" : "cookie cache" }];
    const parts: ValuePart[] = [];
    segments.forEach((text, i) => {
      if (i > 0) parts.push({ kind: "dot", text: ".", label: "separator" });
      parts.push({ kind: names[i][0], text, label: names[i][1] });
    });
    return parts;
  }
  return [{ kind: "plain", text: value, label: "value" }];
}
