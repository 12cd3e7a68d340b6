import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { toJsonReport, verifyCookies } from "../../core/cookie";
import type { CookieReport, JsonWebKeySet } from "../../core/cookie";
import { detectBetterAuthVersion } from "../../core/version/detect";
import { parseVersionOverride } from "../../core/version/override";
import { type LookupNotRun, type LookupResult, lookupJson, lookupSession, lookupText, type PreparedLookup, prepareProjectLookup } from "../../core/lookup";
import { readConfigFile } from "../config-file";
import { discoverSecrets, projectEnvFiles, readEnvFiles } from "../../core/secrets";
import { type OptionType, readTokens } from "../args";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import { renderCookieReport, terminalSafe } from "../render-cookie-report";
import type { Command } from "./command";

const HELP = `Usage: better-auth-doctor cookie [--format text|json] [--dotenv FILE]... [--url URL]
                               [--better-auth-version X] [--jwks FILE|URL]
                               [--lookup [--database-url URL] [--schema PATH]] [input | -]

Decodes and verifies Better Auth cookies: a value, name=value, a Cookie header,
Set-Cookie lines, a curl command, or rows copied from the browser's cookie table.
Reads stdin when input is '-' or missing.

Secrets come from BETTER_AUTH_SECRETS, BETTER_AUTH_SECRET and AUTH_SECRET in the
environment, then in each --dotenv file (repeatable), then in the current folder's
.env files: .env.development.local, .env.local, .env.development, .env, then the
other .env.* files alphabetically (not .env.example and other templates). The first
that sets a variable wins, as with dotenv. Secret values are never printed.

  --format text|json   output format (default text)
  --dotenv FILE        read secrets from this env file too (also --env-file, but Node 20
                       itself reads --env-file anywhere on the command line and exits 9
                       when the file is missing)
  --url URL            where the cookie is sent: http(s) URL (flags __Secure- cookies
                       over http; its /api/auth/jwks verifies a jwt plugin cookie cache)
  --better-auth-version X
                       the app's Better Auth version: 1.7.25, 1.7 or a range, read as lint
                       reads it (default: detected from the project in the current folder)
  --jwks FILE|URL      the jwt plugin's public keys (its /api/auth/jwks), to verify
                       jwt({ sessionCookieCache: true }) caches
  --lookup             once the cookie verifies, look its session up in the project's
                       database (read-only): found, expired, not found, wrong column…
  --database-url URL   the database to look in (default: the datasource URL of
                       prisma.config.ts or the schema, from the environment or .env)
  --schema PATH        the Prisma schema file or folder (default: found as Prisma does)

Exit status: 0 valid, 1 invalid or warning, 2 usage or input error.
With --lookup, also 1 when no usable session is found, 2 when there is nothing to connect to.
`;

interface CookieArgs {
  format: "text" | "json";
  envFiles: string[];
  url?: string;
  betterAuthVersion?: string;
  jwks?: string;
  input?: string;
  help: boolean;
  lookup: boolean;
  databaseUrl?: string;
  schema?: string;
}

const COOKIE_OPTIONS = new Map<string, OptionType>([
  ...["format", "dotenv", "env-file", "url", "better-auth-version", "jwks", "database-url", "schema"].map((name) => [name, "string"] as const),
  ["lookup", "boolean"],
]);

/**
 * Each option is checked where it stands, so the first bad one is the error (even after --help),
 * and a repeated option's last value wins, except --dotenv/--env-file, which collect. Unlike
 * lint's, unknown options are named with their value, and flags ignore a value after `=`.
 */
