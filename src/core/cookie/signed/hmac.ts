import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 with the secret's UTF-8 bytes as key, as better-call and Better Auth use it. */
export function hmacSha256(secret: string, message: string): Buffer {
  return createHmac("sha256", secret).update(message, "utf8").digest();
}

/**
 * Constant-time comparison so a verifier never leaks how much of a guessed signature was
 * right. Different lengths are unequal (timingSafeEqual would throw on them).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
