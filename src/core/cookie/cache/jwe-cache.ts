import { compactDecrypt, decodeProtectedHeader } from "jose";
import { type CacheDecode, emptyDecode, parseJsonRecord } from "./cache-payload";
import { deriveEncryptionKey, keyThumbprint } from "./jwe-key";
import type { SecretRing } from "../signed/secret-ring";

const DECRYPT_OPTIONS = {
  keyManagementAlgorithms: ["dir"],
  // Better Auth writes A256CBC-HS512 and still accepts A256GCM when reading.
  contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"],
};

/**
 * The `jwe` cookie cache and `account_data`: `dir` + A256CBC-HS512 with an HKDF-derived key.
 * Like Better Auth's `symmetricDecodeJWT`, a `kid` selects the secret among all candidates
 * (rotation keeps old caches readable); without a `kid` every secret is tried.
 */
export async function decodeJweCache(value: string, ring: SecretRing, salt: string): Promise<CacheDecode | null> {
  let header: Record<string, unknown>;
  try {
    header = { ...decodeProtectedHeader(value) };
  } catch {
    return null;
  }
  if (value.split(".").length !== 5) return null;
  const result = emptyDecode("jwe");
  result.header = header;

  const kid = typeof header.kid === "string" ? header.kid : undefined;
  let tried = 0;
  for (const secret of ring.secrets) {
    const key = deriveEncryptionKey(secret.value, salt);
    if (kid !== undefined && (await keyThumbprint(key)) !== kid) continue;
    tried++;
    try {
      const { plaintext } = await compactDecrypt(value, key, DECRYPT_OPTIONS);
      const payload = parseJsonRecord(new TextDecoder().decode(plaintext));
      if (!payload) continue;
      result.payload = payload;
      result.secret = secret.match;
      result.expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
      return result;
    } catch {
      // Wrong key for a kid-less token, or the ciphertext was altered.
    }
  }
  if (kid !== undefined && tried === 0) {
    result.failure = "no-matching-key";
    result.detail = kid;
  } else {
    result.failure = "decryption-failed";
  }
  return result;
}