export function parseCookieArgs(args: readonly string[]): CookieArgs {
  const out: CookieArgs = { format: "text", envFiles: [], help: false, lookup: false };
  const positional: string[] = [];
  for (const token of readTokens(args, COOKIE_OPTIONS)) {
    if (token.kind === "positional") {
      positional.push(token.value);
      continue;
    }
    const type = token.name === "help" ? "boolean" : COOKIE_OPTIONS.get(token.name);
    if (type === undefined) throw new UsageError(`unknown option '${token.arg}'`);
    if (type === "boolean") {
      if (token.name === "help") out.help = true;
      else out.lookup = true;
      continue;
    }
    const value = token.value;
    if (value === undefined) throw new UsageError(`--${token.name} needs a value`);
    if (token.name === "format") {
      if (value !== "text" && value !== "json") throw new UsageError(`--format must be text or json, not '${value}'`);
      out.format = value;
    } else if (token.name === "dotenv" || token.name === "env-file") out.envFiles.push(value);
    else if (token.name === "url") out.url = httpUrl(value);
    else if (token.name === "better-auth-version") {
      // Read as lint reads it: `1.2` is the newest 1.2 release, as installing it would give.
      const parsed = parseVersionOverride(value);
      if (!parsed.ok) throw new UsageError(`--better-auth-version ${parsed.error}`);
      out.betterAuthVersion = parsed.version.version ?? undefined;
    } else if (token.name === "jwks") out.jwks = value;
    else if (token.name === "database-url") out.databaseUrl = value;
    else out.schema = value;
  }
  // An unquoted Cookie header arrives as several words; put it back together. Anything else
  // in several words is two inputs, which would be read as one garbled header.
  if (positional.length > 1 && !looksLikeSplitHeader(positional)) {
    throw new UsageError(`give one input (quote it) or '-' for stdin; got ${positional.length} arguments`);
  }
  if (positional.length > 0) out.input = positional.join(" ");
  return out;
}

/** `Cookie: a=b; c=d` or `a=b; c=d` split at its spaces by the shell. */
function looksLikeSplitHeader(words: readonly string[]): boolean {
  const rest = /^(set-)?cookie:$/i.test(words[0]) ? words.slice(1) : words;
  return rest.every((word, i) => word.includes("=") && (i === rest.length - 1 || word.endsWith(";") || /^(set-)?cookie:/i.test(word)));
}

function httpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url must be an http:// or https:// URL, not '${terminalSafe(text)}'`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must be an http:// or https:// URL, not '${terminalSafe(text)}'`);
  return url.href;
}

export const cookieCommand: Command = {
  summary: "Decode and verify a Better Auth session cookie",
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseCookieArgs(args);
    if (options.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const input = options.input === undefined || options.input === "-" ? await io.readStdin() : options.input;

    const files = readEnvFiles(options.envFiles, io.cwd);
    const project = readEnvFiles(projectEnvFiles(io.cwd, options.envFiles), io.cwd);
    const discovered = discoverSecrets({ environment: io.env, environmentIsApp: true, dotenv: files.sources, project: [{ dir: "", sources: project.sources }] });
    for (const problem of [...files.problems, ...project.problems, ...discovered.problems]) io.stderr(`better-auth-doctor cookie: ${problem}\n`);
    // Better Auth refuses to start with a malformed secret list: no verdict would mean anything.
    // A project .env that cannot be read is only mentioned: nobody asked for it by name.
    if (files.problems.length > 0 || discovered.problems.length > 0) return EXIT_USAGE;
    const secrets = { candidates: discovered.scopes[0]?.candidates ?? [] };

    const betterAuthVersion = options.betterAuthVersion ?? detectBetterAuthVersion(io.cwd).version ?? undefined;
    const jwks = options.jwks === undefined ? undefined : await loadJwks(options.jwks, io.cwd);
    const verifyOptions = { secrets: secrets.candidates, url: options.url, betterAuthVersion, ...(jwks ? { jwks, jwksSource: options.jwks } : {}) };
    let report = await verifyCookies(input, verifyOptions);
    if (report.sessionData.verdict === "unverified" && !jwks && options.url) {
      // The jwt plugin serves its public keys next to the rest of the API.
      const endpoint = new URL("/api/auth/jwks", options.url).href;
      try {
        report = await verifyCookies(input, { ...verifyOptions, jwks: await loadJwks(endpoint, io.cwd), jwksSource: endpoint });
      } catch (error) {
        io.stderr(`better-auth-doctor cookie: ${error instanceof UsageError ? error.message : String(error)}\n`);
      }
    }
    if (!options.lookup) {
      io.stdout(options.format === "json" ? `${JSON.stringify(toJsonReport(report))}\n` : renderCookieReport(report));
      return exitCodeOf(report);
    }
    // A jwt plugin cache nothing verified yet: the plugin keeps its public keys in the app's
    // jwks table, which the lookup's connection can read as Better Auth does.
    const { result, prepared } = await lookUp(report, options, io, report.sessionData.verdict === "unverified");
    const keys = "jwks" in result ? result.jwks : undefined;
    if (keys?.jwks) report = await verifyCookies(input, { ...verifyOptions, jwks: keys.jwks, jwksSource: keys.source });
    const verdictCode = exitCodeOf(report);
    io.stdout(
      options.format === "json"
        ? `${JSON.stringify({ ...toJsonReport(report), lookup: lookupJson(result, prepared) })}\n`
        : `${renderCookieReport(report)}\n${lookupText(result, prepared).split("\n").map(terminalSafe).join("\n")}`,
    );
    if (result.kind === "found" || result.kind === "skipped") return verdictCode;
    if (result.kind === "unavailable") return EXIT_USAGE;
    return Math.max(verdictCode, EXIT_FINDINGS);
  },
};

