import { nestsDeeperThan } from "./json-depth";
import type { CacheStrategy, SecretMatch } from "../types";

export type CacheFailure =
  | "undecodable"
  | "signature-mismatch"
  | "no-matching-key"
  | "decryption-failed"
  | "too-deep"
  | "needs-public-key";

/** What one cache decoder found, before the verifier turns it into verdicts and reasons. */
export interface CacheDecode {
  strategy: CacheStrategy | null;
  /** `{ session, user, updatedAt, version }`, or the account for `account_data`. */
  payload: Record<string, unknown> | null;
  expiresAt: number | null;
  header: Record<string, unknown> | null;
  secret: SecretMatch | null;
  legacyCompact: boolean;
  failure?: CacheFailure;
  /** Extra words for the failure message (e.g. the JWE `kid`). */
  detail?: string;
  /**
   * A compact cache whose HMAC matches only with an expiresAt this many ms later than the one it
   * stores: Better Auth 1.1.20–1.3.3 read the clock twice when writing it (see compact-cache.ts).
   */
  signedExpiryLagMs?: number;
}

export function emptyDecode(strategy: CacheStrategy | null): CacheDecode {
  return { strategy, payload: null, expiresAt: null, header: null, secret: null, legacyCompact: false };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Strict base64url to UTF-8: Buffer's decoder silently skips bad characters, so check first. */
export function base64UrlToText(value: string): string | null {
  if (!BASE64URL.test(value) || value.length % 4 === 1) return null;
  return Buffer.from(value, "base64url").toString("utf8");
}

/** Parsed JSON object, or null; text nested deeper than Better Auth ever writes is refused. */
export function parseJsonRecord(text: string | null): Record<string, unknown> | null {
  if (text === null || nestsDeeperThan(text)) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
