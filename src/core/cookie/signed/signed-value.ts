import { constantTimeEqual, hmacSha256 } from "./hmac";
import type { SecretRing } from "./secret-ring";
import type { SecretMatch, SignatureState } from "../types";

/** Standard base64 of a 32-byte HMAC: 43 characters and one `=` (better-call checks 44 and `=`). */
const SIGNATURE_SHAPE = /^[A-Za-z0-9+/]{43}=$/;
/** The same bytes in base64url without padding: a sign the value was re-encoded on the way. */
const BASE64URL_SIGNATURE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type SignatureProblem = "truncated" | "base64url" | "shape";

export interface SignedValueCheck {
  token: string | null;
  signature: SignatureState;
  secret: SecretMatch | null;
  /** Why a signature is malformed, for the message. */
  problem?: SignatureProblem;
  /** Length of the part after the last dot, when there is one. */
  signatureLength?: number;
  /** A malformed signature that would verify once put back into base64 form. */
  wouldVerifyAs?: SecretMatch;
}

/**
 * Verifies `token.signature` exactly as better-call's `getSignedCookie` does: split at the
 * last dot (a dot at position 0 does not count), require 44 base64 characters ending in `=`,
 * then compare HMAC-SHA256(secret, token) in constant time against each candidate.
 */
export function checkSignedValue(value: string, ring: SecretRing): SignedValueCheck {
  const dot = signatureDot(value);
  if (dot < 0) return { token: null, signature: "missing", secret: null };
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);

  if (!SIGNATURE_SHAPE.test(signature)) {
    const check: SignedValueCheck = {
      token,
      signature: "malformed",
      secret: null,
      signatureLength: signature.length,
      problem: BASE64URL_SIGNATURE_SHAPE.test(signature)
        ? "base64url"
        : looksTruncated(signature)
          ? "truncated"
          : "shape",
    };
    if (check.problem === "base64url") {
      const standard = signature.replace(/-/g, "+").replace(/_/g, "/") + "=";
      check.wouldVerifyAs = matchSignature(token, Buffer.from(standard, "base64"), ring) ?? undefined;
    }
    return check;
  }
  const match = matchSignature(token, Buffer.from(signature, "base64"), ring);
  return { token, signature: match ? "valid" : "invalid", secret: match };
}

/** Where better-call splits `token.signature`: the last dot, but not at position 0; -1 when unsigned. */
export function signatureDot(value: string): number {
  const dot = value.lastIndexOf(".");
  return dot < 1 ? -1 : dot;
}

/**
 * A signature shorter than 44 base64 characters. A cut can land inside a `%2B` escape, which
 * leaves the whole value undecodable (`…%2`); the part before the broken escape still tells.
 */
function looksTruncated(signature: string): boolean {
  let plain = signature;
  if (plain.includes("%")) {
    try {
      plain = decodeURIComponent(plain.replace(/%[0-9A-Fa-f]?$/, ""));
    } catch {
      return false;
    }
  }
  return plain.length < 44 && /^[A-Za-z0-9+/]*=?$/.test(plain);
}

function matchSignature(token: string, given: Uint8Array, ring: SecretRing): SecretMatch | null {
  for (const secret of ring.secrets) {
    if (constantTimeEqual(hmacSha256(secret.value, token), given)) return secret.match;
  }
  return null;
}
