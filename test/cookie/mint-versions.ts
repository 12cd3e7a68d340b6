/**
 * Mints real cookies with every minor version of Better Auth from 0.8 to 1.7 (latest patch of
 * each, installed side by side under npm aliases as dev dependencies), through each version's
 * own HTTP handler and memory adapter. Cookies are minted when the test runs, so they never
 * expire under the tests.
 */
import { createHmac } from "node:crypto";
import { compactCacheText } from "../../src/core/cookie/cache/compact-cache";
import { SECRET } from "./mint-cookies";

export const MINORS = ["0.8", "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"] as const;
export type Minor = (typeof MINORS)[number];

/** The exact versions the aliases point at (package.json). */
export const EXACT: Record<Minor, string> = {
  "0.8": "0.8.8",
  "1.0": "1.0.22",
  "1.1": "1.1.21",
  "1.2": "1.2.12",
  "1.3": "1.3.34",
  "1.4": "1.4.22",
  "1.5": "1.5.6",
  "1.6": "1.6.34",
  "1.7": "1.7.25",
};

export interface VersionMintOptions {
  secret?: string;
  /** cookieCache.strategy; only 1.4 and later have it. */
  strategy?: "compact" | "jwt" | "jwe";
  rememberMe?: boolean;
  multiSession?: boolean;
  /** 1.7's jwt({ sessionCookieCache: true }): the cache is signed with the JWKS key. */
  jwtPlugin?: boolean;
}

export interface VersionMinted {
  setCookies: string[];
  /** name -> wire value. */
  values: Map<string, string>;
  cookieHeader: string;
  /** The session token Better Auth stored: `session.token` (≥ 1.0) or `session.id` (0.8). */
  dbToken: string;
  /** The app's public keys, with jwtPlugin. */
  jwks?: unknown;
  secret: string;
}

// Dynamic specifiers keep the nine copies out of each other's way (each has its own deps).
const load = (minor: Minor, sub = "") => import(/* @vite-ignore */ `${minor === "1.7" ? "better-auth" : `better-auth-${minor}`}${sub}`);

let counter = 0;

/**
 * 1.1.20–1.3.3 read the clock twice for the compact cache (`getDate()` once for
 * the cookie's expiresAt, once inside the signed bytes): when the millisecond ticks between,
 * the app writes a cache it rejects itself. Such a cache is minted again, so tests get one the
 * version accepts.
 */
export async function mintWithVersion(minor: Minor, options: VersionMintOptions = {}): Promise<VersionMinted> {
  for (let attempt = 0; ; attempt++) {
    const minted = await mintOnce(minor, options);
    if (attempt >= 5 || options.strategy || selfConsistent(minted)) return minted;
  }
}

function selfConsistent(minted: VersionMinted): boolean {
  const wire = minted.values.get("better-auth.session_data");
  if (!wire) return true;
  const outer = JSON.parse(compactCacheText(decodeURIComponent(wire)) ?? "null");
  if (!outer?.signature) return true;
  const given = Buffer.from(outer.signature, "base64url");
  const signed = [JSON.stringify({ ...outer.session, expiresAt: outer.expiresAt }), JSON.stringify(outer.session)];
  return signed.some((text) => createHmac("sha256", minted.secret).update(text).digest().equals(given));
}

/** One sign-up, whatever its cache looks like (mintWithVersion retries until the version accepts its own cache). */
export async function mintOnce(minor: Minor, options: VersionMintOptions): Promise<VersionMinted> {
  const [{ betterAuth }, { memoryAdapter }] = await Promise.all([load(minor), load(minor, "/adapters/memory")]);
  const plugins: unknown[] = [];
  if (options.multiSession) plugins.push((await load(minor, "/plugins")).multiSession());
  if (options.jwtPlugin) plugins.push((await load(minor, "/plugins")).jwt({ sessionCookieCache: true }));
  const db: Record<string, Record<string, unknown>[]> = { user: [], session: [], account: [], verification: [], jwks: [] };
  const saved = { a: process.env.BETTER_AUTH_SECRET, b: process.env.BETTER_AUTH_SECRETS, c: process.env.AUTH_SECRET };
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.BETTER_AUTH_SECRETS;
  delete process.env.AUTH_SECRET;
  try {
    const auth = betterAuth({
      baseURL: "http://localhost:3000",
      secret: options.secret ?? SECRET,
      database: memoryAdapter(db),
      emailAndPassword: { enabled: true },
      session: { cookieCache: { enabled: true, maxAge: 300, ...(options.strategy ? { strategy: options.strategy } : {}) } },
      plugins,
      logger: { disabled: true },
    });
    const response: Response = await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ email: `v${minor}-${++counter}@example.com`, password: "correct-horse-battery", name: "Ada", rememberMe: options.rememberMe ?? true }),
      }),
    );
    if (response.status !== 200) throw new Error(`${minor}: sign-up failed: ${response.status} ${await response.text()}`);
    const setCookies = response.headers.getSetCookie();
    const values = new Map<string, string>();
    for (const line of setCookies) {
      const pair = line.split(";")[0];
      const eq = pair.indexOf("=");
      if (pair.slice(eq + 1) !== "") values.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const session = db.session[0] ?? {};
    const minted: VersionMinted = {
      setCookies,
      values,
      cookieHeader: [...values].map(([n, v]) => `${n}=${v}`).join("; "),
      dbToken: String(minor === "0.8" ? session.id : session.token),
      secret: options.secret ?? SECRET,
    };
    if (options.jwtPlugin) minted.jwks = await (await auth.handler(new Request("http://localhost:3000/api/auth/jwks"))).json();
    return minted;
  } finally {
    for (const [key, name] of [["a", "BETTER_AUTH_SECRET"], ["b", "BETTER_AUTH_SECRETS"], ["c", "AUTH_SECRET"]] as const) {
      if (saved[key] === undefined) delete process.env[name];
      else process.env[name] = saved[key];
    }
  }
}
