import { describe, expect, it } from "vitest";
import { isFunctionValue, LastGoodParses, Unknown } from "../../../src/core/app-config";
import type { StaticValue } from "../../../src/core/app-config";
import { notes, plain, readFixture } from "./fixtures";

const names = (read: { plugins: { name: string; module: string }[] }) => read.plugins.map((p) => `${p.name}@${p.module}`);
const options = (read: { options: unknown }) => read.options as Record<string, StaticValue>;

describe("readAuthConfig on auth.ts shapes public apps write", () => {
  it("named export, Prisma adapter, nextCookies, arithmetic", () => {
    const read = readFixture("named-export-prisma");
    expect(read.file.endsWith("lib/auth.ts")).toBe(true);
    expect(read.call).toMatchObject({ line: 5, character: 20, endLine: 23, endCharacter: 2 });
    expect(names(read)).toEqual(["nextCookies@better-auth/next-js"]);
    expect(read.adapter?.name).toBe("prismaAdapter");
    expect(read.adapter?.module).toBe("better-auth/adapters/prisma");
    expect(plain(read.adapter!.args[1])).toEqual({ provider: "postgresql" });
    expect(plain(options(read).session)).toEqual({ expiresIn: 2592000, updateAge: 86400 });
    expect(notes(read)).toEqual([
      "socialProviders.google.clientId: process.env.GOOGLE_CLIENT_ID (an environment variable) — not evaluated (auth.ts:15)",
      "socialProviders.google.clientSecret: process.env.GOOGLE_CLIENT_SECRET (an environment variable) — not evaluated (auth.ts:16)",
    ]);
    expect(read.files.map((f) => f.slice(read.dir.length + 1))).toEqual(["lib/auth.ts", "lib/prisma.ts"]);
  });

  it("default export under src/lib/server/", () => {
    const read = readFixture("default-export-sqlite");
    expect(read.file.endsWith("src/lib/server/auth.ts")).toBe(true);
    expect(plain(read.options as StaticValue)).toEqual({
      database: { "adapter:prismaAdapter@better-auth/adapters/prisma": ['?db (imported from the package "$lib/db")', { provider: "sqlite" }] },
      socialProviders: { github: { clientId: "TODO", clientSecret: "TODO" } },
    });
  });

  it("betterAuth, the adapter and plugins imported under other names", () => {
    const read = readFixture("renamed-imports");
    expect(names(read)).toEqual(["twoFactor@better-auth/plugins", "organization@better-auth/plugins", "admin@better-auth/plugins"]);
    expect(plain(read.plugins[0].args as StaticValue)).toEqual([{ issuer: "Acme" }]);
    expect(read.adapter?.name).toBe("prismaAdapter");
    expect(plain(read.adapter!.args[1])).toEqual({ provider: "mysql", usePlural: true });
  });

  it("namespace imports of better-auth and its plugins", () => {
    const read = readFixture("namespace-plugins");
    expect(read.call).not.toBeNull();
    expect(names(read)).toEqual(["username@better-auth/plugins", "magicLink@better-auth/plugins"]);
    const magicLink = read.plugins[1].args[0] as Record<string, StaticValue>;
    expect(isFunctionValue(magicLink.sendMagicLink)).toBe(true);
  });

  it("factory function: export function createAuth(env) { return betterAuth(...) }, function-scope consts", () => {
    const read = readFixture("factory-function");
    expect(names(read)).toEqual(["bearer@better-auth/plugins", "openAPI@better-auth/plugins"]);
    expect(plain(read.adapter!.args[1])).toEqual({ provider: "sqlite", usePlural: true });
    expect(plain(options(read).advanced)).toEqual({ cookiePrefix: "worker", database: { generateId: "uuid" } });
    expect(notes(read)).toContain("secret: env.BETTER_AUTH_SECRET (reads env (a function parameter)) — not evaluated (auth.ts:11)");
  });

  it("factory arrow with a body, found through an explicit path", () => {
    const read = readFixture("factory-arrow", { entry: "src/modules/auth/better-auth.ts" });
    expect(read.adapter?.module).toBe("@better-auth/prisma-adapter");
    expect(names(read)).toEqual(["bearer@better-auth/plugins"]);
    expect(plain((options(read).user as Record<string, StaticValue>).additionalFields)).toEqual({
      role: { type: "string", required: false, defaultValue: "CUSTOMER", input: false },
    });
    expect(notes(read)).toContain(
      "advanced.defaultCookieAttributes.secure: config.url?.startsWith('https') || process.env.NODE_ENV =... (depends on config.url?.startsWith() (a function call)) — not evaluated (better-auth.ts:7)",
    );
  });

  it("const auth = () => betterAuth(...), exported as default", () => {
    const read = readFixture("arrow-auth-const");
    expect(read.file.endsWith("server/auth.ts")).toBe(true);
    expect(read.adapter?.name).toBe("mongodbAdapter");
    expect(names(read)).toEqual(["emailOTP@better-auth/plugins"]);
    // The adapter's first argument is the database client, never needed: no note for it.
    expect(notes(read).filter((note) => note.startsWith("database."))).toEqual(['database.mongodbAdapter(…)[1].client: client (imported from "./mongo", which was not found) — not evaluated (auth.ts:8)']);
  });

  it("plugins from a sibling module, renamed there", () => {
    const read = readFixture("sibling-plugins");
    expect(names(read)).toEqual(["admin@better-auth/plugins", "twoFactor@better-auth/plugins", "passkey@@better-auth/passkey"]);
    expect(plain(read.plugins[1].args as StaticValue)).toEqual([{ schema: { twoFactor: { modelName: "mfaSecret" } } }]);
    const spot = read.plugins[1].at;
    expect(spot.file.endsWith("lib/auth-plugins.ts")).toBe(true);
    expect(spot).toMatchObject({ line: 5, character: 2 });
  });

  it("tsconfig paths (@/*), export * and export { } re-exports, const in the sibling", () => {
    const read = readFixture("tsconfig-paths");
    expect(names(read)).toEqual(["organization@better-auth/plugins", "stripe@@better-auth/stripe"]);
    expect(plain(options(read).user)).toEqual({ modelName: "member", fields: { name: "fullName" }, additionalFields: { role: { type: "string" } } });
    expect(read.files.map((f) => f.slice(read.dir.length + 1)).sort()).toEqual([
      "src/lib/auth-config/index.ts",
      "src/lib/auth-config/plugins.ts",
      "src/lib/auth-config/user.ts",
      "src/lib/auth.ts",
      "src/lib/prisma.ts",
      "tsconfig.json",
    ]);
    const user = options(read).user as object;
    expect(read.spotOf(user, "modelName")?.file.endsWith("auth-config/user.ts")).toBe(true);
    expect(read.spotOf(user, "modelName")).toMatchObject({ line: 2, character: 2, endLine: 2, endCharacter: 11 });
  });

  it("env values: process.env, import.meta.env, env from @/env, || and ??, conditions", () => {
    // An empty BETTER_AUTH_SECRET is falsy, so `||` takes AUTH_SECRET; DB_PROVIDER is not in the map, so `??` stays unknown.
    const env = { NODE_ENV: "production", BETTER_AUTH_URL: "https://acme.dev", BETTER_AUTH_SECRET: "", AUTH_SECRET: "s3cret", GITHUB_CLIENT_ID: "gh" };
    const read = readFixture("env-values", { env });
    expect(plain(read.options as StaticValue)).toEqual({
      baseURL: "https://acme.dev",
      secret: "s3cret",
      database: {
        "adapter:drizzleAdapter@better-auth/adapters/drizzle": [
          '?db (imported from the package "@/server/db")',
          { provider: '?process.env.DB_PROVIDER ?? "pg" (depends on process.env.DB_PROVIDER (an environment variable not set))' },
        ],
      },
      socialProviders: {
        github: { clientId: "gh", clientSecret: '?process.env["GITHUB_CLIENT_SECRET"] (an environment variable not set)' },
      },
      advanced: { useSecureCookies: true, cookiePrefix: "prod" },
      trustedOrigins: ["https://acme.dev/app"],
    });
  });

  it("env values unknown without an env map, the condition named as the cause", () => {
    const read = readFixture("env-values");
    expect(plain(options(read).advanced)).toEqual({
      useSecureCookies: '?process.env.NODE_ENV === "production" (depends on process.env.NODE_ENV (an environment variable))',
      cookiePrefix: '?isProduction ? "prod" : "dev" (its condition depends on process.env.NODE_ENV (an environment variable))',
    });
  });

  it("satisfies BetterAuthOptions and as casts, options in an exported const", () => {
    const read = readFixture("satisfies-as");
    const o = options(read);
    expect([o.user, o.session, o.account, o.verification].map((m) => (m as Record<string, StaticValue>).modelName)).toEqual([
      "users",
      "sessions",
      "accounts",
      "verifications",
    ]);
    expect(names(read)).toEqual(["bearer@better-auth/plugins"]);
  });

  it("spread of a shared base config; the default export wins over another factory", () => {
    const read = readFixture("spread-base");
    expect(read.call).toMatchObject({ line: 20, character: 15 });
    expect(plain(read.options as StaticValue)).toEqual({
      emailAndPassword: { enabled: true },
      rateLimit: { window: 60, max: 20, storage: "database" },
      database: { provider: "sqlite", createInstance: "?a function" },
    });
    expect(read.adapter).toBeNull();
    expect(read.unresolved).toEqual([]);
    // Keys copied by a spread point where they were written.
    expect(read.spotOf(options(read), "emailAndPassword")).toMatchObject({ line: 5, character: 2 });
  });

  it("half-typed file never read before: not read, the note names the syntax error's line:column", () => {
    const read = readFixture("half-typed", { lastGood: new LastGoodParses() });
    expect(read.call).toBeNull();
    expect(read.options).toEqual(new Unknown("auth.ts could not be parsed"));
    expect(read.plugins).toEqual([]);
    expect(read.stale).toEqual([]);
    // Line 10 column 5 is `fields`, after `modelName: "member"` without its comma.
    expect(notes(read)).toEqual(['auth.ts:10:5: syntax error (Unexpected token, expected ",") — not read']);
  });

  it("a file with no betterAuth call (the auth client)", () => {
    const read = readFixture("no-betterauth-call");
    expect(read.call).toBeNull();
    expect(read.options).toBeInstanceOf(Unknown);
    expect(read.plugins).toEqual([]);
    expect(read.unresolved).toEqual(["auth.ts: no betterAuth(...) call found"]);
  });

  it("modelName, fields and additionalFields of the four core models, generateId", () => {
    const read = readFixture("models-and-fields");
    const o = options(read);
    expect(plain(o.session)).toEqual({
      modelName: "UserSession",
      fields: { token: "sessionToken", expiresAt: "expires" },
      additionalFields: { impersonatedBy: { type: "string", required: false } },
    });
    expect(plain((o.user as Record<string, StaticValue>).additionalFields)).toEqual({
      role: { type: "string", required: false, defaultValue: "user", input: false },
      status: { type: "number", defaultValue: 1 },
      tags: { type: "string[]", required: false },
    });
    expect(plain(o.account)).toEqual({ modelName: "Account", fields: { accountId: "providerAccountId", refreshToken: "refresh_token" } });
    expect(plain(o.advanced)).toEqual({ database: { generateId: "uuid" } });
  });

  it("rateLimit stored in the database", () => {
    const read = readFixture("rate-limit-database");
    expect(plain(options(read).rateLimit)).toEqual({
      enabled: true,
      window: 600,
      max: 100,
      storage: "database",
      modelName: "rateLimit",
      customRules: { "/sign-in/email": { window: 10, max: 3 } },
    });
  });

  it("plugin schema overrides; access-control values stay unknown", () => {
    const read = readFixture("plugin-schema-override");
    expect(plain(read.plugins[0].args as StaticValue)).toEqual([
      {
        ac: "?createAccessControl() (a function call)",
        roles: { owner: "?ac.newRole() (a function call)", member: "?ac.newRole() (a function call)" },
        schema: {
          organization: { modelName: "workspace" },
          member: { modelName: "workspaceMember", fields: { organizationId: "workspaceId" } },
        },
      },
    ]);
    expect(plain(read.plugins[1].args as StaticValue)).toEqual([{ issuer: "Acme", schema: { twoFactor: { modelName: "mfa" } } }]);
  });

  it("a conditional spread that depends on the environment is noted, not guessed", () => {
    const read = readFixture("conditional-spread");
    expect(Object.keys(options(read))).toEqual(["database", "user"]);
    expect(notes(read)[0]).toBe(
      "options: spread of googleSocialProviders ? { socialProviders: googleSocialPr... (its condition depends on process.env.GOOGLE_CLIENT_ID (an environment variable)) — not evaluated (auth.ts:12)",
    );
    // The same spread decided when the environment is given.
    const decided = readFixture("conditional-spread", { env: { GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret" } });
    expect(plain(options(decided).socialProviders)).toEqual({ google: { clientId: "id", clientSecret: "secret" } });
  });

  it("plugins spread from a function call or a let are skipped and noted by index", () => {
    const read = readFixture("plugins-spread-call");
    expect(names(read)).toEqual(["admin@better-auth/plugins"]);
    expect(read.adapter).toBeNull();
    expect(plain(options(read).advanced)).toEqual({ database: { generateId: false }, cookiePrefix: "vault" });
    expect(notes(read)).toEqual([
      "plugins[1]: spread of getPlugins() (a function call) — not evaluated (auth.ts:12)",
      "plugins[2]: spread of extraPlugins (a let/var binding, which may change) — not evaluated (auth.ts:12)",
      'database: new Pool({ connectionString: process.env["DATABASE_URL"] ... (not a literal) — not evaluated (auth.ts:6)',
    ]);
  });

  it("drizzle usePlural, better-auth/minimal, generateId as a function", () => {
    const read = readFixture("drizzle-plural-generate-fn", { entry: "src/index.ts" });
    expect(read.call).not.toBeNull();
    expect(plain(read.adapter!.args[1])).toEqual({
      provider: "pg",
      schema: '?authSchema (imported from the package "@acme/database/schemas/auth")',
      usePlural: true,
    });
    const generateId = ((options(read).advanced as Record<string, StaticValue>).database as Record<string, StaticValue>).generateId;
    expect(isFunctionValue(generateId)).toBe(true);
    expect(names(read)).toEqual(["openAPI@better-auth/plugins", "organization@better-auth/plugins"]);
  });

  it("SvelteKit: $env/static/private imports are environment variables", () => {
    const read = readFixture("sveltekit-env", { env: { ORIGIN: "https://kit.dev", BETTER_AUTH_SECRET: "x".repeat(32) } });
    expect(options(read).baseURL).toBe("https://kit.dev");
    expect(options(read).secret).toBe("x".repeat(32));
    expect(names(read)).toEqual(["sveltekitCookies@better-auth/svelte-kit"]);
    expect(notes(read)).toContain("socialProviders.github.clientId: GITHUB_CLIENT_ID (an environment variable not set) — not evaluated (auth.ts:12)");
  });

  it("Cloudflare: options module spread into a factory, env from cloudflare:workers", () => {
    const read = readFixture("cloudflare-options-module", { env: { BETTER_AUTH_URL: "https://w.dev" } });
    expect(plain(read.options as StaticValue)).toEqual({
      emailAndPassword: { enabled: true, minPasswordLength: 8 },
      plugins: [{ "plugin:tanstackStartCookies@better-auth/tanstack-start": [] }],
      baseURL: "https://w.dev",
      database: { "adapter:drizzleAdapter@better-auth/adapters/drizzle": ["?createDb() (a function call)", { provider: "sqlite" }] },
    });
    expect(read.plugins[0].at.file.endsWith("auth.options.ts")).toBe(true);
  });

  it("auth.ts re-exporting the instance from server/auth (export *, export { x as auth })", () => {
    const read = readFixture("reexported-entry");
    expect(read.call?.file.endsWith("server/auth/instance.ts")).toBe(true);
    expect(plain(read.adapter!.args[1])).toEqual({ provider: "cockroachdb" });
    expect(plain(read.plugins[0].args as StaticValue)).toEqual([{ maximumSessions: 3 }]);
  });

  it("import cycles and re-export loops end in a note", () => {
    const read = readFixture("import-cycle");
    expect(plain(read.options as StaticValue)).toEqual({
      user: { modelName: "account_user", related: "sess", loop: "?loop (circular re-exports)" },
      session: { modelName: "sess" },
    });
    expect(notes(read)).toEqual(["user.loop: loop (circular re-exports) — not evaluated (user-options.ts:4)"]);
  });

  it("export { auth } plus export default auth (the CLI's own test shape)", () => {
    const read = readFixture("export-default-object");
    expect(plain(read.options as StaticValue)).toEqual({
      emailAndPassword: { enabled: true },
      socialProviders: { github: { clientId: "test-id", clientSecret: "test-secret" } },
    });
    expect(read.unresolved).toEqual([]);
  });

  it("conditions decided from the env map", () => {
    const prod = readFixture("decidable-conditions", { env: { NODE_ENV: "production" } });
    expect(plain(prod.adapter!.args[1])).toEqual({ type: "postgres", usePlural: false });
    expect(plain(options(prod).session)).toEqual({ expiresIn: 604800, cookieCache: { enabled: true, maxAge: 300 } });
    expect(plain(options(prod).advanced)).toEqual({ useSecureCookies: true, database: { generateId: "uuid" } });
    const dev = readFixture("decidable-conditions", { env: { NODE_ENV: "development" } });
    expect(plain(options(dev).advanced)).toEqual({ useSecureCookies: false, database: { generateId: false } });
    expect(plain(dev.adapter!.args[1])).toEqual({ type: "postgres", usePlural: true });
  });

  it("plain JavaScript auth.js with a JSDoc-typed options const and a .js import", () => {
    const read = readFixture("js-commonjs-less");
    expect(read.file.endsWith("auth.js")).toBe(true);
    expect(names(read)).toEqual(["username@better-auth/plugins", "anonymous@better-auth/plugins"]);
    expect(plain(read.adapter!.args[1])).toEqual({ provider: "mongodb" });
    expect(read.files.map((f) => f.slice(read.dir.length + 1))).toEqual(["auth.js", "prisma.js"]);
  });
});
