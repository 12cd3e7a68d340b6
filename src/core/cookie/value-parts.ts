import { signatureDot } from "./signed/signed-value";
import type { CookieResult, ValuePart, ValuePartKind } from "./types";

const JWT_SEGMENTS: readonly ValuePartKind[] = ["jwt-header", "jwt-payload", "jwt-signature"];
const JWE_SEGMENTS: readonly ValuePartKind[] = ["jwe-header", "jwe-encrypted-key", "jwe-iv", "jwe-ciphertext", "jwe-tag"];

/**
 * The parts of a once-decoded value as the verifier read it (`checked`: whether it was checked as
 * a signed value or as a cache, and which strategy read the cache): the signed token and its signature
 * split where better-call splits them, a jwt or jwe cache into its segments when it was read as
 * one, anything else whole. Offsets into `decoded`; the dots between parts belong to no part.
 */
export function valueParts(checked: Pick<CookieResult, "signed" | "data">, decoded: string): ValuePart[] {
  if (checked.signed) {
    const dot = signatureDot(decoded);
    if (dot < 0) return [{ kind: "token", start: 0, end: decoded.length }];
    return [
      { kind: "token", start: 0, end: dot },
      { kind: "signature", start: dot + 1, end: decoded.length },
    ];
  }
  if (checked.data) {
    const { strategy } = checked.data;
    const segments = decoded.split(".");
    const names = strategy === "jwt" && segments.length === 3 ? JWT_SEGMENTS : strategy === "jwe" && segments.length === 5 ? JWE_SEGMENTS : null;
    if (!names) return [{ kind: "cache", start: 0, end: decoded.length }];
    const parts: ValuePart[] = [];
    let start = 0;
    segments.forEach((segment, i) => {
      parts.push({ kind: names[i], start, end: start + segment.length });
      start += segment.length + 1;
    });
    return parts;
  }
  return [{ kind: "value", start: 0, end: decoded.length }];
}
