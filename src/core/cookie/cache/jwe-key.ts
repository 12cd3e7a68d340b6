import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint } from "jose";

/** Salts Better Auth passes to `symmetricEncodeJWT`. */
export const SESSION_CACHE_SALT = "better-auth-session";
export const ACCOUNT_COOKIE_SALT = "better-auth-account";
const INFO = "BetterAuth.js Generated Encryption Key";

/** HKDF-SHA256(ikm = secret, salt, info) to 64 bytes: the `dir` key for A256CBC-HS512. */
export function deriveEncryptionKey(secret: string, salt: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, salt, INFO, 64));
}

/** Better Auth puts the key's RFC 7638 thumbprint in the header `kid` to pick the secret. */
export function keyThumbprint(key: Uint8Array): Promise<string> {
  return calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha256");
}