function exitCodeOf(report: CookieReport): number {
  return report.inputProblem ? EXIT_USAGE : report.verdict === "valid" ? EXIT_OK : EXIT_FINDINGS;
}

/** `--lookup`: only for a session token whose signature verified, as Better Auth would accept it. */
async function lookUp(report: CookieReport, options: CookieArgs, io: CliIo, readJwks: boolean): Promise<{ result: LookupResult | LookupNotRun; prepared?: PreparedLookup }> {
  const signed = report.sessionToken;
  if (!signed?.token || signed.signature !== "valid") {
    const why = !signed ? "there is no session token cookie" : `its signature is ${signed.signature}`;
    return { result: { kind: "skipped", message: `Not looked up: ${why}, so Better Auth would not look in the database either.` } };
  }
  const prepared = prepareProjectLookup({
    projectDir: io.cwd,
    schemaPath: options.schema,
    databaseUrl: options.databaseUrl,
    envFiles: options.envFiles,
    env: io.env,
    config: readConfigFile(io.cwd, undefined),
  });
  if ("problem" in prepared) return { result: { kind: "unavailable", message: prepared.problem } };
  const result = await lookupSession({ url: prepared.url, provider: prepared.provider, plan: prepared.plan, token: signed.token, baseDir: prepared.baseDir, readJwks });
  return { result, prepared };
}

/** A JWKS from a file or an http(s) URL (5 s timeout); problems are usage errors (exit 2). */
async function loadJwks(where: string, cwd: string): Promise<JsonWebKeySet> {
  let text: string;
  if (/^https?:\/\//i.test(where)) {
    try {
      const response = await fetch(where, { signal: AbortSignal.timeout(5000), headers: { accept: "application/json" } });
      if (!response.ok) throw new UsageError(`cannot read the JWKS at ${where} (HTTP ${response.status})`);
      text = await response.text();
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read the JWKS at ${where} (${error instanceof Error ? error.message : "network error"})`);
    }
  } else {
    try {
      text = readFileSync(resolve(cwd, where), "utf8");
    } catch (error) {
      throw new UsageError(`cannot read the JWKS file ${where} (${(error as NodeJS.ErrnoException).code ?? "read error"})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not JSON; expected a JWKS like {"keys":[…]}`);
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "object" && k !== null)) throw new UsageError(`${where} is not a JWKS: expected {"keys":[…]}`);
  return { keys: keys as Record<string, unknown>[] };
}
