// How every command reads its command line: option forms, repeats, `--`, `-`, help and the
// usage errors (exit 2, one line on stderr). Written against the hand-written parsers and kept
// when they moved onto node:util parseArgs, so the move changed nothing a user can see.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit } from "../core/lint/rules/helpers";
import { type Minted, mintCookies, OTHER_SECRET, SECRET } from "../cookie/mint-cookies";
import { VERSION_FORMS } from "../../src/core/version/override";
import { runCli } from "./run-cli";

const BROKEN = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
let root: string;
let minted: Minted;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-args-"));
  writeFileSync(path.join(root, "schema.prisma"), BROKEN);
  writeFileSync(path.join(root, "right.env"), `BETTER_AUTH_SECRET=${SECRET}\n`);
  writeFileSync(path.join(root, "wrong.env"), `BETTER_AUTH_SECRET=${OTHER_SECRET}\n`);
  minted = await mintCookies({ secret: SECRET });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[], stdin?: string) => runCli(args, { cwd: root, ...(stdin === undefined ? {} : { stdin }) });

/** A usage error: exit 2, nothing on stdout, exactly this line on stderr. */
async function usageError(args: string[], line: string): Promise<void> {
  expect(await run(args)).toEqual({ code: 2, stdout: "", stderr: `${line}\n` });
}

describe("the command dispatcher", () => {
  it("prints the usage on stdout for --help, -h and help, on stderr (exit 2) for nothing", async () => {
    const usage = (await run(["--help"])).stdout;
    expect(usage).toMatchSnapshot();
    for (const flag of ["-h", "help"]) expect(await run([flag])).toEqual({ code: 0, stdout: usage, stderr: "" });
    expect(await run([])).toEqual({ code: 2, stdout: "", stderr: usage });
  });

  it("takes the first word as the command, options included", async () => {
    const usage = (await run(["--help"])).stdout;
    expect(await run(["--format", "json", "lint"])).toEqual({ code: 2, stdout: "", stderr: `better-auth-doctor: unknown command '--format'\n\n${usage}` });
  });
});

