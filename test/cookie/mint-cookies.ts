import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";

/** Secrets the tests mint with; long and random-looking so Better Auth does not warn. */
export const SECRET = "test-secret-Vb3k9Qw7Zp2Lm5Xr8Tn4Hs6Jd1Fg0Ky";
export const OLD_SECRET = "old-secret-Qa8Ws2Ed4Rf6Tg8Yh0Uj2Ik4Ol6Pz8Xc";
export const OTHER_SECRET = "another-app-secret-Mn3Bv5Cx7Zl9Kj1Hg3Fd5Sa7";

export interface MintOptions {
  strategy?: "compact" | "jwt" | "jwe";
  /** `secret` option; omitted together with `secrets` for Better Auth's public default. */
  secret?: string;
  secrets?: { version: number; value: string }[];
  cookiePrefix?: string;
  useSecureCookies?: boolean;
  rememberMe?: boolean;
  /** Length of the user's name: about 6000 makes the cache exceed one cookie. */
  nameLength?: number;
  /** `session.cookieCache.maxAge` in seconds. */
  cacheMaxAge?: number;
}

export interface Minted {
  /** The raw `Set-Cookie` header values, as Better Auth sent them. */
  setCookies: string[];
  /** The same cookies as a browser would send them back: `name=value; name2=value2`. */
  cookieHeader: string;
  /** name -> wire value (URL-encoded as sent). */
  values: Map<string, string>;
  /** The session token Better Auth stored in its database. */
  dbToken: string;
}

let counter = 0;

/**
 * Signs a user up through Better Auth's real HTTP handler (memory adapter) and returns the
 * real Set-Cookie headers, so the verifier is tested against what Better Auth writes.
 */
export async function mintCookies(options: MintOptions = {}): Promise<Minted> {
  const db: Record<string, Record<string, unknown>[]> = { user: [], session: [], account: [], verification: [] };
  const saved = { a: process.env.BETTER_AUTH_SECRET, b: process.env.BETTER_AUTH_SECRETS, c: process.env.AUTH_SECRET };
  // Better Auth falls back to these variables; the test decides the secret alone.
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.BETTER_AUTH_SECRETS;
  delete process.env.AUTH_SECRET;
  try {
    const auth = betterAuth({
      baseURL: options.useSecureCookies ? "https://localhost:3000" : "http://localhost:3000",
      ...(options.secret ? { secret: options.secret } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
      database: memoryAdapter(db),
      emailAndPassword: { enabled: true },
      session: { cookieCache: { enabled: true, strategy: options.strategy ?? "compact", maxAge: options.cacheMaxAge ?? 300 } },
      advanced: {
        ...(options.cookiePrefix ? { cookiePrefix: options.cookiePrefix } : {}),
        ...(options.useSecureCookies !== undefined ? { useSecureCookies: options.useSecureCookies } : {}),
      },
      logger: { disabled: true },
    });
    const response = await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: `user${++counter}@example.com`,
          password: "correct-horse-battery",
          name: "N".repeat(options.nameLength ?? 8),
          rememberMe: options.rememberMe ?? true,
        }),
      }),
    );
    if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const setCookies = response.headers.getSetCookie();
    const values = new Map<string, string>();
    for (const line of setCookies) {
      const pair = line.split(";")[0];
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value !== "") values.set(pair.slice(0, eq), value);
    }
    const cookieHeader = [...values].map(([name, value]) => `${name}=${value}`).join("; ");
    const dbToken = String(db.session[0]?.token);
    return { setCookies, cookieHeader, values, dbToken };
  } finally {
    for (const [key, name] of [["a", "BETTER_AUTH_SECRET"], ["b", "BETTER_AUTH_SECRETS"], ["c", "AUTH_SECRET"]] as const) {
      if (saved[key] === undefined) delete process.env[name];
      else process.env[name] = saved[key];
    }
  }
}

/** Replaces the character at `index` with a different one from the same alphabet. */
export function flipChar(value: string, index: number): string {
  const c = value[index];
  const replacement = c === "A" ? "B" : "A";
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

/** A cookie header with one cookie's value swapped. */
export function withValue(minted: Minted, name: string, value: string): string {
  return [...minted.values].map(([n, v]) => `${n}=${n === name ? value : v}`).join("; ");
}

export function secretsOf(...values: string[]): { value: string; source: string }[] {
  return values.map((value, i) => ({ value, source: `test secret ${i + 1}` }));
}
