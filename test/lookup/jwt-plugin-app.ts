import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { jwt } from "better-auth/plugins";
import { SECRET } from "../cookie/mint-cookies";
import type { BetterAuthDatabase } from "./better-auth-app";

// A real Better Auth 1.7 app with jwt({ sessionCookieCache: true }) on a real database: its own
// migrator creates the jwks table, its handler signs the cookie cache with the key it stores there.

export interface JwtSignedUp {
  cookieHeader: string;
  /** The session_data value (the jwt plugin's cache). */
  cache: string;
  sessionToken: string;
}

let counter = 0;

export async function jwtPluginApp(database: BetterAuthDatabase) {
  const options = {
    secret: SECRET,
    baseURL: "http://localhost:3000",
    database,
    emailAndPassword: { enabled: true },
    session: { cookieCache: { enabled: true, maxAge: 300, strategy: "jwt" as const } },
    plugins: [jwt({ sessionCookieCache: true })],
    logger: { disabled: true },
  };
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
  const auth = betterAuth(options);
  return {
    async signUp(): Promise<JwtSignedUp> {
      const response = await auth.handler(
        new Request("http://localhost:3000/api/auth/sign-up/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000" },
          body: JSON.stringify({ email: `jwks${++counter}-${Date.now()}@example.com`, password: "correct-horse-battery", name: "Ada" }),
        }),
      );
      if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
      const pairs = response.headers.getSetCookie().map((line) => line.split(";")[0]);
      const value = (name: string) => pairs.find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1) ?? "";
      const cache = value("better-auth.session_data");
      if (!cache) throw new Error(`no cookie cache in ${pairs.join("; ")}`);
      return { cookieHeader: pairs.join("; "), cache, sessionToken: value("better-auth.session_token") };
    },
  };
}

/** The same cookies with the cache's user renamed and its signature kept: what a forger sends. */
export function forgeCache(signedUp: JwtSignedUp): string {
  const [header, payload, signature] = decodeURIComponent(signedUp.cache).split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  claims.user.name = "Mallory";
  const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
  return `better-auth.session_token=${signedUp.sessionToken}; better-auth.session_data=${forged}`;
}

/** The Prisma model Better Auth's generator writes for the jwt plugin (1.7). */
export const JWKS_MODEL = `
model Jwks {
  id         String    @id
  publicKey  String
  privateKey String
  createdAt  DateTime
  expiresAt  DateTime?
  alg        String?
  crv        String?

  @@map("jwks")
}
`;
