import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_SCHEMA } from "../core/lint/rules/helpers";
import { runCli } from "./run-cli";

// `fix` reads the app's auth config as `lint` does, including one Better Auth's CLI would not
// find (a real-world app keeps it in src/app/utils/auth.ts): otherwise the two commands disagree
// on what is missing.

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-fix-auth-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ dependencies: { "better-auth": "1.7.25" } }));
  // The app's installed better-auth (this repository's 1.7.25): its tables make the add-model fix exact.
  mkdirSync(path.join(root, "node_modules"));
  symlinkSync(path.join(__dirname, "../../node_modules/better-auth"), path.join(root, "node_modules/better-auth"), "dir");
  mkdirSync(path.join(root, "prisma"));
  writeFileSync(path.join(root, "prisma", "schema.prisma"), CURRENT_SCHEMA);
  mkdirSync(path.join(root, "src/app/utils"), { recursive: true });
  writeFileSync(
    path.join(root, "src/app/utils/auth.ts"),
    `import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { twoFactor } from "better-auth/plugins";
import { prisma } from "./db";

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  plugins: [twoFactor()],
});
`,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("fix --auth-config", () => {
  it("adds what the named config's plugins need; without it the config is not found", async () => {
    const run = (args: string[]) => runCli(["fix", ...args], { cwd: root });
    const without = await run([]);
    expect(without.code).toBe(0);
    expect(without.stdout).not.toContain("model TwoFactor");

    const withConfig = await run(["--auth-config", "src/app/utils/auth.ts"]);
    expect(withConfig).toMatchObject({ code: 0, stderr: "" });
    expect(withConfig.stdout).toContain("+model TwoFactor {");
    expect(withConfig.stdout).toContain('CREATE TABLE "twoFactor"');
  });
});