describe.each(["lint", "fix"])("%s", (command) => {
  const prefix = `better-auth-doctor ${command}:`;

  it("prints its help for --help and -h, anywhere, exit 0", async () => {
    const help = await run([command, "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatchSnapshot();
    expect(await run([command, "schema.prisma", "-h"])).toEqual(help);
    // Help is looked at before option values are checked, but after unknown options.
    expect(await run([command, "--better-auth-version", "abc", "--help"])).toEqual(help);
    await usageError([command, "--help", "--bogus"], `${prefix} unknown option '--bogus'`);
  });

  it("refuses unknown options, with or without a value, and a value on a flag", async () => {
    await usageError([command, "--frobnicate"], `${prefix} unknown option '--frobnicate'`);
    await usageError([command, "schema.prisma", "--frobnicate=1"], `${prefix} unknown option '--frobnicate'`);
    await usageError([command, "--help=yes"], `${prefix} unknown option '--help'`);
    await usageError([command, "---x"], `${prefix} unknown option '---x'`);
    await usageError([command, "--=x"], `${prefix} unknown option '--'`);
  });

  it("needs a value after an option, and takes the next word whatever it looks like", async () => {
    await usageError([command, "--config"], `${prefix} option '--config' needs a value`);
    await usageError([command, "--config", "--write"], `${prefix} config file --write: cannot read it (ENOENT)`);
    await usageError([command, "--config", "-"], `${prefix} config file -: cannot read it (ENOENT)`);
  });

  it("refuses an option given twice", async () => {
    await usageError([command, "--config", "a.json", "--config=b.json"], `${prefix} option '--config' given more than once`);
    await usageError([command, "--better-auth-version=1.0.0", "--better-auth-version", "1.0.0"], `${prefix} option '--better-auth-version' given more than once`);
  });

  it("reads --opt=value and --opt value alike, before or after the paths", async () => {
    const reference = await run([command, "schema.prisma"]);
    expect(reference.stderr).toBe("");
    const pinned = await run([command, "--better-auth-version", "0.8.0", "schema.prisma"]);
    expect(pinned.stdout).not.toBe(reference.stdout);
    expect(await run([command, "schema.prisma", "--better-auth-version=0.8.0"])).toEqual(pinned);
    expect(await run([command, "--better-auth-version=-1"])).toEqual(await run([command, "--better-auth-version", "-1"]));
  });

  it("takes words that start with one dash as paths, and everything after -- as paths", async () => {
    for (const word of ["-", "-x", "-hx", "-h=1"]) await usageError([command, word], `${prefix} ${word}: no such schema file or folder`);
    await usageError([command, "--", "--help"], `${prefix} --help: no such schema file or folder`);
    await usageError([command, "schema.prisma", "--", "-h"], `${prefix} -h: no such schema file or folder`);
  });
});

describe("lint's options", () => {
  it("--format: one of text, json, sarif, checked after help", async () => {
    const json = await run(["lint", "--format", "json", "schema.prisma"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).files[0].findings.length).toBeGreaterThan(0);
    expect(await run(["lint", "schema.prisma", "--format=json"])).toEqual(json);
    expect(JSON.parse((await run(["lint", "--format=sarif"])).stdout).version).toBe("2.1.0");
    await usageError(["lint", "--format", "xml"], "better-auth-doctor lint: --format must be one of text, json, sarif (got 'xml')");
    await usageError(["lint", "--format=", "schema.prisma"], "better-auth-doctor lint: --format must be one of text, json, sarif (got '')");
    await usageError(["lint", "--format", "--json"], "better-auth-doctor lint: --format must be one of text, json, sarif (got '--json')");
    await usageError(["lint", "--format"], "better-auth-doctor lint: option '--format' needs a value");
    expect((await run(["lint", "--format", "xml", "-h"])).code).toBe(0);
  });

  it("--auth-config takes a value", async () => {
    await usageError(["lint", "--auth-config"], "better-auth-doctor lint: option '--auth-config' needs a value");
    expect((await run(["lint", "--auth-config", "none.ts", "schema.prisma"])).code).toBe(1);
  });
});

describe("fix's options", () => {
  it("--write and --keep-latest-duplicate-sessions are flags; --format is lint's only", async () => {
    const dry = await run(["fix", "schema.prisma", "--keep-latest-duplicate-sessions", "--keep-latest-duplicate-sessions"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run: nothing was written.");
    await usageError(["fix", "--write=yes"], "better-auth-doctor fix: unknown option '--write'");
    await usageError(["fix", "--format", "json"], "better-auth-doctor fix: unknown option '--format'");
    await usageError(["fix", "--auth-config"], "better-auth-doctor fix: option '--auth-config' needs a value");
  });
});

describe("cookie", () => {
  const prefix = "better-auth-doctor cookie:";
  const json = async (args: string[], stdin?: string) => {
    const result = await run(["cookie", "--format", "json", ...args], stdin);
    return { code: result.code, stderr: result.stderr, report: JSON.parse(result.stdout) };
  };

  it("prints its help for --help, -h and --help=…, exit 0", async () => {
    const help = await run(["cookie", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatchSnapshot();
    for (const args of [["-h"], ["--help=no"], ["x", "--help"], ["--url", "http://a.test", "-h"]]) expect(await run(["cookie", ...args])).toEqual(help);
  });

  it("checks each option where it stands: the first bad one is the error, help or not", async () => {
    await usageError(["cookie", "--format", "yaml", "--help"], `${prefix} --format must be text or json, not 'yaml'`);
    await usageError(["cookie", "--help", "--bogus"], `${prefix} unknown option '--bogus'`);
    await usageError(["cookie", "--url", "ftp://a.test/", "--bogus"], `${prefix} --url must be an http:// or https:// URL, not 'ftp://a.test/'`);
    await usageError(["cookie", "--bogus", "--url", "ftp://a.test/"], `${prefix} unknown option '--bogus'`);
    await usageError(["cookie", "--better-auth-version", "one", "--format=yaml"], `${prefix} --better-auth-version 'one' is not a Better Auth version; expected ${VERSION_FORMS}`);
  });

  it("--better-auth-version reads a major.minor or a range as lint does (the newest release it allows)", async () => {
    const exact = await json(["--dotenv", "right.env", "--better-auth-version", "1.0.22", minted.cookieHeader]);
    expect(exact.report.verdict).toBeDefined();
    for (const version of ["1.0", "~1.0.3", "1.0.x"]) {
      expect(await json(["--dotenv", "right.env", "--better-auth-version", version, minted.cookieHeader])).toEqual(exact);
    }
    const newer = await json(["--dotenv", "right.env", "--better-auth-version", "1.7", minted.cookieHeader]);
    expect(newer.report).not.toEqual(exact.report);
  });

  it("names an unknown option as typed, value included", async () => {
    await usageError(["cookie", "--bogus=1"], `${prefix} unknown option '--bogus=1'`);
    await usageError(["cookie", "---x"], `${prefix} unknown option '---x'`);
    // The hand-written parser took `--=x` for `--` and dropped the x; now it is refused, as lint refuses it.
    await usageError(["cookie", "--=x", "a=b"], `${prefix} unknown option '--=x'`);
  });

  it("needs a value after an option, and takes the next word whatever it looks like", async () => {
    for (const option of ["--format", "--dotenv", "--env-file", "--url", "--better-auth-version", "--jwks", "--database-url", "--schema"]) {
      await usageError(["cookie", option], `${prefix} ${option} needs a value`);
    }
    await usageError(["cookie", "--format", "--json"], `${prefix} --format must be text or json, not '--json'`);
    await usageError(["cookie", "--format="], `${prefix} --format must be text or json, not ''`);
    await usageError(["cookie", "--url", "-"], `${prefix} --url must be an http:// or https:// URL, not '-'`);
  });

  it("--format: the last one wins; --opt=value and --opt value alike", async () => {
    const text = await run(["cookie", "--format=json", "--format", "text", minted.cookieHeader]);
    expect(text.stdout).toMatch(/^INVALID\n\n/);
    // The text report says "now" or "1 second ago": compare what does not move.
    expect((await run(["cookie", "--format", "json", "--format=text", minted.cookieHeader])).stdout).toMatch(/^INVALID\n\n/);
    const json = await run(["cookie", "--format=json", minted.cookieHeader]);
    expect(JSON.parse(json.stdout).verdict).toBe("invalid");
    expect(await run(["cookie", "--format", "json", minted.cookieHeader])).toEqual(json);
  });

  it("--dotenv and --env-file collect every file, in the order given: the first that sets a secret wins", async () => {
    const right = await json(["--dotenv", "right.env", "--env-file=wrong.env", minted.cookieHeader]);
    expect(right).toMatchObject({ code: 0, report: { verdict: "valid", sessionToken: { secret: { source: "BETTER_AUTH_SECRET (right.env)" } } } });
    // The second file's secret still verifies, as an older secret would: a rotation warning.
    const wrong = await json(["--env-file", "wrong.env", "--dotenv=right.env", minted.cookieHeader]);
    expect(wrong).toMatchObject({ code: 1, report: { verdict: "warning", sessionToken: { secret: { source: "BETTER_AUTH_SECRET (right.env)" } } } });
    expect(await json(["--dotenv", "wrong.env", "--dotenv", "right.env", minted.cookieHeader])).toEqual(wrong);
  });

  it("--lookup is a flag: a value after = is ignored, a word after it is the input", async () => {
    const args = ["--dotenv", "right.env", minted.cookieHeader];
    const plain = await json(args);
    expect(plain.code).toBe(0);
    const lookup = await json(["--lookup", ...args]);
    expect(lookup.report.lookup).toBeDefined();
    expect(lookup.code).toBe(2);
    expect(await json(["--lookup=no", ...args])).toEqual(lookup);
    expect(await json(["--dotenv", "right.env", "--lookup", minted.cookieHeader])).toEqual(lookup);
  });

  it("reads stdin for '-', for no input and for '-' after --", async () => {
    const viaStdin = await json(["--dotenv", "right.env", "-"], minted.cookieHeader);
    expect(viaStdin).toMatchObject({ code: 0, report: { verdict: "valid" } });
    expect(await json(["--dotenv", "right.env"], minted.cookieHeader)).toEqual(viaStdin);
    expect(await json(["--dotenv", "right.env", "--", "-"], minted.cookieHeader)).toEqual(viaStdin);
    expect(await json(["--dotenv=right.env", minted.cookieHeader])).toEqual(viaStdin);
  });

  it("takes words after --, and words with one dash, as the input rather than options", async () => {
    for (const args of [["--", "--help"], ["-x"], ["-hx"], ["--", "--format=text"]]) {
      const result = await json(args, minted.cookieHeader);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toBe("");
      expect(result.report.verdict).toBe("invalid");
    }
  });

  it("joins a Cookie header split by the shell, and refuses two inputs", async () => {
    const split = `Cookie: ${minted.cookieHeader}`.split(" ");
    expect(await json(["--dotenv", "right.env", ...split])).toMatchObject({ code: 0, report: { verdict: "valid" } });
    await usageError(["cookie", "one", "two"], `${prefix} give one input (quote it) or '-' for stdin; got 2 arguments`);
    await usageError(["cookie", "a=b;", "--", "two"], `${prefix} give one input (quote it) or '-' for stdin; got 2 arguments`);
  });
});
