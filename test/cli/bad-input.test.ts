// What the CLI does with input that is no schema: exit 2 and one line on stderr, never a crash
// or a hang. Every case runs lint and fix.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION_FORMS } from "../../src/core/version/override";
import { CURRENT_SCHEMA } from "../core/lint/rules/helpers";
import { runCli } from "./run-cli";

let root: string;
let socket: Server;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-bad-input-"));
  writeFileSync(path.join(root, "schema.prisma"), CURRENT_SCHEMA);
});
afterAll(() => {
  socket?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Each case in a folder of its own: .prisma files side by side would form one multi-file schema. */
function alone(name: string, make: (file: string) => void): string {
  const file = path.join(mkdtempSync(path.join(root, "case-")), name);
  make(file);
  return path.relative(root, file);
}

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))));

async function bothCommands(args: string[]): Promise<{ code: number; stdout: string; stderr: string }[]> {
  return Promise.all(["lint", "fix"].map((command) => runCli([command, ...args], { cwd: root })));
}

describe("files that are not text schemas", () => {
  const cases: [string, () => string, (file: string) => string][] = [
    ["NUL bytes", () => alone("schema.prisma", (f) => writeFileSync(f, bytes("model A {\n", [0, 1, 2], "}\n"))), (f) => `${f}: not a text schema (binary data at byte 10)`],
    // 0xC3 0x28: a UTF-8 lead byte followed by a byte that cannot continue it (Latin-1 text, say).
    ["invalid UTF-8", () => alone("schema.prisma", (f) => writeFileSync(f, bytes("// caf", [0xc3, 0x28], "\n"))), (f) => `${f}: not a text schema (binary data at byte 6)`],
    ["mostly control characters", () => alone("schema.prisma", (f) => writeFileSync(f, Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 1 ? 0x1b : 0x41))))), (f) => `${f}: not a text schema (binary data at byte 1)`],
    ["a FIFO (a read would block forever)", () => alone("pipe.prisma", (f) => execFileSync("mkfifo", [f])), (f) => `${f}: not a regular file (a FIFO)`],
    ["a device", () => alone("zero.prisma", (f) => symlinkSync("/dev/zero", f)), (f) => `${f}: not a regular file (a device)`],
    ["a directory with no schema", () => alone("empty.prisma", (f) => mkdirSync(f)), (f) => `${f}: a directory with no .prisma file in it, not a schema`],
    ["over 50 MB", () => alone("huge.prisma", (f) => (writeFileSync(f, ""), truncateSync(f, 51 * 1024 * 1024))), (f) => `${f}: 51 MB is over the 50 MB limit for a text schema`],
  ];
  for (const [what, make, message] of cases) {
    it(`${what}: exit 2, one line naming it`, async () => {
      const file = make();
      const [lint, fix] = await bothCommands([file]);
      expect(lint).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor lint: ${message(file)}\n` });
      expect(fix).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor fix: ${message(file)}\n` });
    });
  }

  it("a socket: exit 2, one line naming it", async () => {
    const file = alone("sock.prisma", () => undefined);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(root, file), resolve));
    const [lint, fix] = await bothCommands([file]);
    expect(lint).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor lint: ${file}: not a regular file (a socket)\n` });
    expect(fix).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor fix: ${file}: not a regular file (a socket)\n` });
  });

  it("a FIFO inside a multi-file schema folder is refused, not read", async () => {
    const dir = mkdtempSync(path.join(root, "multi-"));
    writeFileSync(path.join(dir, "a.prisma"), CURRENT_SCHEMA);
    execFileSync("mkfifo", [path.join(dir, "b.prisma")]);
    const rel = path.relative(root, dir);
    const [lint, fix] = await bothCommands([rel]);
    expect(lint).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor lint: ${rel}/b.prisma: not a regular file (a FIFO)\n` });
    expect(fix.code).toBe(2);
  });
});

describe("--better-auth-version", () => {
  for (const value of ["abc", "-1", "latest", "*"]) {
    it(`'${value}': exit 2 listing the accepted forms`, async () => {
      for (const result of await bothCommands(["schema.prisma", `--better-auth-version=${value}`])) {
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(new RegExp(`^better-auth-doctor (lint|fix): --better-auth-version '${value.replace(/[*]/g, "\\*")}' is not a Better Auth version; expected ${VERSION_FORMS.replace(/[()^.]/g, "\\$&")}\\n$`));
      }
    });
  }

  it("'': exit 2, it is empty", async () => {
    const [lint] = await bothCommands(["schema.prisma", "--better-auth-version", ""]);
    expect(lint).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor lint: --better-auth-version is empty; expected ${VERSION_FORMS}\n` });
  });
});

describe("--config validation", () => {
  function config(value: unknown): string {
    const dir = mkdtempSync(path.join(root, "config-"));
    writeFileSync(path.join(dir, "c.json"), JSON.stringify(value));
    return path.relative(root, path.join(dir, "c.json"));
  }

  it("a misspelt severity names the rule and the allowed values", async () => {
    const file = config({ rules: { "session-token-layout": "eror" } });
    const [lint, fix] = await bothCommands(["schema.prisma", "--config", file]);
    const message = `config file ${file}: rules["session-token-layout"]: "eror" is not a severity; allowed: "error", "warn", "warning", "info", "off"\n`;
    expect(lint).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor lint: ${message}` });
    expect(fix).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor fix: ${message}` });
  });

  it("unknown keys, rules, models and a bad version are all named on one line", async () => {
    const file = config({ rule: {}, rules: { "session-token": "off" }, models: { sesion: {} }, betterAuthVersion: "latest", generateId: "cuid" });
    const [lint] = await bothCommands(["schema.prisma", "--config", file]);
    expect(lint.code).toBe(2);
    expect(lint.stderr.split("\n")).toHaveLength(2);
    expect(lint.stderr).toContain(`unknown setting "rule"; allowed: "rules", "betterAuthVersion", "usePlural", "generateId", "models"`);
    expect(lint.stderr).toContain(`rules["session-token"]: unknown rule; rules are "session-token-layout", `);
    expect(lint.stderr).toContain(`models.sesion: unknown model; allowed: "user", "session", "account", "verification"`);
    expect(lint.stderr).toContain(`betterAuthVersion: 'latest' is not a Better Auth version`);
    expect(lint.stderr).toContain(`generateId: "cuid" is not allowed; allowed: "default", "uuid", "serial", false`);
  });

  it("a valid file is used as before, its version range normalised like the flag's", async () => {
    const file = config({ rules: { "id-strategy": "off" }, betterAuthVersion: "0.8", generateId: "uuid", usePlural: false });
    const result = await runCli(["lint", "schema.prisma", "--config", file, "--format", "json"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).files[0].betterAuthVersion).toEqual({ version: "0.8.8", source: "override" });
  });
});
