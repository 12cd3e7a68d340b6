import type { CookieReport, CookieResult, ValuePartKind } from "../../core/cookie/types";

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

/** The panel's colour and tooltip for each part the core cut (`cache` depends on the strategy). */
const LOOK: Record<Exclude<ValuePartKind, "cache">, [PartKind, string]> = {
  token: ["token", "session token"],
  signature: ["signature", "HMAC-SHA256 signature (base64)"],
  "jwt-header": ["cache-header", "JWT header"],
  "jwt-payload": ["cache-payload", "JWT payload"],
  "jwt-signature": ["cache-signature", "JWT signature (HS256)"],
  "jwe-header": ["cache-header", "JWE protected header"],
  "jwe-encrypted-key": ["cache-key", "JWE encrypted key (empty for dir)"],
  "jwe-iv": ["cache-iv", "JWE initialisation vector"],
  "jwe-ciphertext": ["cache-payload", "JWE ciphertext"],
  "jwe-tag": ["cache-tag", "JWE authentication tag"],
  value: ["plain", "value"],
};

/** Every cookie's value as the core read it (`CookieResult.value`), in the panel's parts. */
export function cookieValues(report: CookieReport): CookieValue[] {
  return report.cookies.map((cookie) => ({ name: cookie.name, raw: cookie.value.raw, decoded: cookie.value.decoded, parts: partsOf(cookie) }));
}

function partsOf(cookie: Pick<CookieResult, "value" | "data">): ValuePart[] {
  const { decoded, parts } = cookie.value;
  const signed = parts.some((part) => part.kind === "signature");
  const out: ValuePart[] = [];
  let at = 0;
  for (const part of parts) {
    // What lies between two parts is the "." that joins them.
    if (part.start > at) out.push({ kind: "dot", text: decoded.slice(at, part.start), label: "separator" });
    const text = decoded.slice(part.start, part.end);
    if (part.kind === "cache") out.push({ kind: "cache", text, label: cookie.data?.strategy === "compact" ? "compact cache (base64url JSON)" : "cookie cache" });
    else if (part.kind === "token" && !signed) out.push({ kind: "token", text, label: "token (no signature)" });
    else out.push({ kind: LOOK[part.kind][0], text, label: LOOK[part.kind][1] });
    at = part.end;
  }
  return out;
}
