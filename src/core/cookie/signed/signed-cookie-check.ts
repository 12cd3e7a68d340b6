import { preview, reason } from "../reason";
import { describeSecret, type SecretRing } from "./secret-ring";
import { checkSignedValue } from "./signed-value";
import type { CookieKind, Reason, SecretMatch, SignedCookieResult } from "../types";
import { decodeOnce, looksUrlEncoded } from "../input/url-decode";
import { RAW_TOKEN_SHAPE } from "../value-shape";

const SESSION_KINDS: ReadonlySet<CookieKind> = new Set(["session_token", "session_token_multi"]);

/**
 * Checks one signed cookie (session_token, dont_remember, two_factor, trust_device,
 * admin_session, multi-session copies). `value` is already URL-decoded once, as the server
 * sees it.
 */
export function checkSignedCookie(
  name: string,
  kind: CookieKind,
  secure: boolean,
  value: string,
  ring: SecretRing,
): { result: SignedCookieResult; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const check = checkSignedValue(value, ring);
  const result: SignedCookieResult = { cookieName: name, secure, token: check.token, signature: check.signature, secret: check.secret };

  // Encoded twice on the way (e.g. a proxy or framework encoding an already-encoded value):
  // Better Auth decodes once, sees `%3D` in the signature and rejects it.
  if (check.signature !== "valid" && looksUrlEncoded(value)) {
    const twice = checkSignedValue(decodeOnce(value).value, ring);
    if (twice.signature === "valid" || twice.signature === "invalid") {
      result.token = twice.token;
      result.signature = "malformed";
      result.secret = null;
      reasons.push(
        reason(
          "double-encoded",
          "error",
          `${name} is URL-encoded twice (it still contains %-escapes after one decode). Better Auth decodes once, so it cannot read the signature and treats the user as signed out. Send the value exactly as Better Auth's Set-Cookie header has it.` +
            (twice.secret ? ` Decoded twice, it does verify with ${describeSecret(twice.secret)}.` : ""),
          name,
        ),
      );
      return { result, reasons };
    }
  }

  switch (check.signature) {
    case "missing":
      reasons.push(
        SESSION_KINDS.has(kind) && RAW_TOKEN_SHAPE.test(value)
          ? reason(
              "unsigned-token",
              "error",
              `${name} holds a bare token (${preview(value)}) with no signature: this is the database session token sent instead of the signed cookie value. Better Auth only accepts "<token>.<signature>" as it set it, so getSession returns null (better-auth#3892). Forward the Set-Cookie value unchanged, or sign the token the way better-call's setSignedCookie does.`,
              name,
            )
          : reason("unsigned-token", "error", `${name} has no ".<signature>" part, so Better Auth ignores it.`, name),
      );
      break;
    case "malformed":
      reasons.push(malformedReason(name, check.problem, value.slice(value.lastIndexOf(".") + 1), check.wouldVerifyAs));
      break;
    case "invalid":
      reasons.push(mismatchReason(name, ring, "signature"));
      break;
    case "valid":
      reasons.push(...secretReasons(name, check.secret as SecretMatch, "signs and checks signed cookies", "the server rejects it and the user must sign in again"));
      break;
  }
  return { result, reasons };
}

function malformedReason(name: string, problem: string | undefined, signature: string, wouldVerifyAs?: SecretMatch): Reason {
  const length = signature.length;
  if (problem === "base64url" && !/[-_]/.test(signature)) {
    // 43 plain base64 characters are both a base64url re-encoding and a value cut just before its "=".
    return reason(
      "malformed-signature",
      "error",
      `${name}'s signature is missing its final "=" (sent as %3D): the value was cut off, or re-encoded as base64url without padding. Better Auth rejects it.` +
        (wouldVerifyAs ? ` With the "=" put back it verifies with ${describeSecret(wouldVerifyAs)}.` : ""),
      name,
    );
  }
  if (problem === "base64url") {
    return reason(
      "malformed-signature",
      "error",
      `${name}'s signature was re-encoded as base64url without padding; Better Auth expects standard base64 ending in "=" (sent as %3D) and rejects it.` +
        (wouldVerifyAs ? ` Converted back it verifies with ${describeSecret(wouldVerifyAs)}: fix whatever rewrites the cookie.` : ""),
      name,
    );
  }
  if (problem === "truncated") {
    return reason(
      "malformed-signature",
      "error",
      `${name}'s signature is ${length} characters, Better Auth's is 44: the value was cut off (partial copy, or a header size limit on the way).`,
      name,
    );
  }
  return reason(
    "malformed-signature",
    "error",
    `${name}'s signature part is not 44 characters of base64 ending in "=" (${length} characters found), so Better Auth rejects it.`,
    name,
  );
}

/** Wrong secret or altered value; HMAC cannot tell which, so say both and list what was tried. */
export function mismatchReason(name: string, ring: SecretRing, what: string): Reason {
  if (ring.given === 0) {
    return reason(
      "no-secret",
      "error",
      `${name}: not verified. No secret was given and Better Auth's public default secrets do not match. Provide the app's secret (BETTER_AUTH_SECRET or BETTER_AUTH_SECRETS, in the environment or an .env file).`,
      name,
    );
  }
  const tried = ring.givenSources.join(", ");
  return reason(
    "signature-mismatch",
    "error",
    `${name}: the ${what} does not match ${ring.given === 1 ? "the secret" : `any of the ${ring.given} secrets`} tried (${tried}) nor Better Auth's public defaults. It was signed with another secret (another environment, or a secret since changed), or its content was altered.`,
    name,
  );
}

/** Warnings a verified value still deserves: public default secret, or not the current one. */
export function secretReasons(name: string, secret: SecretMatch, usage: string, consequence: string, allSecretsAccepted = false): Reason[] {
  const reasons: Reason[] = [];
  if (secret.publicDefault) {
    reasons.push(
      reason(
        "public-default-secret",
        "warning",
        `${name} IS SIGNED WITH BETTER AUTH'S PUBLIC DEFAULT SECRET (${secret.source}). Anyone can forge sessions for this app. Set BETTER_AUTH_SECRET to a random value (npx auth secret) and redeploy.`,
        name,
      ),
    );
  } else if (!secret.current && !allSecretsAccepted) {
    reasons.push(
      reason(
        "not-current-secret",
        "warning",
        `${name} verifies only with ${describeSecret(secret)}, not with the current secret. Better Auth ${usage} with the current secret only, so after this rotation ${consequence}.`,
        name,
      ),
    );
  } else if (!secret.current) {
    reasons.push(reason("not-current-secret", "info", `${name} was made with an older secret (${describeSecret(secret)}); Better Auth still accepts it.`, name));
  }
  return reasons;
}
