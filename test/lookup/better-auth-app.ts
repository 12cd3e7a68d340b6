import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { verifyCookies } from "../../src/core/cookie";
import { SECRET, secretsOf } from "../cookie/mint-cookies";

// A real Better Auth app on a real database: its own migrator creates the tables, its HTTP
// handler signs users up and writes the sessions through its own (Kysely) adapter.

export type BetterAuthDatabase = Parameters<typeof betterAuth>[0]["database"];

export interface SignedUp {
  /** The Cookie header a browser would send back. */
  cookieHeader: string;
  /** The token the cookie verifier extracted (equal to what Better Auth stored). */
  token: string;
  email: string;
}

let counter = 0;

export async function betterAuthApp(database: BetterAuthDatabase) {
  const options = {
    secret: SECRET,
    baseURL: "http://localhost:3000",
    database,
    emailAndPassword: { enabled: true },
    logger: { disabled: true },
  };
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
  const auth = betterAuth(options);

  return {
    async signUp(): Promise<SignedUp> {
      const email = `lookup${++counter}-${Date.now()}@example.com`;
      const response = await auth.handler(
        new Request("http://localhost:3000/api/auth/sign-up/email", {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "lookup-test/1.0", "x-forwarded-for": "203.0.113.7" },
          body: JSON.stringify({ email, password: "correct-horse-battery", name: "Lookup Test" }),
        }),
      );
      if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
      const cookieHeader = response.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      const report = await verifyCookies(cookieHeader, { secrets: secretsOf(SECRET) });
      if (report.verdict !== "valid" || !report.sessionToken?.token) throw new Error(`cookie did not verify: ${report.reasons.map((r) => r.message).join("; ")}`);
      return { cookieHeader, token: report.sessionToken.token, email };
    },
  };
}
