import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { discoverSecrets, ENV_FILE_ORDER, projectEnvFiles, readEnvFiles } from "../../src/core/secrets";
import { type Minted, mintCookies, OLD_SECRET, OTHER_SECRET, SECRET } from "./mint-cookies";

// One secret discovery for the CLI, the cookie panel and the session lookup (src/core/secrets/discover.ts).

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bad-secrets-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const io = { out: "", err: "", cwd, env, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") } satisfies CliIo & { out: string; err: string };
  const code = await main(["cookie", "--format", "json", ...args], io);
  return { code, err: io.err, json: io.out ? JSON.parse(io.out) : undefined };
}

describe("discoverSecrets", () => {
  it("CLI: the environment, then --dotenv files, then the project's .env files, as one app scope", () => {
    const { scopes, problems } = discoverSecrets({
      environment: { AUTH_SECRET: "env-auth" },
      environmentIsApp: true,
      dotenv: [{ label: "ci.env", vars: { BETTER_AUTH_SECRET: "from-dotenv" } }],
      project: [{ dir: "", sources: [{ label: ".env.local", vars: { BETTER_AUTH_SECRET: "from-local" } }, { label: ".env", vars: { BETTER_AUTH_SECRET: "from-env-file" } }] }],
    });
    expect(problems).toEqual([]);
    expect(scopes).toEqual([
      {
        label: "environment, ci.env, .env files",
        kind: "app",
        candidates: [
          { value: "from-dotenv", source: "BETTER_AUTH_SECRET (ci.env)" },
          { value: "env-auth", source: "AUTH_SECRET (environment)" },
          // dotenv never overrides a variable already set: shadowed values are tried last, to explain.
          { value: "from-local", source: "BETTER_AUTH_SECRET (.env.local)" },
          { value: "from-env-file", source: "BETTER_AUTH_SECRET (.env)" },
        ],
      },
    ]);
  });

  it("editor: typed first, each app folder apart, the extension host's environment and SecretStorage as scopes of their own", () => {
    const { scopes, problems } = discoverSecrets({
      environment: { BETTER_AUTH_SECRET: "host-env" },
      environmentIsApp: false,
      project: [
        { dir: "", sources: [{ label: ".env", vars: { BETTER_AUTH_SECRET: "root" } }] },
        { dir: "apps/web", sources: [{ label: "apps/web/.env.local", vars: { BETTER_AUTH_SECRETS: "2:new,1:old" } }] },
      ],
      stored: [{ label: "SecretStorage", text: "stored" }, { label: "SecretStorage (api)", text: "1:a,1:b" }],
      typed: "typed",
    });
    expect(scopes.map((s) => [s.kind, s.label, s.candidates.map((c) => c.source + (c.version === undefined ? "" : ` v${c.version}`))])).toEqual([
      ["typed", "typed secret", ["typed secret"]],
      ["app", ".env files", ["BETTER_AUTH_SECRET (.env)"]],
      ["app", ".env files in apps/web", ["BETTER_AUTH_SECRETS (apps/web/.env.local) v2", "BETTER_AUTH_SECRETS (apps/web/.env.local) v1"]],
      ["environment", "environment", ["BETTER_AUTH_SECRET (environment)"]],
      ["stored", "SecretStorage", ["SecretStorage"]],
      ["stored", "SecretStorage (api)", ["SecretStorage (api) v1"]],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SecretStorage \(api\): entry 2 repeats version 1/);
  });

  it("finds a project's .env files in the documented order, without templates or .envrc", () => {
    const dir = project({ ".env": "", ".env.production": "", ".env.local": "", ".env.development": "", ".env.development.local": "", ".env.example": "", ".envrc": "", ".env.test": "" });
    expect(projectEnvFiles(dir)).toEqual([...ENV_FILE_ORDER, ".env.production", ".env.test"]);
    expect(projectEnvFiles(dir, [".env", join(dir, ".env.local")])).toEqual([".env.development.local", ".env.development", ".env.production", ".env.test"]);
    expect(projectEnvFiles(join(dir, "missing"))).toEqual([]);
    expect(readEnvFiles([".env.local"], dir).sources).toEqual([{ label: ".env.local", vars: {} }]);
  });
});

describe("better-auth-doctor cookie reads the project's .env files", () => {
  let minted: Minted;
  beforeAll(async () => {
    minted = await mintCookies({ secret: SECRET });
  });

  it("verifies with .env.local's secret, which wins over .env, and names the file", async () => {
    const dir = project({ ".env": `BETTER_AUTH_SECRET=${OTHER_SECRET}\n`, ".env.local": `BETTER_AUTH_SECRET=${SECRET}\n`, ".env.example": "BETTER_AUTH_SECRET=changeme\n" });
    const { code, json, err } = await cli([minted.cookieHeader], dir);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(json.sessionToken.secret).toEqual({ source: "BETTER_AUTH_SECRET (.env.local)", version: null });
  });

  it("says which file's secret is only shadowed: the app, reading .env.local first, would reject the cookie", async () => {
    const dir = project({ ".env": `BETTER_AUTH_SECRET=${SECRET}\n`, ".env.local": `BETTER_AUTH_SECRET=${OLD_SECRET}\n` });
    const { code, json } = await cli([minted.cookieHeader], dir);
    expect(code).toBe(1);
    expect(json.verdict).toBe("warning");
    expect(json.sessionToken.secret).toEqual({ source: "BETTER_AUTH_SECRET (.env)", version: null });
    expect(json.reasons.join("\n")).toMatch(/not with the current secret/);
  });

  it("reads --dotenv files before the project's own, and the environment before both", async () => {
    const dir = project({ ".env": `BETTER_AUTH_SECRET=${OLD_SECRET}\n`, "staging.env": `BETTER_AUTH_SECRET=${SECRET}\n` });
    let result = await cli(["--dotenv", "staging.env", minted.cookieHeader], dir);
    expect(result.code).toBe(0);
    expect(result.json.sessionToken.secret).toEqual({ source: "BETTER_AUTH_SECRET (staging.env)", version: null });
    result = await cli(["--dotenv", "staging.env", minted.cookieHeader], dir, { BETTER_AUTH_SECRET: SECRET });
    expect(result.json.sessionToken.secret).toEqual({ source: "BETTER_AUTH_SECRET (environment)", version: null });
  });

  it("refuses a malformed BETTER_AUTH_SECRETS in a project .env (exit 2), as Better Auth refuses to start", async () => {
    const dir = project({ ".env": `BETTER_AUTH_SECRETS=1:a,1:b\n` });
    const { code, err } = await cli([minted.cookieHeader], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/BETTER_AUTH_SECRETS \(\.env\): entry 2 repeats version 1/);
  });
});
